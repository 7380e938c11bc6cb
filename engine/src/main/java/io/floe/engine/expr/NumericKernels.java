package io.floe.engine.expr;

import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.Nulls;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.sql.SqlKind;

/**
 * Typed loops for division and MOD of integers and decimals (unscaled longs, HALF_UP to the result scale, exact),
 * arithmetic on doubles, and the numeric functions (negation, ABS, ROUND, FLOOR, CEIL). Division by zero fails
 * with 22012 only on rows where both operands are non-null, as the row-at-a-time path did. Each returns null for
 * inputs it does not handle, or when a decimal result does not fit a long.
 */
final class NumericKernels {
  /** The rounding direction of TRUNCATE (FLOOR is -1, CEIL +1, ROUND HALF_UP 0). */
  static final int TOWARD_ZERO = 2;

  private NumericKernels() {
  }

  /** Whether {@code c} holds integers or decimals (unscaled longs). */
  static boolean exact(Column c) {
    return c instanceof LongColumn l && l.kind() != LongColumn.Kind.DATE;
  }

  /** {@code x / y} or {@code x MOD y} of integers: truncating division, remainder with the dividend's sign. */
  static LongColumn integerDivide(SqlKind kind, Column x, Column y) {
    if (!(x instanceof LongColumn a) || !(y instanceof LongColumn b) || a.kind() != LongColumn.Kind.INTEGER
        || b.kind() != LongColumn.Kind.INTEGER) {
      return null;
    }
    long[] u = a.values();
    long[] v = b.values();
    boolean[] nulls = Nulls.union(a.nulls(), b.nulls(), a.size());
    boolean mod = kind == SqlKind.MOD;
    long[] out = divideRows(a, b, nulls, (i, results) -> {
      if (!mod && v[i] == -1 && u[i] == Long.MIN_VALUE) {
        throw new SqlStateException("22003", "numeric value out of range: " + u[i] + " / -1");
      }
      results[i] = mod ? u[i] % v[i] : u[i] / v[i];
      return true;
    });
    return new LongColumn(out, nulls, a.size(), LongColumn.Kind.INTEGER, 0);
  }

  /** Divides one row, whose divisor is not zero, into {@code results}; false when the result needs more than a long. */
  private interface RowDivision {
    boolean divide(int row, long[] results);
  }

  /**
   * Runs {@code division} on every row that is not null, after a 22012 check of its divisor; the results, or null
   * as soon as one row's result does not fit a long.
   */
  private static long[] divideRows(LongColumn a, LongColumn b, boolean[] nulls, RowDivision division) {
    int n = a.size();
    long[] v = b.values();
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      if (v[i] == 0) {
        throw SqlStateException.divisionByZero();
      }
      if (!division.divide(i, out)) {
        return null;
      }
    }
    return out;
  }

  /**
   * {@code x / y} or {@code x MOD y} of integers or decimals as a DECIMAL of scale {@code scale}, rounded HALF_UP;
   * null when the inputs are not exact numbers or a result needs more than a long.
   */
  static LongColumn decimalDivide(SqlKind kind, int scale, Column x, Column y) {
    if (!exact(x) || !exact(y)) {
      return null;
    }
    LongColumn a = (LongColumn) x;
    LongColumn b = (LongColumn) y;
    long[] u = a.values();
    long[] v = b.values();
    boolean[] nulls = Nulls.union(a.nulls(), b.nulls(), a.size());
    boolean mod = kind == SqlKind.MOD;
    long[] out = divideRows(a, b, nulls, (i, results) -> {
      long fast = mod ? Long.MIN_VALUE : quotient(u[i], a.scale(), v[i], b.scale(), scale);
      if (fast != Long.MIN_VALUE) {
        results[i] = fast;
        return true;
      }
      BigDecimal p = BigDecimal.valueOf(u[i], a.scale());
      BigDecimal q = BigDecimal.valueOf(v[i], b.scale());
      BigDecimal exact = mod ? p.remainder(q).setScale(scale, RoundingMode.HALF_UP)
          : p.divide(q, scale, RoundingMode.HALF_UP);
      if (exact.unscaledValue().bitLength() >= 64) {
        return false;
      }
      results[i] = exact.unscaledValue().longValue();
      return true;
    });
    return out == null ? null : new LongColumn(out, nulls, a.size(), LongColumn.Kind.DECIMAL, scale);
  }

  /**
   * The unscaled quotient of {@code u/10^us} by {@code v/10^vs} at {@code scale}, HALF_UP, or
   * {@code Long.MIN_VALUE} when an intermediate overflows a long (the caller then divides BigDecimals).
   */
  private static long quotient(long u, int us, long v, int vs, int scale) {
    int shift = scale + vs - us;
    if (shift < 0 || shift >= 19 || u == Long.MIN_VALUE || v == Long.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    long numerator;
    try {
      numerator = Math.multiplyExact(u, Kernels.powerOfTen(shift));
    } catch (ArithmeticException e) {
      return Long.MIN_VALUE;
    }
    long q = numerator / v;
    long r = Math.abs(numerator % v);
    if (r != 0 && r >= Math.abs(v) - r) {
      q += (numerator < 0) == (v < 0) ? 1 : -1;
    }
    return q;
  }

  /** The values as doubles (integers, decimals by value, doubles), or null for other columns. */
  static double[] doubles(Column c) {
    if (c instanceof DoubleColumn d) {
      return d.values();
    }
    if (!exact(c)) {
      return null;
    }
    LongColumn l = (LongColumn) c;
    long[] v = l.values();
    double[] out = new double[l.size()];
    if (l.scale() == 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] = v[i];
      }
      return out;
    }
    double divisor = Kernels.powerOfTen(l.scale());
    for (int i = 0; i < out.length; i++) {
      // exact operands and one correctly rounded division: BigDecimal.doubleValue's result
      out[i] = Math.abs(v[i]) < 1L << 53 ? v[i] / divisor : BigDecimal.valueOf(v[i], l.scale()).doubleValue();
    }
    return out;
  }

  /** {@code x kind y} on doubles (+, -, *, /, MOD); an integer or decimal operand is read as a double. */
  static DoubleColumn doubleArithmetic(SqlKind kind, Column x, Column y) {
    double[] u = doubles(x);
    double[] v = doubles(y);
    if (u == null || v == null) {
      return null;
    }
    int n = x.size();
    boolean[] nulls = Nulls.union(nulls(x), nulls(y), n);
    double[] out = new double[n];
    switch (kind) {
      case PLUS:
        for (int i = 0; i < n; i++) {
          out[i] = u[i] + v[i];
        }
        break;
      case MINUS:
        for (int i = 0; i < n; i++) {
          out[i] = u[i] - v[i];
        }
        break;
      case TIMES:
        for (int i = 0; i < n; i++) {
          out[i] = u[i] * v[i];
        }
        break;
      case DIVIDE:
        for (int i = 0; i < n; i++) {
          if (v[i] == 0 && (nulls == null || !nulls[i])) {
            throw SqlStateException.divisionByZero();
          }
          out[i] = u[i] / v[i];
        }
        break;
      case MOD:
        for (int i = 0; i < n; i++) {
          out[i] = u[i] % v[i];
        }
        break;
      default:
        return null;
    }
    return new DoubleColumn(out, nulls, n);
  }

  static boolean[] nulls(Column c) {
    if (c instanceof LongColumn l) {
      return l.nulls();
    }
    return c instanceof DoubleColumn d ? d.nulls() : null;
  }

  /** {@code -x} ({@code abs} false) or {@code ABS(x)}; an integer or decimal overflow fails with 22003. */
  static Column negateOrAbs(Column x, boolean abs) {
    if (x instanceof DoubleColumn d) {
      double[] v = d.values();
      double[] out = new double[d.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = abs ? Math.abs(v[i]) : -v[i];
      }
      return new DoubleColumn(out, d.nulls(), d.size());
    }
    if (!exact(x)) {
      return null;
    }
    LongColumn l = (LongColumn) x;
    long[] v = l.values();
    long[] out = new long[l.size()];
    for (int i = 0; i < out.length; i++) {
      if (v[i] == Long.MIN_VALUE && !l.isNull(i)) {
        throw new SqlStateException("22003", "numeric value out of range: " + (abs ? "ABS" : "-") + "("
            + l.get(i) + ")");
      }
      out[i] = abs ? Math.abs(v[i]) : -v[i];
    }
    return new LongColumn(out, l.nulls(), l.size(), l.kind(), l.scale());
  }

  /**
   * FLOOR ({@code direction} -1), CEIL (+1), ROUND HALF_UP (0) or TRUNCATE ({@link #TOWARD_ZERO}) of {@code x}
   * to {@code digits} decimal places (FLOOR and CEIL: 0), kept at the column's scale, or as a DECIMAL of scale
   * {@code resultScale}.
   */
  static Column round(Column x, int direction, int digits, int resultScale) {
    if (x instanceof DoubleColumn d) {
      double[] v = d.values();
      double[] out = new double[d.size()];
      double factor = Math.pow(10, digits);
      for (int i = 0; i < out.length; i++) {
        out[i] = round(v[i], direction, digits, factor);
      }
      return new DoubleColumn(out, d.nulls(), d.size());
    }
    if (!exact(x)) {
      return null;
    }
    LongColumn l = (LongColumn) x;
    int drop = l.scale() - digits;
    if (drop <= 0 || resultScale > l.scale()) {
      return l.scale() == resultScale ? l : null;
    }
    if (drop >= 19) {
      return null;
    }
    long unit = Kernels.powerOfTen(drop);
    long keep = Kernels.powerOfTen(resultScale - digits < 0 ? 0 : resultScale - digits);
    if (resultScale < digits) {
      return null;
    }
    long[] v = l.values();
    long[] out = new long[l.size()];
    for (int i = 0; i < out.length; i++) {
      long q = direction == TOWARD_ZERO ? v[i] / unit : direction < 0 ? Math.floorDiv(v[i], unit)
          : direction > 0 ? -Math.floorDiv(-v[i], unit) : roundHalfUp(v[i], unit);
      try {
        out[i] = Math.multiplyExact(q, keep);
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return new LongColumn(out, l.nulls(), l.size(), resultScale == 0 && l.kind() == LongColumn.Kind.INTEGER
        ? LongColumn.Kind.INTEGER : LongColumn.Kind.DECIMAL, resultScale);
  }

  /** {@code v} rounded in {@code direction} to {@code digits} places ({@code factor} = 10^digits). */
  static double round(double v, int direction, int digits, double factor) {
    double scaled = v * factor;
    double r = direction == TOWARD_ZERO ? (scaled < 0 ? Math.ceil(scaled) : Math.floor(scaled))
        : direction < 0 ? Math.floor(scaled) : direction > 0 ? Math.ceil(scaled)
        : Math.signum(scaled) * Math.floor(Math.abs(scaled) + 0.5);
    return digits == 0 ? r : r / factor;
  }

  /** {@code v / unit} rounded half away from zero ({@code unit} > 0). */
  static long roundHalfUp(long v, long unit) {
    long q = v / unit;
    long r = Math.abs(v % unit);
    if (r != 0 && r >= unit - r) {
      q += v < 0 ? -1 : 1;
    }
    return q;
  }
}
