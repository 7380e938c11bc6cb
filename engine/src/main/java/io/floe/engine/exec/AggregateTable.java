package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The groups of a hash aggregation ({@link GroupTable}) and the states of its aggregates ({@link GroupAggregator}s),
 * output in batches of the group keys followed by one column per aggregate.
 */
final class AggregateTable {
  private static final int OUTPUT_BATCH = 4096;

  private final int keyCount;
  private final GroupTable table;
  private final List<GroupAggregator> aggregators = new ArrayList<>();
  /** Groups output so far by {@link #nextOutput()}. */
  private int emitted;

  AggregateTable(int[] keys, List<AggregateSpec> aggregates) {
    this.keyCount = keys.length;
    this.table = new GroupTable(keys);
    for (AggregateSpec spec : aggregates) {
      aggregators.add(GroupAggregator.create(spec));
    }
  }

  /** Adds every row of {@code batch}, adding groups for new keys. */
  void add(Batch batch) {
    int[] ids = table.groupIds(batch);
    for (GroupAggregator aggregator : aggregators) {
      aggregator.add(batch, ids, table.size());
    }
  }

  /**
   * Adds the rows of {@code batch} whose keys have groups and returns the others (null if there are none); adds no
   * group.
   */
  Batch addExisting(Batch batch) {
    int[] ids = table.existingGroupIds(batch);
    int n = batch.size();
    int[] found = new int[n];
    int[] missing = new int[n];
    int foundCount = 0;
    int missingCount = 0;
    for (int r = 0; r < n; r++) {
      if (ids[r] >= 0) {
        ids[foundCount] = ids[r]; // compacted in place: foundCount <= r
        found[foundCount++] = r;
      } else {
        missing[missingCount++] = r;
      }
    }
    if (foundCount > 0) {
      Batch rows = foundCount == n ? batch : batch.select(found, foundCount);
      int[] groups = foundCount == n ? ids : Arrays.copyOf(ids, foundCount);
      for (GroupAggregator aggregator : aggregators) {
        aggregator.add(rows, groups, table.size());
      }
    }
    return missingCount == 0 ? null : missingCount == n ? batch : batch.select(missing, missingCount);
  }

  /** Makes the one group of an aggregation without keys exist (also for empty input). */
  void addTheGlobalGroup() {
    table.groupIds(Batch.empty(0));
    for (GroupAggregator aggregator : aggregators) {
      aggregator.grow(1);
    }
  }

  int size() {
    return table.size();
  }

  /** Approximate bytes held by the groups and the aggregates' states. */
  long memoryBytes() {
    long bytes = table.memoryBytes();
    for (GroupAggregator aggregator : aggregators) {
      bytes += aggregator.memoryBytes();
    }
    return bytes;
  }

  /** The next (up to) {@value #OUTPUT_BATCH} groups, null after the last. */
  Batch nextOutput() {
    if (emitted >= table.size()) {
      return null;
    }
    int to = Math.min(table.size(), emitted + OUTPUT_BATCH);
    Batch batch = output(emitted, to);
    emitted = to;
    return batch;
  }

  /** Groups {@code from..to}: their keys, then each aggregate's result. */
  private Batch output(int from, int to) {
    Column[] keyColumns = table.keyColumns(from, to);
    Column[] out = new Column[keyCount + aggregators.size()];
    System.arraycopy(keyColumns, 0, out, 0, keyCount);
    for (int a = 0; a < aggregators.size(); a++) {
      out[keyCount + a] = aggregators.get(a).result(from, to);
    }
    return new Batch(to - from, out);
  }
}
