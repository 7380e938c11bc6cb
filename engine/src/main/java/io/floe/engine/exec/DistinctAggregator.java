package io.floe.engine.exec;

/**
 * An aggregate over DISTINCT arguments (COUNT(DISTINCT x), SUM(DISTINCT x), ...): the rows whose (group, value) pair
 * was not seen before become a row selection for the same aggregate without DISTINCT, which then runs its typed loop.
 * Single long or double arguments are kept in one open-addressing table of (group, value) pairs
 * ({@link GroupValueSet}); other arguments, several arguments or a column of another shape in a {@link GroupTable}
 * keyed by the group and the arguments (typed keys, as GROUP BY), where a pair is new when it gets a new id.
 */
final class DistinctAggregator extends GroupAggregator {
  private enum Storage { NONE, LONG, DOUBLE, TABLE }

  private final GroupAggregator inner;
  private Storage storage = Storage.NONE;
  private LongColumn.Kind longKind;
  private int scale;
  private GroupValueSet pairs;
  /** Keyed by column 0, the group, and columns 1.., the arguments. */
  private GroupTable table;

  DistinctAggregator(AggregateSpec spec) {
    super(spec);
    this.inner = GroupAggregator.create(spec.allRows());
  }

  @Override
  void grow(int groups) {
    inner.grow(groups);
  }

  @Override
  boolean addAll(Batch batch, int[] ids, boolean[] selected) {
    boolean[] fresh = new boolean[batch.size()];
    if (spec.args().size() == 1) {
      Column column = batch.column(spec.args().get(0));
      adopt(column);
      if (storage == Storage.LONG) {
        markFresh(((LongColumn) column).values(), ((LongColumn) column).nulls(), ids, selected, fresh);
      } else if (storage == Storage.DOUBLE) {
        markFreshDoubles((DoubleColumn) column, ids, selected, fresh);
      }
    }
    if (spec.args().size() != 1 || storage == Storage.TABLE) {
      Column[] args = new Column[spec.args().size()];
      for (int a = 0; a < args.length; a++) {
        args[a] = batch.column(spec.args().get(a));
      }
      markFreshInTable(args, ids, selected, fresh);
    }
    inner.addSelected(batch, ids, fresh);
    return true;
  }

  /** Chooses the pair storage for the first column, or moves the pairs to the table for a column of another shape. */
  private void adopt(Column column) {
    if (storage == Storage.NONE) {
      if (column instanceof LongColumn l) {
        storage = Storage.LONG;
        longKind = l.kind();
        scale = l.scale();
        pairs = new GroupValueSet();
      } else if (column instanceof DoubleColumn) {
        storage = Storage.DOUBLE;
        pairs = new GroupValueSet();
      } else {
        storage = Storage.TABLE;
      }
      return;
    }
    boolean fits = storage == Storage.TABLE
        || storage == Storage.LONG && column instanceof LongColumn l && l.kind() == longKind && l.scale() == scale
        || storage == Storage.DOUBLE && column instanceof DoubleColumn;
    if (!fits) {
      movePairsToTable();
    }
  }

  /** Adds the (group, value) pairs seen so far to the table, which holds them from here on. */
  private void movePairsToTable() {
    int n = pairs.size();
    int[] groups = new int[n];
    long[] values = new long[n];
    int[] next = {0};
    pairs.forEach((group, value) -> {
      groups[next[0]] = group;
      values[next[0]++] = value;
    });
    Column column;
    if (storage == Storage.DOUBLE) {
      double[] doubles = new double[n];
      for (int i = 0; i < n; i++) {
        doubles[i] = Double.longBitsToDouble(values[i]);
      }
      column = new DoubleColumn(doubles, null, n);
    } else {
      column = new LongColumn(values, null, n, longKind, scale);
    }
    markFreshInTable(new Column[] {column}, groups, null, new boolean[n]);
    pairs = null;
    storage = Storage.TABLE;
  }

  private void markFresh(long[] values, boolean[] nulls, int[] ids, boolean[] selected, boolean[] fresh) {
    for (int r = 0; r < fresh.length; r++) {
      if ((nulls == null || !nulls[r]) && (selected == null || selected[r])) {
        fresh[r] = pairs.add(ids[r], values[r]);
      }
    }
  }

  private void markFreshDoubles(DoubleColumn column, int[] ids, boolean[] selected, boolean[] fresh) {
    double[] values = column.values();
    boolean[] nulls = column.nulls();
    for (int r = 0; r < fresh.length; r++) {
      if ((nulls == null || !nulls[r]) && (selected == null || selected[r])) {
        double v = values[r] == 0.0 ? 0.0 : values[r];
        fresh[r] = pairs.add(ids[r], Double.doubleToLongBits(v));
      }
    }
  }

  /**
   * Marks the selected rows without a NULL argument whose (group, arguments) key is new to the table: the table
   * numbers new keys in the order their first rows come, so a row is fresh when it gets the next new number.
   */
  private void markFreshInTable(Column[] args, int[] ids, boolean[] selected, boolean[] fresh) {
    int[] rows = new int[fresh.length];
    int count = 0;
    candidates:
    for (int r = 0; r < fresh.length; r++) {
      if (selected != null && !selected[r]) {
        continue;
      }
      for (Column arg : args) {
        if (arg.isNull(r)) {
          continue candidates;
        }
      }
      rows[count++] = r;
    }
    if (count == 0) {
      return;
    }
    Batch keys = GroupTable.groupAndValues(ids, rows, count, args);
    if (table == null) {
      table = GroupTable.ofAllColumns(keys.width());
    }
    int nextNew = table.size();
    int[] keyIds = table.groupIds(keys);
    for (int i = 0; i < count; i++) {
      if (keyIds[i] == nextNew) {
        fresh[rows[i]] = true;
        nextNew++;
      }
    }
  }

  @Override
  void addRow(Batch batch, int row, int group) {
    throw new IllegalStateException("DistinctAggregator adds whole batches");
  }

  @Override
  Column result(int from, int to) {
    return inner.result(from, to);
  }

  @Override
  long memoryBytes() {
    return inner.memoryBytes() + (pairs == null ? 0 : pairs.memoryBytes())
        + (table == null ? 0 : table.memoryBytes());
  }
}
