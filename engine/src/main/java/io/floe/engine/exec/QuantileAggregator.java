package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The order statistics of a group's non-NULL values, which are kept ({@link GroupRows}) and sorted: PERCENTILE_CONT
 * (fraction) WITHIN GROUP (ORDER BY x) interpolates between the two values around position fraction * (n - 1) (as a
 * DOUBLE), PERCENTILE_DISC the first value whose position reaches fraction * n; MEDIAN is PERCENTILE_CONT(0.5).
 * MODE(x) is the most frequent value, the smallest of those tied. The fraction is the spec's literal or its first
 * argument's value. A group without a value gives NULL.
 */
final class QuantileAggregator extends GroupAggregator {
  /** The kept columns: the values ordered (the ORDER BY key, or MODE's argument), then a fraction argument. */
  private final GroupRows rows;
  /** The input column of the values ordered. */
  private final int valueArg;
  private final List<RelFieldCollation> order;
  private int groups;
  private GroupRows.Sorted sorted;

  QuantileAggregator(AggregateSpec spec) {
    super(spec);
    boolean mode = spec.kind() == SqlKind.MODE;
    RelFieldCollation direction = mode ? new RelFieldCollation(spec.args().get(0)) : spec.order().get(0);
    this.valueArg = direction.getFieldIndex();
    this.rows = new GroupRows(mode || spec.literal() != null ? new int[] {valueArg}
        : new int[] {valueArg, spec.args().get(0)});
    this.order = List.of(direction.withFieldIndex(0));
  }

  static boolean handles(SqlKind kind) {
    return kind == SqlKind.PERCENTILE_CONT || kind == SqlKind.PERCENTILE_DISC || kind == SqlKind.MODE;
  }

  @Override
  void grow(int groups) {
    this.groups = Math.max(this.groups, groups);
  }

  @Override
  boolean addAll(Batch batch, int[] ids, boolean[] selected) {
    Column values = batch.column(valueArg);
    int[] keep = new int[batch.size()];
    int count = 0;
    for (int r = 0; r < keep.length; r++) {
      if ((selected == null || selected[r]) && !values.isNull(r)) {
        keep[count++] = r;
      }
    }
    rows.add(batch, ids, keep, count);
    return true;
  }

  @Override
  void addRow(Batch batch, int row, int group) {
    throw new IllegalStateException("QuantileAggregator adds whole batches");
  }

  @Override
  Column result(int from, int to) {
    if (sorted == null) {
      sorted = rows.byGroup(groups, order);
    }
    if (spec.kind() == SqlKind.PERCENTILE_CONT) {
      return interpolated(from, to);
    }
    int n = to - from;
    int[] picks = new int[n];
    for (int g = from; g < to; g++) {
      int first = sorted.groupStarts()[g];
      int end = sorted.groupStarts()[g + 1];
      if (first == end) {
        picks[g - from] = -1;
      } else if (spec.kind() == SqlKind.MODE) {
        picks[g - from] = sorted.rows()[mostFrequent(first, end)];
      } else {
        int index = (int) Math.ceil(fraction(first) * (end - first)) - 1;
        picks[g - from] = sorted.rows()[first + Math.max(0, index)];
      }
    }
    Column picked = Gather.rows(sorted.columns()[0], picks, n);
    return spec.type().getSqlTypeName() == SqlTypeName.DOUBLE ? asDoubles(picked) : picked;
  }

  private Column interpolated(int from, int to) {
    int n = to - from;
    double[] out = new double[n];
    boolean[] nulls = null;
    Column values = sorted.columns()[0];
    for (int g = from; g < to; g++) {
      int first = sorted.groupStarts()[g];
      int end = sorted.groupStarts()[g + 1];
      if (first == end) {
        nulls = nulls == null ? new boolean[n] : nulls;
        nulls[g - from] = true;
        continue;
      }
      double position = fraction(first) * (end - first - 1);
      int below = (int) Math.floor(position);
      int above = (int) Math.ceil(position);
      double low = number(values, sorted.rows()[first + below]);
      double high = number(values, sorted.rows()[first + above]);
      out[g - from] = low + (position - below) * (high - low);
    }
    return new DoubleColumn(out, nulls, n);
  }

  /** The position in {@code rows[first..end)} of the first value of the longest run of equal values. */
  private int mostFrequent(int first, int end) {
    RowComparator.IndexComparator equal = RowComparator.byKeys(sorted.columns(), new int[] {0});
    int best = first;
    int bestLength = 0;
    int runStart = first;
    for (int i = first + 1; i <= end; i++) {
      if (i == end || equal.compare(sorted.rows()[i], sorted.rows()[runStart]) != 0) {
        if (i - runStart > bestLength) {
          best = runStart;
          bestLength = i - runStart;
        }
        runStart = i;
      }
    }
    return best;
  }

  /** The fraction of the group whose first kept row is {@code first}: the literal, or that row's argument. */
  private double fraction(int first) {
    Object value = spec.literal() != null ? spec.literal() : sorted.columns()[1].get(sorted.rows()[first]);
    double fraction = ((Number) value).doubleValue();
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new SqlStateException("22003", spec.kind() + " fraction " + value + " is not between 0 and 1");
    }
    return fraction;
  }

  private double number(Column column, int row) {
    if (column instanceof DoubleColumn d) {
      return d.values()[row];
    }
    Object v = column.get(row);
    if (!(v instanceof Number number)) {
      throw new UnsupportedOperationException("not supported: " + spec.kind() + " of "
          + (v == null ? "NULL" : v.getClass().getSimpleName()) + " values");
    }
    return number.doubleValue();
  }

  private static Column asDoubles(Column column) {
    if (column instanceof DoubleColumn) {
      return column;
    }
    double[] out = new double[column.size()];
    boolean[] nulls = null;
    for (int i = 0; i < out.length; i++) {
      Object v = column.get(i);
      if (v == null) {
        nulls = nulls == null ? new boolean[out.length] : nulls;
        nulls[i] = true;
      } else {
        out[i] = ((Number) v).doubleValue();
      }
    }
    return new DoubleColumn(out, nulls, out.length);
  }

  @Override
  long memoryBytes() {
    return rows.memoryBytes();
  }
}
