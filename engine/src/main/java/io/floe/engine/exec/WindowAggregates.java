package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import java.math.BigDecimal;
import org.apache.calcite.sql.SqlKind;

/**
 * The window aggregates COUNT, SUM (AVG is Calcite's SUM / COUNT), MIN and MAX over frames that slide forward
 * within each partition, each frame made of pieces of sorted positions (see {@link WindowFrame#exclude}): COUNT and
 * SUM add the rows entering a piece and subtract those leaving it (SUM of longs in 128 bits, of doubles with
 * compensation), MIN and MAX keep a monotonic deque of candidate positions per piece. NULLs are ignored; an empty
 * frame gives NULL (COUNT 0). DISTINCT counts each value once.
 */
final class WindowAggregates {
  private final Column[] columns;
  private final int[] order;
  private final int[] partitionEnd;
  private final int n;
  private final int[][] starts;
  private final int[][] ends;

  /**
   * {@code columns} are the input columns (in input row order), {@code order} the sorted row indexes,
   * {@code partitionEnd[i]} the end of position i's partition, {@code pieces} the frames.
   */
  WindowAggregates(Column[] columns, int[] order, int[] partitionEnd, WindowFrame.Pieces pieces) {
    this.columns = columns;
    this.order = order;
    this.partitionEnd = partitionEnd;
    this.n = order.length;
    this.starts = pieces.starts();
    this.ends = pieces.ends();
  }

  Column count(WindowCall call) {
    long[] out = new long[n];
    Column arg = call.argument() < 0 ? null : columns[call.argument()];
    if (arg == null) {
      for (int k = 0; k < starts.length; k++) {
        for (int i = 0; i < n; i++) {
          out[order[i]] += ends[k][i] - starts[k][i];
        }
      }
    } else {
      slide(arg, call, new SlidingSum() {
        @Override
        public void enter(int row) {
        }

        @Override
        public void leave(int row) {
        }

        @Override
        public void emit(int row, long count) {
          out[row] = count;
        }
      });
    }
    return new LongColumn(out, null, n, LongColumn.Kind.INTEGER, 0);
  }

  /**
   * A running aggregate over a window frame that slides forward within each partition: the argument's non-null
   * rows enter at the end of a frame's piece and leave at its start.
   */
  private interface SlidingSum {
    /** A new partition starts: the frame is empty. */
    default void clear() {
    }

    void enter(int row);

    void leave(int row);

    /** The result for {@code row}, whose frame holds {@code count} non-null values. */
    void emit(int row, long count);
  }

  /**
   * Slides every partition's frames over {@code arg}'s rows in window order, feeding {@code sum}: each piece of the
   * frames has its own two pointers, as both its ends only move forward. For a DISTINCT call only a value's first
   * row entering the frame enters and its last row leaving leaves.
   */
  private void slide(Column arg, WindowCall call, SlidingSum sum) {
    int[] ids = call.distinct() ? valueIds(arg) : null;
    int[] copies = call.distinct() ? new int[n] : null;
    int pieces = starts.length;
    int[] a = new int[pieces];
    int[] b = new int[pieces];
    for (int from = 0; from < n; from = partitionEnd[from]) {
      int to = partitionEnd[from];
      java.util.Arrays.fill(a, from);
      java.util.Arrays.fill(b, from);
      long count = 0;
      sum.clear();
      if (copies != null) {
        for (int i = from; i < to; i++) {
          copies[Math.max(0, ids[order[i]])] = 0;
        }
      }
      for (int i = from; i < to; i++) {
        for (int k = 0; k < pieces; k++) {
          for (; a[k] < starts[k][i]; a[k]++) {
            int row = order[a[k]];
            if (a[k] < b[k] && !arg.isNull(row) && (ids == null || --copies[ids[row]] == 0)) {
              sum.leave(row);
              count--;
            }
          }
          b[k] = Math.max(b[k], a[k]);
          for (; b[k] < ends[k][i]; b[k]++) {
            int row = order[b[k]];
            if (!arg.isNull(row) && (ids == null || copies[ids[row]]++ == 0)) {
              sum.enter(row);
              count++;
            }
          }
        }
        sum.emit(order[i], count);
      }
    }
  }

  /**
   * Per row, a number naming its value among the column's distinct non-null values (-1 for NULL): an open-addressing
   * table of one representative row per value, by the values' key hashes and key equality (as GROUP BY has them).
   */
  private int[] valueIds(Column arg) {
    int[] hashes = Keys.hashes(new Batch(n, new Column[] {arg}), new int[] {0});
    int[] ids = new int[n];
    int capacity = Integer.highestOneBit(Math.max(2, 2 * n - 1)) << 1;
    int mask = capacity - 1;
    int[] representative = new int[capacity];
    java.util.Arrays.fill(representative, -1);
    int next = 0;
    for (int row = 0; row < n; row++) {
      if (arg.isNull(row)) {
        ids[row] = -1;
        continue;
      }
      int h = hashes[row] * 0x9E3779B9;
      int slot = (h ^ (h >>> 15)) & mask;
      while (representative[slot] >= 0 && !Keys.equal(arg, representative[slot], arg, row)) {
        slot = (slot + 1) & mask;
      }
      if (representative[slot] < 0) {
        representative[slot] = row;
        ids[row] = next++;
      } else {
        ids[row] = ids[representative[slot]];
      }
    }
    return ids;
  }

  Column sum(WindowCall call) {
    Column arg = WindowSums.argument(columns[call.argument()]);
    switch (WindowSums.kind(arg, call)) {
      case DOUBLE:
        return doubleSum((DoubleColumn) arg, call);
      case LONG:
        return longSum((LongColumn) arg, call);
      default:
        return decimalSum(arg, call);
    }
  }

  /** Sums of longs in 128 bits (high and low words), exact whatever the frames' order of adding and removing. */
  private Column longSum(LongColumn arg, WindowCall call) {
    long[] v = arg.values();
    WindowSums.LongResults out = new WindowSums.LongResults(call, n);
    slide(arg, call, new SlidingSum() {
      long hi;
      long lo;

      @Override
      public void clear() {
        hi = 0;
        lo = 0;
      }

      @Override
      public void enter(int row) {
        hi = WindowSums.highPlus(hi, lo, v[row]);
        lo += v[row];
      }

      @Override
      public void leave(int row) {
        long x = v[row];
        hi -= (x >> 63) + (Long.compareUnsigned(lo, x) < 0 ? 1 : 0);
        lo -= x;
      }

      @Override
      public void emit(int row, long count) {
        out.set(row, hi, lo, count);
      }
    });
    return out.column();
  }

  /** Sums of doubles, compensated, with infinities and NaNs counted apart so leaving rows can be removed. */
  private Column doubleSum(DoubleColumn arg, WindowCall call) {
    double[] v = arg.values();
    WindowSums.DoubleResults out = new WindowSums.DoubleResults(call, n);
    WindowSums.Compensated sum = new WindowSums.Compensated();
    slide(arg, call, new SlidingSum() {
      @Override
      public void clear() {
        sum.clear();
      }

      @Override
      public void enter(int row) {
        sum.add(v[row], 1);
      }

      @Override
      public void leave(int row) {
        sum.add(-v[row], -1);
      }

      @Override
      public void emit(int row, long count) {
        out.set(row, sum.value(), count);
      }
    });
    return out.column();
  }

  /** Sums of any numbers as BigDecimals (exact), for arguments not held as longs at the result's scale. */
  private Column decimalSum(Column arg, WindowCall call) {
    WindowSums.DecimalResults out = new WindowSums.DecimalResults(call, n);
    slide(arg, call, new SlidingSum() {
      private BigDecimal sum;

      @Override
      public void clear() {
        sum = BigDecimal.ZERO;
      }

      @Override
      public void enter(int row) {
        sum = sum.add(Values.toBigDecimal(arg.get(row)));
      }

      @Override
      public void leave(int row) {
        sum = sum.subtract(Values.toBigDecimal(arg.get(row)));
      }

      @Override
      public void emit(int row, long count) {
        out.set(row, sum, count);
      }
    });
    return out.column();
  }

  /** Per position, the row holding the frame's minimum or maximum (-1 when the frame has no non-null value). */
  int[] extremes(WindowCall call) {
    Column arg = columns[call.argument()];
    RowComparator.IndexComparator values = RowComparator.values(arg);
    boolean min = call.kind() == SqlKind.MIN;
    int[] out = extremes(arg, values, min, starts[0], ends[0]);
    for (int k = 1; k < starts.length; k++) {
      int[] piece = extremes(arg, values, min, starts[k], ends[k]);
      for (int r = 0; r < n; r++) {
        if (piece[r] >= 0 && (out[r] < 0 || (min ? 1 : -1) * values.compare(out[r], piece[r]) > 0)) {
          out[r] = piece[r];
        }
      }
    }
    return out;
  }

  /**
   * Per row, the row holding the minimum or maximum of one piece of the frames ({@code [start[i], end[i])} for
   * position i), or -1: a deque of candidate positions whose values increase (MIN) or decrease (MAX).
   */
  private int[] extremes(Column arg, RowComparator.IndexComparator values, boolean min, int[] start, int[] end) {
    int[] out = new int[n];
    int[] deque = new int[n];
    for (int from = 0; from < n; from = partitionEnd[from]) {
      int to = partitionEnd[from];
      int head = 0;
      int tail = 0;
      int b = from;
      for (int i = from; i < to; i++) {
        for (; b < end[i]; b++) {
          int row = order[b];
          if (arg.isNull(row)) {
            continue;
          }
          while (tail > head) {
            int c = values.compare(order[deque[tail - 1]], row);
            if (min ? c < 0 : c > 0) {
              break;
            }
            tail--;
          }
          deque[tail++] = b;
        }
        while (tail > head && deque[head] < start[i]) {
          head++;
        }
        out[order[i]] = tail > head ? order[deque[head]] : -1;
      }
    }
    return out;
  }
}
