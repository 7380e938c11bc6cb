package io.floe.engine.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Binary arithmetic by result type: exact DECIMAL (scale of the result type, HALF_UP), 64-bit integers (overflow
 * is an error), doubles, and DATE/TIMESTAMP plus or minus an interval.
 */
final class Arithmetic {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private Arithmetic() {
  }

  static Object apply(SqlKind kind, RelDataType resultType, RelDataType leftType, RelDataType rightType, Object a,
      Object b) {
    SqlTypeName result = resultType.getSqlTypeName();
    switch (result) {
      case DECIMAL:
        return decimal(kind, resultType.getScale(), Values.toBigDecimal(a), Values.toBigDecimal(b));
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT: {
        long x = ((Number) a).longValue();
        long y = ((Number) b).longValue();
        long value = integer(kind, x, y);
        checkFits(result, value, kind, x, y);
        return value;
      }
      case REAL:
      case FLOAT:
      case DOUBLE:
        return floating(kind, ((Number) a).doubleValue(), ((Number) b).doubleValue());
      case DATE:
        return date(kind, leftType, rightType, a, b);
      case TIMESTAMP:
        return timestamp(kind, leftType, rightType, a, b);
      default:
        if (SqlTypeName.INTERVAL_TYPES.contains(result) && kind != SqlKind.DIVIDE) {
          return integer(kind, ((Number) a).longValue(), ((Number) b).longValue());
        }
        throw new UnsupportedOperationException("not supported: " + kind + " with result type " + resultType);
    }
  }

  private static BigDecimal decimal(SqlKind kind, int scale, BigDecimal a, BigDecimal b) {
    switch (kind) {
      case PLUS:
        return a.add(b).setScale(scale, RoundingMode.HALF_UP);
      case MINUS:
        return a.subtract(b).setScale(scale, RoundingMode.HALF_UP);
      case TIMES:
        return a.multiply(b).setScale(scale, RoundingMode.HALF_UP);
      case DIVIDE:
        if (b.signum() == 0) {
          throw SqlStateException.divisionByZero();
        }
        return a.divide(b, scale, RoundingMode.HALF_UP);
      case MOD:
        if (b.signum() == 0) {
          throw SqlStateException.divisionByZero();
        }
        return a.remainder(b).setScale(scale, RoundingMode.HALF_UP);
      default:
        throw new UnsupportedOperationException("not supported: decimal " + kind);
    }
  }

  /**
   * Fails with 22003 when {@code value}, the result of {@code a kind b} computed in 64 bits, does not fit
   * {@code type} (INTEGER, SMALLINT, TINYINT; other types always fit).
   */
  static void checkFits(SqlTypeName type, long value, SqlKind kind, long a, long b) {
    boolean fits;
    switch (type) {
      case INTEGER -> fits = value == (int) value;
      case SMALLINT -> fits = value == (short) value;
      case TINYINT -> fits = value == (byte) value;
      default -> fits = true;
    }
    if (!fits) {
      throw new SqlStateException("22003", "numeric value out of range of " + type + ": " + a + " " + kind + " " + b);
    }
  }

  private static Long integer(SqlKind kind, long a, long b) {
    try {
      switch (kind) {
        case PLUS:
          return Math.addExact(a, b);
        case MINUS:
          return Math.subtractExact(a, b);
        case TIMES:
          return Math.multiplyExact(a, b);
        case DIVIDE:
          if (b == 0) {
            throw SqlStateException.divisionByZero();
          }
          return a / b;
        case MOD:
          if (b == 0) {
            throw SqlStateException.divisionByZero();
          }
          return a % b;
        default:
          throw new UnsupportedOperationException("not supported: integer " + kind);
      }
    } catch (ArithmeticException e) {
      throw new SqlStateException("22003", "numeric value out of range: " + a + " " + kind + " " + b);
    }
  }

  private static Double floating(SqlKind kind, double a, double b) {
    switch (kind) {
      case PLUS:
        return a + b;
      case MINUS:
        return a - b;
      case TIMES:
        return a * b;
      case DIVIDE:
        if (b == 0) {
          throw SqlStateException.divisionByZero();
        }
        return a / b;
      case MOD:
        return a % b;
      default:
        throw new UnsupportedOperationException("not supported: double " + kind);
    }
  }

  private static Integer date(SqlKind kind, RelDataType leftType, RelDataType rightType, Object a, Object b) {
    boolean dateLeft = leftType.getSqlTypeName() == SqlTypeName.DATE;
    int days = (Integer) (dateLeft ? a : b);
    long interval = ((Number) (dateLeft ? b : a)).longValue();
    RelDataType intervalType = dateLeft ? rightType : leftType;
    if (kind == SqlKind.MINUS) {
      interval = -interval;
    } else if (kind != SqlKind.PLUS) {
      throw new UnsupportedOperationException("not supported: DATE " + kind);
    }
    if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(intervalType.getSqlTypeName())) {
      return (int) LocalDate.ofEpochDay(days).plusMonths(interval).toEpochDay();
    }
    return (int) (days + Math.floorDiv(interval, MILLIS_PER_DAY));
  }

  private static Long timestamp(SqlKind kind, RelDataType leftType, RelDataType rightType, Object a, Object b) {
    boolean tsLeft = leftType.getSqlTypeName() == SqlTypeName.TIMESTAMP;
    long micros = (Long) (tsLeft ? a : b);
    long interval = ((Number) (tsLeft ? b : a)).longValue();
    RelDataType intervalType = tsLeft ? rightType : leftType;
    if (kind == SqlKind.MINUS) {
      interval = -interval;
    } else if (kind != SqlKind.PLUS) {
      throw new UnsupportedOperationException("not supported: TIMESTAMP " + kind);
    }
    if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(intervalType.getSqlTypeName())) {
      long days = Math.floorDiv(micros, MILLIS_PER_DAY * 1000);
      long rest = Math.floorMod(micros, MILLIS_PER_DAY * 1000);
      return LocalDate.ofEpochDay(days).plusMonths(interval).toEpochDay() * MILLIS_PER_DAY * 1000 + rest;
    }
    return micros + interval * 1000;
  }

  static Object negate(Object v) {
    if (v instanceof BigDecimal d) {
      return d.negate();
    }
    if (v instanceof Double d) {
      return -d;
    }
    return Math.negateExact(((Number) v).longValue());
  }

  static Object abs(Object v) {
    if (v instanceof BigDecimal d) {
      return d.abs();
    }
    if (v instanceof Double d) {
      return Math.abs(d);
    }
    return Math.absExact(((Number) v).longValue());
  }

  /** FLOOR (direction -1), CEIL (+1) or ROUND HALF_UP (0) of a boxed number to {@code digits} places. */
  static Object round(Object v, int direction, int digits, int resultScale) {
    if (v instanceof Double d) {
      return NumericKernels.round(d, direction, digits, Math.pow(10, digits));
    }
    RoundingMode mode = direction == NumericKernels.TOWARD_ZERO ? RoundingMode.DOWN
        : direction < 0 ? RoundingMode.FLOOR : direction > 0 ? RoundingMode.CEILING : RoundingMode.HALF_UP;
    BigDecimal r = Values.toBigDecimal(v).setScale(digits, mode).setScale(resultScale, RoundingMode.HALF_UP);
    return v instanceof BigDecimal ? r : (Object) r.longValueExact();
  }
}
