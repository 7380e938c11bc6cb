package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import java.math.BigDecimal;
import org.apache.calcite.sql.SqlKind;

/**
 * COUNT, SUM, MIN and MAX (not DISTINCT) over frames that start at their partition's first row and end with the
 * current row's group: the whole partition (one group), the row itself (ROWS ... CURRENT ROW) or its last peer
 * (RANGE ... CURRENT ROW). One typed pass over each partition's positions accumulates group after group and gives
 * every row of a group the total so far, so a whole partition's aggregate is computed once and broadcast. NULLs
 * are ignored; an empty frame gives NULL (COUNT 0).
 */
final class WindowRunningAggregates {
  private final Column[] columns;
  private final int[] order;
  private final int[] partitionEnd;
  private final int[] groupEnd;
  private final int n;

  /**
   * {@code columns} are the input columns (in input row order), {@code order} the row indexes by position,
   * {@code partitionEnd[i]} the end of position i's partition and {@code groupEnd[i]} the end of the group starting
   * at position i (null: every row is a group).
   */
  WindowRunningAggregates(Column[] columns, int[] order, int[] partitionEnd, int[] groupEnd) {
    this.columns = columns;
    this.order = order;
    this.partitionEnd = partitionEnd;
    this.groupEnd = groupEnd;
    this.n = order.length;
  }

  /** The end of the group starting at position {@code g}. */
  private int end(int g) {
    return groupEnd == null ? g + 1 : groupEnd[g];
  }

  Column count(WindowCall call) {
    boolean[] nulls = call.argument() < 0 ? null : Nulls.mask(columns[call.argument()]);
    long[] out = new long[n];
    for (int from = 0; from < n; from = partitionEnd[from]) {
      int to = partitionEnd[from];
      long count = 0;
      for (int g = from, end; g < to; g = end) {
        end = end(g);
        for (int p = g; p < end; p++) {
          count += nulls == null || !nulls[order[p]] ? 1 : 0;
        }
        for (int p = g; p < end; p++) {
          out[order[p]] = count;
        }
      }
    }
    return new LongColumn(out, null, n, LongColumn.Kind.INTEGER, 0);
  }

  Column sum(WindowCall call) {
    Column arg = WindowSums.argument(columns[call.argument()]);
    boolean[] nulls = Nulls.mask(arg);
    switch (WindowSums.kind(arg, call)) {
      case LONG:
        return longSum(((LongColumn) arg).values(), nulls, call);
      case DOUBLE:
        return doubleSum(((DoubleColumn) arg).values(), nulls, call);
      default:
        return decimalSum(arg, nulls, call);
    }
  }

  private Column longSum(long[] v, boolean[] nulls, WindowCall call) {
    WindowSums.LongResults out = new WindowSums.LongResults(call, n);
    for (int from = 0; from < n; from = partitionEnd[from]) {
      int to = partitionEnd[from];
      long hi = 0;
      long lo = 0;
      long count = 0;
      for (int g = from, end; g < to; g = end) {
        end = end(g);
        for (int p = g; p < end; p++) {
          int row = order[p];
          if (nulls == null || !nulls[row]) {
            hi = WindowSums.highPlus(hi, lo, v[row]);
            lo += v[row];
            count++;
          }
        }
        for (int p = g; p < end; p++) {
          out.set(order[p], hi, lo, count);
        }
      }
    }
    return out.column();
  }

  private Column doubleSum(double[] v, boolean[] nulls, WindowCall call) {
    WindowSums.DoubleResults out = new WindowSums.DoubleResults(call, n);
    WindowSums.Compensated sum = new WindowSums.Compensated();
    for (int from = 0; from < n; from = partitionEnd[from]) {
      int to = partitionEnd[from];
      sum.clear();
      long count = 0;
      for (int g = from, end; g < to; g = end) {
        end = end(g);
        for (int p = g; p < end; p++) {
          int row = order[p];
          if (nulls == null || !nulls[row]) {
            sum.add(v[row], 1);
            count++;
          }
        }
        double value = sum.value();
        for (int p = g; p < end; p++) {
          out.set(order[p], value, count);
        }
      }
    }
    return out.column();
  }

  private Column decimalSum(Column arg, boolean[] nulls, WindowCall call) {
    WindowSums.DecimalResults out = new WindowSums.DecimalResults(call, n);
    for (int from = 0; from < n; from = partitionEnd[from]) {
      int to = partitionEnd[from];
      BigDecimal sum = BigDecimal.ZERO;
      long count = 0;
      for (int g = from, end; g < to; g = end) {
        end = end(g);
        for (int p = g; p < end; p++) {
          int row = order[p];
          if (nulls == null || !nulls[row]) {
            sum = sum.add(Values.toBigDecimal(arg.get(row)));
            count++;
          }
        }
        for (int p = g; p < end; p++) {
          out.set(order[p], sum, count);
        }
      }
    }
    return out.column();
  }

  /**
   * Per row, the row holding its frame's minimum or maximum (-1 when the frame has no non-null value); of equal
   * values, the first.
   */
  int[] extremes(WindowCall call) {
    Column arg = columns[call.argument()];
    boolean[] nulls = Nulls.mask(arg);
    int sign = call.kind() == SqlKind.MIN ? 1 : -1;
    RowComparator.IndexComparator values = arg instanceof LongColumn || arg instanceof DoubleColumn ? null
        : RowComparator.values(arg);
    long[] longs = arg instanceof LongColumn l ? l.values() : null;
    double[] doubles = arg instanceof DoubleColumn d ? d.values() : null;
    int[] out = new int[n];
    for (int from = 0; from < n; from = partitionEnd[from]) {
      int to = partitionEnd[from];
      int best = -1;
      for (int g = from, end; g < to; g = end) {
        end = end(g);
        for (int p = g; p < end; p++) {
          int row = order[p];
          if (nulls != null && nulls[row]) {
            continue;
          }
          if (best < 0) {
            best = row;
          } else if (longs != null) {
            best = sign * Long.compare(longs[row], longs[best]) < 0 ? row : best;
          } else if (doubles != null) {
            best = sign * RowComparator.compareDoubles(doubles[row], doubles[best]) < 0 ? row : best;
          } else {
            best = sign * values.compare(row, best) < 0 ? row : best;
          }
        }
        for (int p = g; p < end; p++) {
          out[order[p]] = best;
        }
      }
    }
    return out;
  }
}
