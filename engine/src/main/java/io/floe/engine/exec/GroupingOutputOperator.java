package io.floe.engine.exec;

import java.util.List;

/**
 * The output of an aggregation over grouping sets: reads rows of group keys, the grouping set's index (see
 * {@link GroupingSetsOperator}) and the aggregates, and returns the keys followed by the aggregate calls in their
 * original order, where GROUPING() and GROUPING_ID() calls become the value their arguments give for the row's
 * set. An empty grouping set (the grand total) gives its row also for empty input.
 */
public final class GroupingOutputOperator implements Operator {
  private final Operator input;
  private final int keyCount;
  private final long[][] grouping;
  private final List<AggregateSpec> aggregates;
  private final boolean[] emptySets;
  private final boolean[] seen;
  private int grandTotal;

  /**
   * {@code grouping[c]} is, for output call c, its value per grouping set when it is a GROUPING call, or null for
   * the next aggregate column of the input ({@code aggregates} computes them); {@code emptySets[s]}: whether
   * grouping set s is empty.
   */
  public GroupingOutputOperator(Operator input, int keyCount, long[][] grouping, List<AggregateSpec> aggregates,
      boolean[] emptySets) {
    this.input = input;
    this.keyCount = keyCount;
    this.grouping = grouping.clone();
    this.aggregates = List.copyOf(aggregates);
    this.emptySets = emptySets.clone();
    this.seen = new boolean[emptySets.length];
  }

  @Override
  public Batch next() {
    Batch b = input.next();
    return b == null ? grandTotalOfEmptyInput() : next(b);
  }

  private Batch next(Batch b) {
    int n = b.size();
    Column[] out = new Column[keyCount + grouping.length];
    System.arraycopy(b.vectors(), 0, out, 0, keyCount);
    long[] set = ((LongColumn) b.column(keyCount)).values();
    for (int r = 0; r < n; r++) {
      seen[(int) set[r]] = true;
    }
    int aggregate = keyCount + 1;
    for (int c = 0; c < grouping.length; c++) {
      if (grouping[c] == null) {
        out[keyCount + c] = b.column(aggregate++);
        continue;
      }
      long[] values = new long[n];
      for (int r = 0; r < n; r++) {
        values[r] = grouping[c][(int) set[r]];
      }
      out[keyCount + c] = new LongColumn(values, null, n, LongColumn.Kind.INTEGER, 0);
    }
    return new Batch(n, out);
  }

  /** The row of an empty grouping set that saw no input row: NULL keys, the aggregates of no rows. */
  private Batch grandTotalOfEmptyInput() {
    while (grandTotal < emptySets.length && (!emptySets[grandTotal] || seen[grandTotal])) {
      grandTotal++;
    }
    if (grandTotal >= emptySets.length) {
      return null;
    }
    long[] ids = new long[] {grandTotal++};
    Column[] keys = new Column[keyCount + 1];
    for (int k = 0; k < keyCount; k++) {
      keys[k] = new ObjectColumn(new Object[1]);
    }
    keys[keyCount] = new LongColumn(ids, null, 1, LongColumn.Kind.INTEGER, 0);
    Batch empty;
    try (HashAggregateOperator none = new HashAggregateOperator(new ValuesOperator(List.of(), 0), new int[0],
        aggregates)) {
      empty = none.next();
    }
    Column[] all = new Column[keys.length + empty.width()];
    System.arraycopy(keys, 0, all, 0, keys.length);
    System.arraycopy(empty.vectors(), 0, all, keys.length, empty.width());
    seen[(int) ids[0]] = true;
    return next(new Batch(1, all));
  }

  @Override
  public void close() {
    input.close();
  }
}
