package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.sql.SqlKind;

/**
 * PERCENTILE_CONT and PERCENTILE_DISC (fraction) WITHIN GROUP (ORDER BY x [DESC]) over a group's non-NULL keys,
 * which are kept ({@link GroupRows}) and, when the result is built, sorted per group as primitive arrays (the keys
 * are numeric): PERCENTILE_CONT interpolates between the two keys around position fraction * (n - 1) (a DOUBLE),
 * PERCENTILE_DISC takes the first key whose position reaches fraction * n (of the key's type); MEDIAN is
 * PERCENTILE_CONT(0.5). The fraction is the spec's literal or its first argument's value. A group without a key gives
 * NULL.
 */
final class QuantileAggregator extends GroupAggregator {
  /** The kept columns: the ORDER BY key, then the fraction argument unless the fraction is a literal. */
  private final GroupRows rows;
  private final int keyArg;
  private final boolean descending;
  private int groups;
  private GroupRows.Sorted grouped;

  QuantileAggregator(AggregateSpec spec) {
    super(spec);
    RelFieldCollation key = spec.order().get(0);
    this.keyArg = key.getFieldIndex();
    this.descending = key.direction.isDescending();
    this.rows = new GroupRows(spec.literal() != null ? new int[] {keyArg} : new int[] {keyArg, spec.args().get(0)});
  }

  static boolean handles(SqlKind kind) {
    return kind == SqlKind.PERCENTILE_CONT || kind == SqlKind.PERCENTILE_DISC;
  }

  @Override
  void grow(int groups) {
    this.groups = Math.max(this.groups, groups);
  }

  @Override
  boolean addAll(Batch batch, int[] ids, boolean[] selected) {
    rows.addSelectedNonNull(batch, ids, selected, keyArg);
    return true;
  }

  @Override
  void addRow(Batch batch, int row, int group) {
    throw new IllegalStateException("QuantileAggregator adds whole batches");
  }

  @Override
  Column result(int from, int to) {
    if (grouped == null) {
      grouped = rows.byGroup(groups, List.of());
    }
    Column keys = grouped.columns()[0];
    int n = to - from;
    boolean[] nulls = null;
    double[] doubles = new double[n];
    long[] longs = keys instanceof LongColumn ? new long[n] : null;
    for (int g = from; g < to; g++) {
      int first = grouped.groupStarts()[g];
      int end = grouped.groupStarts()[g + 1];
      if (first == end) {
        nulls = nulls == null ? new boolean[n] : nulls;
        nulls[g - from] = true;
        continue;
      }
      double fraction = fraction(first);
      if (keys instanceof LongColumn l) {
        long[] sorted = sortedLongs(l, first, end);
        if (spec.kind() == SqlKind.PERCENTILE_DISC) {
          longs[g - from] = sorted[discreteIndex(fraction, sorted.length)];
        } else {
          doubles[g - from] = interpolate(fraction, sorted.length, i -> l.kind() == LongColumn.Kind.DECIMAL
              ? sorted[i] / Math.pow(10, l.scale()) : sorted[i]);
        }
      } else {
        double[] sorted = sortedDoubles(keys, first, end);
        doubles[g - from] = spec.kind() == SqlKind.PERCENTILE_DISC ? sorted[discreteIndex(fraction, sorted.length)]
            : interpolate(fraction, sorted.length, i -> sorted[i]);
      }
    }
    if (longs != null && spec.kind() == SqlKind.PERCENTILE_DISC) {
      LongColumn l = (LongColumn) keys;
      return new LongColumn(longs, nulls, n, l.kind(), l.scale());
    }
    return new DoubleColumn(doubles, nulls, n);
  }

  /** The ascending index of the first key whose position (in the call's order) reaches fraction * n. */
  private int discreteIndex(double fraction, int n) {
    int index = Math.max(0, (int) Math.ceil(fraction * n) - 1);
    return descending ? n - 1 - index : index;
  }

  /** The key at position fraction * (n - 1) in the call's order, interpolated between its neighbours. */
  private double interpolate(double fraction, int n, java.util.function.IntToDoubleFunction ascending) {
    double position = fraction * (n - 1);
    if (descending) {
      position = (n - 1) - position;
    }
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    double low = ascending.applyAsDouble(below);
    return low + (position - below) * (ascending.applyAsDouble(above) - low);
  }

  private long[] sortedLongs(LongColumn keys, int first, int end) {
    long[] values = new long[end - first];
    for (int i = first; i < end; i++) {
      values[i - first] = keys.values()[grouped.rows()[i]];
    }
    Arrays.sort(values);
    return values;
  }

  private double[] sortedDoubles(Column keys, int first, int end) {
    double[] values = new double[end - first];
    for (int i = first; i < end; i++) {
      int row = grouped.rows()[i];
      if (keys instanceof DoubleColumn d) {
        values[i - first] = d.values()[row];
      } else if (keys.get(row) instanceof Number number) {
        values[i - first] = number.doubleValue();
      } else {
        throw new UnsupportedOperationException("not supported: " + spec.kind() + " of "
            + keys.get(row).getClass().getSimpleName() + " values");
      }
    }
    Arrays.sort(values);
    return values;
  }

  /** The fraction of the group whose first kept row is {@code first}: the literal, or that row's argument. */
  private double fraction(int first) {
    Object value = spec.literal() != null ? spec.literal() : grouped.columns()[1].get(grouped.rows()[first]);
    double fraction = ((Number) value).doubleValue();
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new SqlStateException("22003", spec.kind() + " fraction " + value + " is not between 0 and 1");
    }
    return fraction;
  }

  @Override
  long memoryBytes() {
    return rows.memoryBytes();
  }
}
