package io.floe.engine.exec;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The partial half of a split aggregation, which gives up grouping when grouping does not pay: it groups like
 * {@link HashAggregateOperator}, but once {@link #SAMPLE_ROWS} input rows have made more than half as many groups
 * (keys nearly unique, as {@code GROUP BY l_orderkey}), it emits the groups it has and turns every later row into
 * a partial state of its own (each row its own group), leaving the merging to the final aggregation. It never
 * spills or fails over the memory limit: when its groups would take more than its share of the query's memory it
 * emits them early and starts grouping anew (the final aggregation merges a key's partial states).
 */
public final class PartialAggregateOperator implements Operator {
  /** Input rows seen before deciding whether grouping reduces the rows enough to keep it. */
  public static final int SAMPLE_ROWS = 16_384;

  private final Operator input;
  private final int[] keys;
  private final List<AggregateSpec> aggregates;
  private final MemoryAccount memory;
  private final int sharers;
  private AggregateTable table;
  /** Input rows grouped so far, and the groups they made that were emitted (a key once per table it was in). */
  private long rowsGrouped;
  private long groupsEmitted;
  private AggregateTable emitting;
  private boolean passThrough;
  private boolean ended;

  public PartialAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates,
      BufferAllocator allocator) {
    this(input, keys, aggregates, allocator, 1);
  }

  /**
   * A partial aggregation whose groups count against the query's memory limit on {@code allocator}, one of
   * {@code sharers} sharing the memory that operators which can give it back may take.
   */
  public PartialAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates,
      BufferAllocator allocator, int sharers) {
    this.input = input;
    this.keys = keys.clone();
    this.aggregates = List.copyOf(aggregates);
    this.memory = new MemoryAccount(allocator, "PartialAggregate");
    this.sharers = sharers;
  }

  @Override
  public Batch next() {
    while (true) {
      if (emitting != null) {
        Batch batch = emitting.nextOutput();
        if (batch != null) {
          return batch;
        }
        emitting = null;
        memory.release();
      }
      if (ended) {
        return null;
      }
      Batch batch = input.next();
      if (batch == null) {
        ended = true;
        if (table == null && keys.length == 0) {
          table = new AggregateTable(keys, aggregates);
          table.addTheGlobalGroup();
        }
        emit();
        continue;
      }
      Cancellation.check();
      if (passThrough) {
        return eachRowAlone(batch);
      }
      if (table == null) {
        table = new AggregateTable(keys, aggregates);
      }
      table.add(batch);
      rowsGrouped += batch.size();
      if (rowsGrouped >= SAMPLE_ROWS && (groupsEmitted + table.size()) * 2 > rowsGrouped) {
        passThrough = true;
        emit();
      } else if (!memory.tryHoldSpillable(table.memoryBytes(), sharers)) {
        emit();
      }
    }
  }

  /** Outputs the groups so far (before the next input batch is read). */
  private void emit() {
    groupsEmitted += table == null ? 0 : table.size();
    emitting = table;
    table = null;
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

  @Override
  public void close() {
    memory.close();
    input.close();
  }
}
