package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlKind;

/**
 * A window whose functions are all COUNT, SUM, MIN and MAX (not DISTINCT) over frames that are whole partitions: one
 * typed pass over the rows in input order accumulates each aggregate per partition id, and every row takes its
 * partition's result. The rows are neither grouped by partition nor sorted. NULLs are ignored; a partition without
 * a non-null value gives NULL (COUNT 0, $SUM0 0).
 */
final class WindowPartitionAggregates {
  private final Column[] columns;
  private final int[] partitionIds;
  private final int partitions;
  private final int n;

  /** {@code partitionIds[r]}: row r's partition, dense from 0; {@code columns} in input row order. */
  WindowPartitionAggregates(Column[] columns, int[] partitionIds, int n) {
    this.columns = columns;
    this.partitionIds = partitionIds;
    this.n = n;
    int max = -1;
    for (int r = 0; r < n; r++) {
      max = Math.max(max, partitionIds[r]);
    }
    this.partitions = max + 1;
  }

  /** Whether every call of a window with {@code frame} and ORDER BY ({@code ordered}) is computed here. */
  static boolean covers(WindowFrame frame, boolean ordered, List<WindowCall> calls) {
    if (!frame.wholePartition(ordered)) {
      return false;
    }
    for (WindowCall call : calls) {
      if (!WindowFunctions.AGGREGATES.contains(call.kind()) || call.distinct()) {
        return false;
      }
    }
    return true;
  }

  Column evaluate(WindowCall call) {
    switch (call.kind()) {
      case COUNT:
        return count(call);
      case SUM:
      case SUM0:
        return sum(call);
      default:
        return extremes(call);
    }
  }

  /** Per partition, how many rows hold a non-null value ({@code nulls}: the NULL rows, or null for none). */
  private long[] counts(boolean[] nulls) {
    long[] counts = new long[partitions];
    for (int r = 0; r < n; r++) {
      counts[partitionIds[r]] += nulls == null || !nulls[r] ? 1 : 0;
    }
    return counts;
  }

  private Column count(WindowCall call) {
    long[] counts = counts(call.argument() < 0 ? null : Nulls.mask(columns[call.argument()]));
    long[] out = new long[n];
    for (int r = 0; r < n; r++) {
      out[r] = counts[partitionIds[r]];
    }
    return new LongColumn(out, null, n, LongColumn.Kind.INTEGER, 0);
  }

  private Column sum(WindowCall call) {
    Column arg = WindowSums.argument(columns[call.argument()]);
    boolean[] nulls = Nulls.mask(arg);
    long[] counts = counts(nulls);
    Column sums;
    switch (WindowSums.kind(arg, call)) {
      case LONG:
        sums = longSums(((LongColumn) arg).values(), nulls, counts, call);
        break;
      case DOUBLE:
        sums = doubleSums(((DoubleColumn) arg).values(), nulls, counts, call);
        break;
      default:
        sums = decimalSums(arg, nulls, counts, call);
        break;
    }
    return Gather.rows(sums, partitionIds, n);
  }

  /** Per partition, its sum of longs in 128 bits. */
  private Column longSums(long[] v, boolean[] nulls, long[] counts, WindowCall call) {
    long[] hi = new long[partitions];
    long[] lo = new long[partitions];
    for (int r = 0; r < n; r++) {
      if (nulls == null || !nulls[r]) {
        int p = partitionIds[r];
        hi[p] = WindowSums.highPlus(hi[p], lo[p], v[r]);
        lo[p] += v[r];
      }
    }
    WindowSums.LongResults out = new WindowSums.LongResults(call, partitions);
    for (int p = 0; p < partitions; p++) {
      out.set(p, hi[p], lo[p], counts[p]);
    }
    return out.column();
  }

  /**
   * Per partition, its compensated (Neumaier) sum of the finite doubles, or the sum of its infinities and NaNs when
   * it has any (infinity, or NaN for NaN or infinities of both signs).
   */
  private Column doubleSums(double[] v, boolean[] nulls, long[] counts, WindowCall call) {
    double[] sum = new double[partitions];
    double[] compensation = new double[partitions];
    double[] nonFinite = new double[partitions];
    for (int r = 0; r < n; r++) {
      if (nulls != null && nulls[r]) {
        continue;
      }
      int p = partitionIds[r];
      double x = v[r];
      if (Double.isFinite(x)) {
        double s = sum[p];
        double t = s + x;
        compensation[p] += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
        sum[p] = t;
      } else {
        nonFinite[p] += x;
      }
    }
    WindowSums.DoubleResults out = new WindowSums.DoubleResults(call, partitions);
    for (int p = 0; p < partitions; p++) {
      out.set(p, nonFinite[p] != 0 || Double.isNaN(nonFinite[p]) ? nonFinite[p] : sum[p] + compensation[p],
          counts[p]);
    }
    return out.column();
  }

  /** Per partition, its exact sum as a BigDecimal. */
  private Column decimalSums(Column arg, boolean[] nulls, long[] counts, WindowCall call) {
    BigDecimal[] sums = new BigDecimal[partitions];
    Arrays.fill(sums, BigDecimal.ZERO);
    for (int r = 0; r < n; r++) {
      if (nulls == null || !nulls[r]) {
        sums[partitionIds[r]] = sums[partitionIds[r]].add(Values.toBigDecimal(arg.get(r)));
      }
    }
    WindowSums.DecimalResults out = new WindowSums.DecimalResults(call, partitions);
    for (int p = 0; p < partitions; p++) {
      out.set(p, sums[p], counts[p]);
    }
    return out.column();
  }

  /** MIN or MAX: per partition the row holding its extreme value (of equal values the first), broadcast. */
  private Column extremes(WindowCall call) {
    Column arg = columns[call.argument()];
    boolean[] nulls = Nulls.mask(arg);
    int sign = call.kind() == SqlKind.MIN ? 1 : -1;
    int[] best = new int[partitions];
    Arrays.fill(best, -1);
    if (arg instanceof LongColumn l) {
      long[] v = l.values();
      for (int r = 0; r < n; r++) {
        int p = partitionIds[r];
        if ((nulls == null || !nulls[r]) && (best[p] < 0 || sign * Long.compare(v[r], v[best[p]]) < 0)) {
          best[p] = r;
        }
      }
    } else if (arg instanceof DoubleColumn d) {
      double[] v = d.values();
      for (int r = 0; r < n; r++) {
        int p = partitionIds[r];
        if ((nulls == null || !nulls[r])
            && (best[p] < 0 || sign * RowComparator.compareDoubles(v[r], v[best[p]]) < 0)) {
          best[p] = r;
        }
      }
    } else {
      RowComparator.IndexComparator values = RowComparator.values(arg);
      for (int r = 0; r < n; r++) {
        int p = partitionIds[r];
        if ((nulls == null || !nulls[r]) && (best[p] < 0 || sign * values.compare(r, best[p]) < 0)) {
          best[p] = r;
        }
      }
    }
    int[] rows = new int[n];
    for (int r = 0; r < n; r++) {
      rows[r] = best[partitionIds[r]];
    }
    return Gather.rows(arg, rows, n);
  }
}
