package io.floe.engine.exec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A window frame: ROWS (offsets count rows) or RANGE (offsets are distances on the single ORDER BY key; CURRENT
 * ROW means the row's peers), between a lower and an upper {@link Bound}, less the rows an EXCLUDE clause names.
 * {@link #bounds} computes the frame of every row of a sorted partition as positions {@code [start, end)}; both
 * move forward monotonically as the current row does, which the sliding aggregates rely on. {@link #exclude} cuts
 * the excluded rows out, leaving up to three pieces that each move forward monotonically too.
 */
public record WindowFrame(boolean rows, Bound lower, Bound upper, Exclusion exclusion) {
  /** The rows around the current one an EXCLUDE clause takes out of its frame. */
  public enum Exclusion {
    /** EXCLUDE NO OTHERS (the default). */
    NO_OTHERS,
    /** EXCLUDE CURRENT ROW. */
    CURRENT_ROW,
    /** EXCLUDE GROUP: the current row and its peers. */
    GROUP,
    /** EXCLUDE TIES: the current row's peers, not the row itself. */
    TIES
  }

  /** A frame without an EXCLUDE clause. */
  public WindowFrame(boolean rows, Bound lower, Bound upper) {
    this(rows, lower, upper, Exclusion.NO_OTHERS);
  }

  /** The frames as pieces of sorted positions: piece k of position i is {@code [starts[k][i], ends[k][i])}. */
  record Pieces(int[][] starts, int[][] ends) {
  }
  /** The kind of a frame bound. */
  public enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

  /** A bound; {@code rows} is the ROWS offset, {@code range} the RANGE offset (null for the other kinds). */
  public record Bound(Kind kind, long rows, RangeOffset range) {
    public static Bound of(Kind kind) {
      return new Bound(kind, 0, null);
    }
  }

  /**
   * A RANGE offset on the ORDER BY key: {@code amount} in the key's units (numbers; days for a DATE key;
   * microseconds for TIMESTAMP and TIME keys), or calendar {@code months} for a DATE ({@code micros} false) or
   * TIMESTAMP key.
   */
  public record RangeOffset(BigDecimal amount, long months, boolean micros) {
    /** {@code key} moved by the offset in direction {@code sign}, rounded up or down to a whole unit at a scale. */
    long shift(long key, int sign, boolean roundUp, int scale) {
      if (amount == null) {
        long m = sign * months;
        if (micros) {
          LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(key, 1_000_000L),
              (int) Math.floorMod(key, 1_000_000L) * 1000, ZoneOffset.UTC).plusMonths(m);
          return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
        }
        return LocalDate.ofEpochDay(key).plusMonths(m).toEpochDay();
      }
      BigDecimal delta = amount.movePointRight(scale);
      delta = sign < 0 ? delta.negate() : delta;
      delta = delta.setScale(0, roundUp ? RoundingMode.CEILING : RoundingMode.FLOOR);
      if (delta.unscaledValue().bitLength() >= 64) {
        return delta.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
      long d = delta.longValue();
      long r = key + d;
      if (((key ^ r) & (d ^ r)) < 0) {
        return d < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
      return r;
    }

    double shift(double key, int sign) {
      return key + sign * amount.doubleValue();
    }
  }

  /** The whole partition. */
  public static final WindowFrame WHOLE = new WindowFrame(true, Bound.of(Kind.UNBOUNDED_PRECEDING),
      Bound.of(Kind.UNBOUNDED_FOLLOWING));

  /**
   * Whether every row's frame is its whole partition (no EXCLUDE): UNBOUNDED at both ends, or for a RANGE frame
   * without ORDER BY, where all rows are peers, CURRENT ROW too.
   */
  boolean wholePartition(boolean ordered) {
    boolean allPeers = !rows && !ordered;
    return exclusion == Exclusion.NO_OTHERS
        && (lower.kind() == Kind.UNBOUNDED_PRECEDING || allPeers && lower.kind() == Kind.CURRENT_ROW)
        && (upper.kind() == Kind.UNBOUNDED_FOLLOWING || allPeers && upper.kind() == Kind.CURRENT_ROW);
  }

  /** Whether the frame's bounds are RANGE offsets from the ORDER BY key. */
  boolean rangeOffsets() {
    return !rows && (lower.range() != null || upper.range() != null);
  }

  /** The sorted rows of one window: positions of partitions and peer groups, the ORDER BY key for RANGE. */
  record Sorted(int[] peerStart, int[] peerEnd, Column key, boolean descending, boolean nullsFirst) {
  }

  /** The frame {@code [start[i], end[i])} of each position i of the partition {@code [from, to)}. */
  void bounds(Sorted sorted, int from, int to, int[] start, int[] end) {
    if (rows) {
      for (int i = from; i < to; i++) {
        start[i] = rowBound(lower, i, from, to, false);
        end[i] = Math.max(start[i], rowBound(upper, i, from, to, true));
      }
      return;
    }
    int nonNullFrom = from;
    int nonNullTo = to;
    if (rangeOffsets()) {
      Column key = sorted.key();
      if (sorted.nullsFirst()) {
        while (nonNullFrom < to && key.isNull(nonNullFrom)) {
          nonNullFrom++;
        }
      } else {
        while (nonNullTo > from && key.isNull(nonNullTo - 1)) {
          nonNullTo--;
        }
      }
    }
    rangeBound(lower, sorted, from, to, nonNullFrom, nonNullTo, start, false);
    rangeBound(upper, sorted, from, to, nonNullFrom, nonNullTo, end, true);
    for (int i = from; i < to; i++) {
      end[i] = Math.max(start[i], end[i]);
    }
  }

  /**
   * The frames {@code [start[i], end[i])} less the rows the exclusion takes out: the piece before the excluded
   * rows, for EXCLUDE TIES the current row, and the piece after them (pieces clamped to the frame, so possibly
   * empty).
   */
  Pieces exclude(Sorted sorted, int[] start, int[] end) {
    if (exclusion == Exclusion.NO_OTHERS) {
      return new Pieces(new int[][] {start}, new int[][] {end});
    }
    int n = start.length;
    boolean ties = exclusion == Exclusion.TIES;
    int pieces = ties ? 3 : 2;
    int[][] starts = new int[pieces][n];
    int[][] ends = new int[pieces][n];
    for (int i = 0; i < n; i++) {
      int s = start[i];
      int e = end[i];
      int holeStart = exclusion == Exclusion.CURRENT_ROW ? i : sorted.peerStart()[i];
      int holeEnd = exclusion == Exclusion.CURRENT_ROW ? i + 1 : sorted.peerEnd()[i];
      starts[0][i] = s;
      ends[0][i] = clamp(holeStart, s, e);
      if (ties) {
        starts[1][i] = clamp(i, s, e);
        ends[1][i] = clamp(i + 1, s, e);
      }
      starts[pieces - 1][i] = clamp(holeEnd, s, e);
      ends[pieces - 1][i] = e;
    }
    return new Pieces(starts, ends);
  }

  private static int clamp(int p, int from, int to) {
    return Math.max(from, Math.min(to, p));
  }

  /** A ROWS bound of row i: the first position of the frame (lower) or the one after its last (upper). */
  private static int rowBound(Bound b, int i, int from, int to, boolean upper) {
    long p;
    switch (b.kind()) {
      case UNBOUNDED_PRECEDING:
        return from;
      case UNBOUNDED_FOLLOWING:
        return to;
      case CURRENT_ROW:
        p = i;
        break;
      case PRECEDING:
        p = (long) i - b.rows();
        break;
      default:
        p = (long) i + Math.min(b.rows(), Integer.MAX_VALUE);
        break;
    }
    p += upper ? 1 : 0;
    return (int) Math.max(from, Math.min(to, p));
  }

  private static void rangeBound(Bound b, Sorted sorted, int from, int to, int nonNullFrom, int nonNullTo,
      int[] out, boolean upper) {
    switch (b.kind()) {
      case UNBOUNDED_PRECEDING:
        Arrays.fill(out, from, to, from);
        return;
      case UNBOUNDED_FOLLOWING:
        Arrays.fill(out, from, to, to);
        return;
      case CURRENT_ROW:
        System.arraycopy(upper ? sorted.peerEnd() : sorted.peerStart(), from, out, from, to - from);
        return;
      default:
        break;
    }
    // rows with a NULL key: their peers; others: the non-null rows within the offset
    for (int i = from; i < nonNullFrom; i++) {
      out[i] = upper ? sorted.peerEnd()[i] : sorted.peerStart()[i];
    }
    for (int i = nonNullTo; i < to; i++) {
      out[i] = upper ? sorted.peerEnd()[i] : sorted.peerStart()[i];
    }
    int dir = sorted.descending() ? -1 : 1;
    int sign = (b.kind() == Kind.PRECEDING ? -1 : 1) * dir;
    boolean roundUp = !upper ^ sorted.descending();
    Column key = sorted.key();
    int p = nonNullFrom;
    if (key instanceof DoubleColumn d) {
      double[] v = d.values();
      for (int i = nonNullFrom; i < nonNullTo; i++) {
        double threshold = b.range().shift(v[i], sign);
        while (p < nonNullTo && (dir * RowComparator.compareDoubles(v[p], threshold) < 0
            || upper && RowComparator.compareDoubles(v[p], threshold) == 0)) {
          p++;
        }
        out[i] = p;
      }
      return;
    }
    if (!(key instanceof LongColumn l)) {
      throw new UnsupportedOperationException("not supported: RANGE frame offset over ORDER BY values of "
          + key.getClass().getSimpleName());
    }
    long[] v = l.values();
    int scale = l.scale();
    for (int i = nonNullFrom; i < nonNullTo; i++) {
      long threshold = b.range().shift(v[i], sign, roundUp, scale);
      while (p < nonNullTo && (dir * Long.compare(v[p], threshold) < 0
          || upper && v[p] == threshold)) {
        p++;
      }
      out[i] = p;
    }
  }
}
