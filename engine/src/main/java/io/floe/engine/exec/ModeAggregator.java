package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import java.util.Arrays;
import org.apache.calcite.sql.SqlKind;

/**
 * MODE(x): the most frequent non-NULL value of each group, the smallest of those tied; NULL for a group without a
 * value. Counts each (group, value) pair in a {@link GroupTable} keyed by both (typed keys, as GROUP BY), so it holds
 * one entry per distinct pair rather than the rows.
 */
final class ModeAggregator extends GroupAggregator {
  private final GroupTable pairs = GroupTable.ofAllColumns(2);
  private long[] counts = new long[16];
  private int[] pairGroups = new int[16];
  private int groups;
  /** Built at the first result: the pairs' values and, per group, its mode's pair (-1: none). */
  private Column pairValues;
  private int[] modePairs;

  ModeAggregator(AggregateSpec spec) {
    super(spec);
  }

  static boolean handles(SqlKind kind) {
    return kind == SqlKind.MODE;
  }

  @Override
  void grow(int groups) {
    this.groups = Math.max(this.groups, groups);
  }

  @Override
  boolean addAll(Batch batch, int[] ids, boolean[] selected) {
    Column values = batch.column(spec.args().get(0));
    int[] rows = new int[batch.size()];
    int count = GroupRows.selectedNonNull(values, selected, rows);
    if (count == 0) {
      return true;
    }
    Batch keys = GroupTable.groupAndValues(ids, rows, count, values);
    int[] pairIds = pairs.groupIds(keys);
    int capacity = capacity(counts.length, pairs.size());
    counts = Arrays.copyOf(counts, capacity);
    pairGroups = Arrays.copyOf(pairGroups, capacity);
    for (int i = 0; i < count; i++) {
      counts[pairIds[i]]++;
      pairGroups[pairIds[i]] = ids[rows[i]];
    }
    return true;
  }

  @Override
  void addRow(Batch batch, int row, int group) {
    throw new IllegalStateException("ModeAggregator adds whole batches");
  }

  @Override
  Column result(int from, int to) {
    if (modePairs == null) {
      findModes();
    }
    return Gather.rows(pairValues, Arrays.copyOfRange(modePairs, from, to), to - from);
  }

  /** Picks each group's mode in one pass over the pairs (not once per output batch). */
  private void findModes() {
    pairValues = pairs.keyColumns(0, pairs.size())[1];
    modePairs = new int[groups];
    Arrays.fill(modePairs, -1);
    for (int p = 0; p < pairs.size(); p++) {
      int g = pairGroups[p];
      int current = modePairs[g];
      if (current < 0 || counts[p] > counts[current]
          || counts[p] == counts[current] && Values.compare(pairValues.get(p), pairValues.get(current)) < 0) {
        modePairs[g] = p;
      }
    }
  }

  @Override
  long memoryBytes() {
    return pairs.memoryBytes() + 12L * counts.length;
  }
}
