package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.Nulls;
import io.floe.types.Decimals;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Typed loops over columns for the hot expressions: comparisons of numbers, dates and strings, and exact
 * arithmetic on integers and decimals held as unscaled longs. Each returns null when its inputs are not the typed
 * columns it handles (or a long overflows), and the caller falls back to the boxed path.
 */
final class Kernels {
  private Kernels() {
  }

  /** 10 to the power {@code exponent} (0 to 18). */
  static long powerOfTen(int exponent) {
    return Decimals.longPowerOfTen(exponent);
  }

  /** A comparison (=, <>, <, <=, >, >=) of two columns, or null when it has no kernel for them. */
  static BoolColumn compare(SqlKind kind, Column x, Column y) {
    int n = x.size();
    boolean[] out = new boolean[n];
    boolean[] nulls;
    if (x instanceof LongColumn a && y instanceof LongColumn b
        && (a.kind() == b.kind() || NumericKernels.exact(a) && NumericKernels.exact(b))) {
      long[] u = a.values();
      long[] v = b.values();
      if (a.scale() != b.scale()) {
        int scale = Math.max(a.scale(), b.scale());
        u = rescale(a, scale);
        v = rescale(b, scale);
        if (u == null || v == null) {
          return null;
        }
      }
      nulls = Nulls.union(a.nulls(), b.nulls(), n);
      compareLongs(kind, u, v, out, n);
    } else if (x instanceof DoubleColumn || y instanceof DoubleColumn) {
      double[] u = NumericKernels.doubles(x);
      double[] v = NumericKernels.doubles(y);
      if (u == null || v == null) {
        return null;
      }
      nulls = Nulls.union(NumericKernels.nulls(x), NumericKernels.nulls(y), n);
      for (int i = 0; i < n; i++) {
        out[i] = test(kind, Double.compare(u[i], v[i]));
      }
    } else if (x instanceof BytesColumn a && y instanceof BytesColumn b && a.text() == b.text()) {
      nulls = null;
      for (int i = 0; i < n; i++) {
        if (a.isNull(i) || b.isNull(i)) {
          nulls = nulls == null ? new boolean[n] : nulls;
          nulls[i] = true;
        } else if (kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS) {
          out[i] = a.bytesEqual(i, b, i) == (kind == SqlKind.EQUALS);
        } else {
          out[i] = test(kind, a.compare(i, b, i));
        }
      }
    } else {
      return null;
    }
    return new BoolColumn(out, nulls, n);
  }

  /** {@code out[i] = u[i] <kind> v[i]}: one loop per comparison, so no per-row switch. */
  private static void compareLongs(SqlKind kind, long[] u, long[] v, boolean[] out, int n) {
    switch (kind) {
      case EQUALS:
        for (int i = 0; i < n; i++) {
          out[i] = u[i] == v[i];
        }
        break;
      case NOT_EQUALS:
        for (int i = 0; i < n; i++) {
          out[i] = u[i] != v[i];
        }
        break;
      case LESS_THAN:
        for (int i = 0; i < n; i++) {
          out[i] = u[i] < v[i];
        }
        break;
      case LESS_THAN_OR_EQUAL:
        for (int i = 0; i < n; i++) {
          out[i] = u[i] <= v[i];
        }
        break;
      case GREATER_THAN:
        for (int i = 0; i < n; i++) {
          out[i] = u[i] > v[i];
        }
        break;
      case GREATER_THAN_OR_EQUAL:
        for (int i = 0; i < n; i++) {
          out[i] = u[i] >= v[i];
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          out[i] = test(kind, Long.compare(u[i], v[i]));
        }
    }
  }

  /** Whether a comparison result {@code c} (negative, zero, positive) satisfies comparison {@code kind}. */
  static boolean test(SqlKind kind, int c) {
    switch (kind) {
      case EQUALS:
        return c == 0;
      case NOT_EQUALS:
        return c != 0;
      case LESS_THAN:
        return c < 0;
      case LESS_THAN_OR_EQUAL:
        return c <= 0;
      case GREATER_THAN:
        return c > 0;
      default:
        return c >= 0;
    }
  }

  /** The values at a larger scale, or null on overflow. */
  static long[] rescale(LongColumn c, int scale) {
    if (c.scale() == scale) {
      return c.values();
    }
    int by = scale - c.scale();
    if (by > Decimals.MAX_LONG_POWER_OF_TEN) {
      return null;
    }
    long factor = Decimals.longPowerOfTen(by);
    long[] v = c.values();
    long[] out = new long[c.size()];
    try {
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.multiplyExact(v[i], factor);
      }
    } catch (ArithmeticException e) {
      return null;
    }
    return out;
  }

  /**
   * {@code x kind y} (+, -, *) for integer and decimal results and DATE plus or minus a day-time interval, or null
   * when it has no kernel for the inputs or a value overflows a long.
   */
  static LongColumn arithmetic(SqlKind kind, RelDataType resultType, Column x, Column y) {
    if (!(x instanceof LongColumn a) || !(y instanceof LongColumn b)) {
      return null;
    }
    SqlTypeName result = resultType.getSqlTypeName();
    boolean decimal = result == SqlTypeName.DECIMAL;
    if (!decimal && !SqlTypeName.INT_TYPES.contains(result) && !SqlTypeName.INTERVAL_TYPES.contains(result)
        || a.kind() == LongColumn.Kind.DATE || b.kind() == LongColumn.Kind.DATE) {
      return null;
    }
    int scale = decimal ? resultType.getScale() : 0;
    long[] u;
    long[] v;
    if (kind == SqlKind.TIMES) {
      if (a.scale() + b.scale() != scale) {
        return null;
      }
      u = a.values();
      v = b.values();
    } else if (kind == SqlKind.PLUS || kind == SqlKind.MINUS) {
      if (a.scale() > scale || b.scale() > scale) {
        return null;
      }
      u = rescale(a, scale);
      v = rescale(b, scale);
      if (u == null || v == null) {
        return null;
      }
    } else {
      return null;
    }
    int n = a.size();
    boolean[] nulls = Nulls.union(a.nulls(), b.nulls(), n);
    long[] out = new long[n];
    try {
      switch (kind) {
        case PLUS:
          for (int i = 0; i < n; i++) {
            out[i] = Math.addExact(u[i], v[i]);
          }
          break;
        case MINUS:
          for (int i = 0; i < n; i++) {
            out[i] = Math.subtractExact(u[i], v[i]);
          }
          break;
        default:
          for (int i = 0; i < n; i++) {
            out[i] = Math.multiplyExact(u[i], v[i]);
          }
          break;
      }
    } catch (ArithmeticException e) {
      return null;
    }
    checkRange(result, kind, u, v, out, nulls, n);
    return new LongColumn(out, nulls, n, decimal ? LongColumn.Kind.DECIMAL : LongColumn.Kind.INTEGER, scale);
  }

  /** Fails with 22003 when a result does not fit its type (INTEGER, SMALLINT, TINYINT: longs here, not wrapped). */
  private static void checkRange(SqlTypeName type, SqlKind kind, long[] u, long[] v, long[] out, boolean[] nulls,
      int n) {
    int unused = type == SqlTypeName.INTEGER ? 32 : type == SqlTypeName.SMALLINT ? 48
        : type == SqlTypeName.TINYINT ? 56 : 0;
    if (unused == 0) {
      return;
    }
    for (int i = 0; i < n; i++) {
      // a value fits when sign-extending its low bits gives it back; checkFits names the failing one
      if (out[i] << unused >> unused != out[i] && (nulls == null || !nulls[i])) {
        Arithmetic.checkFits(type, out[i], kind, u[i], v[i]);
      }
    }
  }
}
