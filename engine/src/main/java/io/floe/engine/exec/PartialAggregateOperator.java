package io.floe.engine.exec;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The partial half of a split aggregation, which gives up grouping when grouping does not pay: it groups like
 * {@link HashAggregateOperator}, but once {@link #SAMPLE_ROWS} input rows have made more than half as many groups
 * (keys nearly unique, as {@code GROUP BY l_orderkey}), it emits the groups it has and turns every later row into
 * a partial state of its own (each row its own group), leaving the merging to the final aggregation.
 */
public final class PartialAggregateOperator implements Operator {
  /** Input rows seen before deciding whether grouping reduces the rows enough to keep it. */
  public static final int SAMPLE_ROWS = 16_384;

  private final Operator input;
  private final int[] keys;
  private final List<AggregateSpec> aggregates;
  private final BufferAllocator allocator;
  private HashAggregateOperator grouped;
  private boolean passThrough;

  public PartialAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates,
      BufferAllocator allocator) {
    this.input = input;
    this.keys = keys.clone();
    this.aggregates = List.copyOf(aggregates);
    this.allocator = allocator;
  }

  @Override
  public Batch next() {
    if (grouped == null) {
      SampledInput sample = new SampledInput();
      grouped = new HashAggregateOperator(sample, keys, aggregates, allocator);
      Batch first = grouped.next();
      passThrough = sample.stoppedEarly;
      if (first != null) {
        return first;
      }
    }
    if (passThrough) {
      Batch fromGroups = grouped.next();
      return fromGroups != null ? fromGroups : eachRowAlone(input.next());
    }
    return grouped.next();
  }

  /** The partial states of a batch's rows, each row its own group (null at the end of the input). */
  private Batch eachRowAlone(Batch batch) {
    if (batch == null) {
      return null;
    }
    int n = batch.size();
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    Column[] out = new Column[keys.length + aggregates.size()];
    for (int k = 0; k < keys.length; k++) {
      out[k] = batch.column(keys[k]);
    }
    for (int a = 0; a < aggregates.size(); a++) {
      GroupAggregator aggregator = GroupAggregator.create(aggregates.get(a));
      aggregator.add(batch, ids, n);
      out[keys.length + a] = aggregator.result(0, n);
    }
    return new Batch(n, out);
  }

  /**
   * The input as the grouping sees it: ends early, once {@link #SAMPLE_ROWS} rows are read, when the grouping so far
   * has more than half as many groups as rows; the rest of the input is then read in pass-through.
   */
  private final class SampledInput implements Operator {
    private long rows;
    private boolean stoppedEarly;

    @Override
    public Batch next() {
      if (rows >= SAMPLE_ROWS && grouped.groups() * 2 > rows) {
        stoppedEarly = true;
        return null;
      }
      Batch batch = input.next();
      if (batch != null) {
        rows += batch.size();
      }
      return batch;
    }

    @Override
    public void close() {
    }
  }

  @Override
  public void close() {
    if (grouped != null) {
      grouped.close();
    }
    input.close();
  }
}
