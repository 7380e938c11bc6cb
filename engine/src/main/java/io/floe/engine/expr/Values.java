package io.floe.engine.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The engine's value representation and its operations. Integer types are {@link Long}, DECIMAL is
 * {@link BigDecimal} at the type's scale, REAL/DOUBLE are {@link Double}, DATE is {@link Integer} days since the
 * epoch, TIME, TIMESTAMP and TIMESTAMP WITH LOCAL TIME ZONE (an instant, since the epoch in UTC) are {@link Long}
 * microseconds, strings are {@link String}, BOOLEAN is {@link Boolean},
 * binaries are {@code byte[]}, year-month intervals are {@link Long} months and day-time intervals {@link Long}
 * milliseconds. SQL NULL is {@code null}.
 */
public final class Values {
  private Values() {
  }

  /** Compares two non-null values of comparable SQL types (numbers of different kinds compare by value). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a.getClass() == b.getClass()) {
      if (a instanceof byte[] x) {
        return Arrays.compareUnsigned(x, (byte[]) b);
      }
      return ((Comparable) a).compareTo(b);
    }
    if (a instanceof Number x && b instanceof Number y) {
      if (x instanceof Double || y instanceof Double || x instanceof Float || y instanceof Float) {
        return Double.compare(x.doubleValue(), y.doubleValue());
      }
      return toBigDecimal(x).compareTo(toBigDecimal(y));
    }
    throw new IllegalStateException("cannot compare " + a.getClass().getSimpleName() + " with "
        + b.getClass().getSimpleName());
  }

  /** A number as a BigDecimal. */
  public static BigDecimal toBigDecimal(Object n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Long || n instanceof Integer) {
      return BigDecimal.valueOf(((Number) n).longValue());
    }
    if (n instanceof Number x) {
      return new BigDecimal(x.toString());
    }
    throw new IllegalStateException("not a number: " + n);
  }

  /** A value normalized for hashing and equality in join and grouping keys. */
  public static Object key(Object v) {
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
    if (v instanceof Double d && d == 0.0) {
      return 0.0d;
    }
    if (v instanceof byte[] b) {
      return java.nio.ByteBuffer.wrap(b);
    }
    return v;
  }

  /** Microseconds since the epoch of a TIMESTAMP literal, keeping its sub-millisecond digits. */
  private static long timestampMicros(org.apache.calcite.util.TimestampString timestamp) {
    java.time.LocalDateTime t = java.time.LocalDateTime.parse(timestamp.toString().replace(' ', 'T'));
    return t.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
  }

  /** A literal in the engine's representation. */
  public static Object literal(RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    RelDataType type = literal.getType();
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return literal.getValueAs(BigDecimal.class).longValueExact();
      case DECIMAL:
        return literal.getValueAs(BigDecimal.class).setScale(type.getScale(), RoundingMode.HALF_UP);
      case REAL:
      case FLOAT:
      case DOUBLE:
        return literal.getValueAs(Double.class);
      case CHAR:
      case VARCHAR:
        return literal.getValueAs(String.class);
      case BOOLEAN:
        return literal.getValueAs(Boolean.class);
      case DATE:
        return literal.getValueAs(Integer.class);
      case TIME:
        return literal.getValueAs(Integer.class) * 1000L;
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: // the instant its text names in UTC, as time travel reads it
        return timestampMicros(literal.getValueAs(org.apache.calcite.util.TimestampString.class));
      case BINARY:
      case VARBINARY:
        return literal.getValueAs(byte[].class);
      case SYMBOL:
        return literal.getValue();
      default:
        if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(name) || SqlTypeName.DAY_INTERVAL_TYPES.contains(name)) {
          return literal.getValueAs(BigDecimal.class).longValueExact();
        }
        throw new UnsupportedOperationException("not supported: literal " + literal + " of type " + type);
    }
  }
}
