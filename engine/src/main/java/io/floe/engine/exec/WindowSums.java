package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * What the window SUMs share however their frames move: how an argument is summed ({@link #kind}), a running double
 * sum values can leave ({@link Compensated}), and the result columns of sums of longs kept in 128 bits
 * ({@link LongResults}), of doubles ({@link DoubleResults}) and of BigDecimals ({@link DecimalResults}). A frame
 * without a non-null value gives NULL ($SUM0: 0).
 */
final class WindowSums {
  /** How a SUM adds its argument up. */
  enum Kind {
    /** Longs (integers, or decimals unscaled at the result's scale) in 128 bits: exact. */
    LONG,
    /** Doubles, compensated. */
    DOUBLE,
    /** Any numbers as BigDecimals: exact. */
    DECIMAL
  }

  private WindowSums() {
  }

  /** The argument column of a SUM as a typed column when it can be (longs or doubles), else boxed values. */
  static Column argument(Column arg) {
    return arg instanceof LongColumn || arg instanceof DoubleColumn ? arg : Columns.pack(arg.toArray());
  }

  /** How {@code call} sums {@code arg} (as {@link #argument} returns it). */
  static Kind kind(Column arg, WindowCall call) {
    if (arg instanceof DoubleColumn) {
      return Kind.DOUBLE;
    }
    int scale = call.type().getScale();
    if (arg instanceof LongColumn l && (call.type().getSqlTypeName() != SqlTypeName.DECIMAL
        || l.kind() == LongColumn.Kind.DECIMAL && l.scale() == scale
        || l.kind() == LongColumn.Kind.INTEGER && scale == 0)) {
      return Kind.LONG;
    }
    return Kind.DECIMAL;
  }

  /** The high word of the 128-bit sum {@code hi:lo} after adding {@code x} (the low word becomes {@code lo + x}). */
  static long highPlus(long hi, long lo, long x) {
    return hi + (x >> 63) + (Long.compareUnsigned(lo + x, lo) < 0 ? 1 : 0);
  }

  /** Whether an empty frame sums to 0 ($SUM0) rather than NULL. */
  static boolean zeroIfEmpty(WindowCall call) {
    return call.kind() == SqlKind.SUM0;
  }

  /**
   * Sums of longs held in 128 bits (high and low words, exact whatever the order of adding and removing values),
   * one per row: the long when the sum fits, a BigDecimal for a DECIMAL result that does not, else error 22003.
   */
  static final class LongResults {
    private final WindowCall call;
    private final boolean zeroIfEmpty;
    private final boolean decimal;
    private final int n;
    private final long[] out;
    private boolean[] nulls;
    private Object[] big;

    LongResults(WindowCall call, int n) {
      this.call = call;
      this.zeroIfEmpty = zeroIfEmpty(call);
      this.decimal = call.type().getSqlTypeName() == SqlTypeName.DECIMAL;
      this.n = n;
      this.out = new long[n];
    }

    /** Row {@code row}'s sum {@code hi:lo} of {@code count} non-null values. */
    void set(int row, long hi, long lo, long count) {
      if (count == 0 && !zeroIfEmpty) {
        nulls = nulls == null ? new boolean[n] : nulls;
        nulls[row] = true;
      } else if (hi == (lo >> 63)) {
        out[row] = lo;
      } else if (decimal) {
        big = big == null ? new Object[n] : big;
        big[row] = new BigDecimal(BigInteger.valueOf(hi).shiftLeft(64)
            .add(new BigInteger(Long.toUnsignedString(lo))), call.type().getScale());
      } else {
        throw new SqlStateException("22003", "SUM out of range of " + call.type().getSqlTypeName());
      }
    }

    Column column() {
      LongColumn.Kind kind = decimal ? LongColumn.Kind.DECIMAL : LongColumn.Kind.INTEGER;
      LongColumn sums = new LongColumn(out, nulls, n, kind, decimal ? call.type().getScale() : 0);
      if (big == null) {
        return sums;
      }
      for (int r = 0; r < n; r++) {
        if (big[r] == null) {
          big[r] = sums.get(r);
        }
      }
      return new ObjectColumn(big);
    }
  }

  /** Sums of doubles, one per row. */
  static final class DoubleResults {
    private final boolean zeroIfEmpty;
    private final int n;
    private final double[] out;
    private boolean[] nulls;

    DoubleResults(WindowCall call, int n) {
      this.zeroIfEmpty = zeroIfEmpty(call);
      this.n = n;
      this.out = new double[n];
    }

    /** Row {@code row}'s sum {@code value} of {@code count} non-null values. */
    void set(int row, double value, long count) {
      if (count == 0 && !zeroIfEmpty) {
        nulls = nulls == null ? new boolean[n] : nulls;
        nulls[row] = true;
      } else {
        out[row] = count == 0 ? 0 : value;
      }
    }

    Column column() {
      return new DoubleColumn(out, nulls, n);
    }
  }

  /** Exact sums as BigDecimals, one per row, at the result's scale (or as longs for an integer result). */
  static final class DecimalResults {
    private final WindowCall call;
    private final boolean zeroIfEmpty;
    private final boolean decimal;
    private final Object[] out;

    DecimalResults(WindowCall call, int n) {
      this.call = call;
      this.zeroIfEmpty = zeroIfEmpty(call);
      this.decimal = call.type().getSqlTypeName() == SqlTypeName.DECIMAL;
      this.out = new Object[n];
    }

    /** Row {@code row}'s sum {@code sum} of {@code count} non-null values. */
    void set(int row, BigDecimal sum, long count) {
      if (count > 0 || zeroIfEmpty) {
        out[row] = decimal ? sum.setScale(call.type().getScale(), RoundingMode.HALF_UP) : (Object) sum.longValueExact();
      }
    }

    Column column() {
      return Columns.pack(out);
    }
  }

  /**
   * A running double sum that values can leave, compensated (Neumaier); infinities and NaNs counted apart so
   * leaving rows can be removed.
   */
  static final class Compensated {
    private double sum;
    private double compensation;
    private long positiveInfinities;
    private long negativeInfinities;
    private long nans;

    void clear() {
      sum = 0;
      compensation = 0;
      positiveInfinities = 0;
      negativeInfinities = 0;
      nans = 0;
    }

    /** Adds x ({@code direction} 1) or removes -x (-1). */
    void add(double x, int direction) {
      if (Double.isNaN(x)) {
        nans += direction;
      } else if (Double.isInfinite(x)) {
        if (x > 0 == direction > 0) {
          positiveInfinities += direction;
        } else {
          negativeInfinities += direction;
        }
      } else {
        double t = sum + x;
        compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
      }
    }

    double value() {
      if (nans > 0 || positiveInfinities > 0 && negativeInfinities > 0) {
        return Double.NaN;
      }
      if (positiveInfinities > 0) {
        return Double.POSITIVE_INFINITY;
      }
      return negativeInfinities > 0 ? Double.NEGATIVE_INFINITY : sum + compensation;
    }
  }
}
