package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Groups its input by key columns in a hash table of typed keys ({@link GroupTable}) and computes the aggregates
 * for all groups of a batch at once in typed loops ({@link GroupAggregator}; DISTINCT aggregates keep a set of
 * seen (group, value) pairs). Without group keys it returns exactly one row, also for empty input.
 */
public final class HashAggregateOperator implements Operator {
  private static final int OUTPUT_BATCH = 4096;

  private final Operator input;
  private final int[] keys;
  private final List<AggregateSpec> aggregates;
  private final MemoryAccount memory;
  private GroupTable table;
  private List<GroupAggregator> aggregators;
  private int position;

  public HashAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates) {
    this(input, keys, aggregates, null);
  }

  /** A hash aggregate whose groups count against the query's memory limit on {@code allocator}. */
  public HashAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates,
      BufferAllocator allocator) {
    this.memory = new MemoryAccount(allocator, "HashAggregate");
    this.input = input;
    this.keys = keys.clone();
    this.aggregates = List.copyOf(aggregates);
  }

  @Override
  public Batch next() {
    if (table == null) {
      build();
    }
    int groups = table.size();
    if (position >= groups) {
      return null;
    }
    int to = Math.min(groups, position + OUTPUT_BATCH);
    Column[] keyColumns = table.keyColumns(position, to);
    Column[] out = new Column[keys.length + aggregators.size()];
    System.arraycopy(keyColumns, 0, out, 0, keys.length);
    for (int a = 0; a < aggregators.size(); a++) {
      out[keys.length + a] = aggregators.get(a).result(position, to);
    }
    Batch batch = new Batch(to - position, out);
    position = to;
    return batch;
  }

  /** The groups found so far (while the input is being read). */
  int groups() {
    return table == null ? 0 : table.size();
  }

  private void build() {
    table = new GroupTable(keys);
    aggregators = new ArrayList<>();
    for (AggregateSpec spec : aggregates) {
      aggregators.add(GroupAggregator.create(spec));
    }
    Batch batch;
    while ((batch = input.next()) != null) {
      Cancellation.check();
      int[] ids = table.groupIds(batch);
      long held = table.memoryBytes();
      for (GroupAggregator aggregator : aggregators) {
        aggregator.add(batch, ids, table.size());
        held += aggregator.memoryBytes();
      }
      memory.hold(held);
    }
    if (keys.length == 0) {
      table.groupIds(Batch.empty(0));
      for (GroupAggregator aggregator : aggregators) {
        aggregator.grow(1);
      }
    }
  }

  @Override
  public void close() {
    memory.close();
    input.close();
  }
}
