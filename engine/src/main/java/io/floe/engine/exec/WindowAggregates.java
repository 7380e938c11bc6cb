package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.calcite.sql.SqlKind;

/**
 * The window aggregates COUNT, SUM (AVG is Calcite's SUM / COUNT), MIN and MAX over frames that slide forward
 * within each partition, each frame made of pieces of positions (see {@link WindowFrame#exclude}): COUNT and SUM of
 * longs take differences of prefix counts and of 128-bit prefix sums (exact), SUM of doubles adds the rows entering a
 * frame and subtracts those leaving it with compensation, MIN and MAX keep a monotonic deque of candidate positions
 * per piece. NULLs are ignored; an empty frame gives NULL (COUNT 0). DISTINCT counts each value once: its rows enter
 * and leave a frame as they slide.
 */
final class WindowAggregates {
  private final Column[] columns;
  private final int[] partitionEnd;
  private final int n;
  private final int[][] starts;
  private final int[][] ends;

  /**
   * {@code columns} are the columns the calls read, laid out by position (partitions grouped and sorted),
   * {@code partitionEnd[i]} the end of position i's partition, {@code pieces} the frames.
   */
  WindowAggregates(Column[] columns, int[] partitionEnd, WindowFrame.Pieces pieces) {
    this.columns = columns;
    this.partitionEnd = partitionEnd;
    this.n = partitionEnd.length;
    this.starts = pieces.starts();
    this.ends = pieces.ends();
  }

  Column count(WindowCall call) {
    long[] out = new long[n];
    Column arg = call.argument() < 0 ? null : columns[call.argument()];
    if (arg != null && call.distinct()) {
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
    } else {
      // COUNT(*) counts positions, COUNT(x) the non-null values before a piece's end less those before its start
      long[] before = arg == null ? null : nonNullPrefix(Nulls.mask(arg));
      for (int k = 0; k < starts.length; k++) {
        int[] start = starts[k];
        int[] end = ends[k];
        for (int i = 0; i < n; i++) {
          out[i] += before == null ? end[i] - start[i] : before[end[i]] - before[start[i]];
        }
      }
    }
    return new LongColumn(out, null, n, LongColumn.Kind.INTEGER, 0);
  }

  /** {@code before[p]}: how many positions before p hold a non-null value ({@code nulls} by row, null for none). */
  private long[] nonNullPrefix(boolean[] nulls) {
    long[] before = new long[n + 1];
    for (int p = 0; p < n; p++) {
      before[p + 1] = before[p] + (nulls == null || !nulls[p] ? 1 : 0);
    }
    return before;
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
      Arrays.fill(a, from);
      Arrays.fill(b, from);
      long count = 0;
      sum.clear();
      if (copies != null) {
        for (int i = from; i < to; i++) {
          copies[Math.max(0, ids[i])] = 0;
        }
      }
      for (int i = from; i < to; i++) {
        for (int k = 0; k < pieces; k++) {
          for (; a[k] < starts[k][i]; a[k]++) {
            int row = a[k];
            if (a[k] < b[k] && !arg.isNull(row) && (ids == null || --copies[ids[row]] == 0)) {
              sum.leave(row);
              count--;
            }
          }
          b[k] = Math.max(b[k], a[k]);
          for (; b[k] < ends[k][i]; b[k]++) {
            int row = b[k];
            if (!arg.isNull(row) && (ids == null || copies[ids[row]]++ == 0)) {
              sum.enter(row);
              count++;
            }
          }
        }
        sum.emit(i, count);
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
    Arrays.fill(representative, -1);
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
        return call.distinct() || starts.length > 1 ? doubleSum((DoubleColumn) arg, call)
            : doubleSlide((DoubleColumn) arg, call);
      case LONG:
        return call.distinct() ? longSum((LongColumn) arg, call) : longPrefixSum((LongColumn) arg, call);
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

  /**
   * Sums of longs as differences of 128-bit prefix sums over the positions (exact: the prefix sums cannot overflow
   * 128 bits), each piece of a frame the sum before its end less the sum before its start.
   */
  private Column longPrefixSum(LongColumn arg, WindowCall call) {
    long[] v = arg.values();
    boolean[] nulls = arg.nulls();
    long[] hi = new long[n + 1];
    long[] lo = new long[n + 1];
    for (int p = 0; p < n; p++) {
      long x = nulls != null && nulls[p] ? 0 : v[p];
      hi[p + 1] = WindowSums.highPlus(hi[p], lo[p], x);
      lo[p + 1] = lo[p] + x;
    }
    long[] before = nonNullPrefix(nulls);
    WindowSums.LongResults out = new WindowSums.LongResults(call, n);
    for (int i = 0; i < n; i++) {
      long sumHi = 0;
      long sumLo = 0;
      long count = 0;
      for (int k = 0; k < starts.length; k++) {
        int s = starts[k][i];
        int e = ends[k][i];
        // (sumHi:sumLo) += (hi[e]:lo[e]) - (hi[s]:lo[s])
        long pieceLo = lo[e] - lo[s];
        long pieceHi = hi[e] - hi[s] - (Long.compareUnsigned(lo[e], lo[s]) < 0 ? 1 : 0);
        long r = sumLo + pieceLo;
        sumHi += pieceHi + (Long.compareUnsigned(r, sumLo) < 0 ? 1 : 0);
        sumLo = r;
        count += before[e] - before[s];
      }
      out.set(i, sumHi, sumLo, count);
    }
    return out.column();
  }

  /**
   * Sums of doubles over single-piece frames, compensated: a typed two-pointer pass per partition adding the values
   * entering the frame and removing those leaving it.
   */
  private Column doubleSlide(DoubleColumn arg, WindowCall call) {
    double[] v = arg.values();
    boolean[] nulls = arg.nulls();
    int[] start = starts[0];
    int[] end = ends[0];
    WindowSums.DoubleResults out = new WindowSums.DoubleResults(call, n);
    WindowSums.Compensated sum = new WindowSums.Compensated();
    for (int from = 0; from < n; from = partitionEnd[from]) {
      int to = partitionEnd[from];
      sum.clear();
      long count = 0;
      int a = from;
      int b = from;
      for (int i = from; i < to; i++) {
        for (; a < start[i]; a++) {
          if (a < b && (nulls == null || !nulls[a])) {
            sum.add(-v[a], -1);
            count--;
          }
        }
        b = Math.max(b, a);
        for (; b < end[i]; b++) {
          if (nulls == null || !nulls[b]) {
            sum.add(v[b], 1);
            count++;
          }
        }
        out.set(i, sum.value(), count);
      }
    }
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
    Extremes extremes = new Extremes(arg, call.kind() == SqlKind.MIN);
    int[] out = extremes.of(starts[0], ends[0]);
    for (int k = 1; k < starts.length; k++) {
      int[] piece = extremes.of(starts[k], ends[k]);
      for (int r = 0; r < n; r++) {
        if (piece[r] >= 0 && (out[r] < 0 || extremes.before(piece[r], out[r]))) {
          out[r] = piece[r];
        }
      }
    }
    return out;
  }

  /**
   * MIN or MAX of one argument over pieces of the frames: numbers compare as longs (doubles by their sortable bits),
   * other values with their comparator.
   */
  private final class Extremes {
    private final boolean[] nulls;
    private final long[] keys;
    private final RowComparator.IndexComparator values;
    private final int sign;

    Extremes(Column arg, boolean min) {
      this.nulls = Nulls.mask(arg);
      this.keys = arg instanceof LongColumn l ? l.values() : arg instanceof DoubleColumn d ? sortable(d) : null;
      this.values = keys == null ? RowComparator.values(arg) : null;
      this.sign = min ? 1 : -1;
    }

    /** Per row, a long whose order is the SQL order of the doubles (-0.0 equal to 0.0, NaN above all). */
    private long[] sortable(DoubleColumn d) {
      double[] v = d.values();
      long[] out = new long[n];
      for (int r = 0; r < n; r++) {
        out[r] = WindowKeys.sortable(v[r]);
      }
      return out;
    }

    /** Whether row a's value comes strictly before row b's (less for MIN, greater for MAX). */
    boolean before(int a, int b) {
      return sign * (keys != null ? Long.compare(keys[a], keys[b]) : values.compare(a, b)) < 0;
    }

    /**
     * Per row, the row holding the extreme of one piece of the frames ({@code [start[i], end[i])} for position i),
     * or -1: a deque of candidate positions whose values strictly increase (MIN) or decrease (MAX).
     */
    int[] of(int[] start, int[] end) {
      int[] out = new int[n];
      int[] deque = new int[n];
      for (int from = 0; from < n; from = partitionEnd[from]) {
        int to = partitionEnd[from];
        int head = 0;
        int tail = 0;
        int b = from;
        for (int i = from; i < to; i++) {
          for (; b < end[i]; b++) {
            if (nulls != null && nulls[b]) {
              continue;
            }
            while (tail > head && !before(deque[tail - 1], b)) {
              tail--;
            }
            deque[tail++] = b;
          }
          while (tail > head && deque[head] < start[i]) {
            head++;
          }
          out[i] = tail > head ? deque[head] : -1;
        }
      }
      return out;
    }
  }
}
