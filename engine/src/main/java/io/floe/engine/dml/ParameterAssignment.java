package io.floe.engine.dml;

import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A parameter value, as a JDBC application passes it ({@code Integer}, {@code BigDecimal}, {@code String},
 * {@code LocalDate}, {@code Instant}, ...), as the value of a table column's Iceberg type, where SQL assignment
 * would give exactly that value without a cast that can fail or round: an integer into an integer column of its
 * range (or a floating-point column that holds it exactly), a decimal of at most the column's scale and precision,
 * a date into a date column, an instant into a {@code timestamptz} column, and so on. Anything else is
 * {@link #NOT_EXACT}: text for a number or date, a number that needs rounding or is out of range, a local timestamp
 * for a {@code timestamptz} column (read in the session time zone), sub-microsecond times, NULL for a NOT NULL
 * column.
 */
final class ParameterAssignment {
  /** The value has no exact assignment here: SQL's casts (and errors) decide. */
  static final Object NOT_EXACT = new Object();

  private ParameterAssignment() {
  }

  /** {@code value} as a record value of {@code field}'s type, or {@link #NOT_EXACT}. */
  static Object exact(Object value, NestedField field) {
    if (value == null) {
      return field.required() ? NOT_EXACT : null;
    }
    if (!(field.type() instanceof PrimitiveType type)) {
      return NOT_EXACT;
    }
    return switch (type.typeId()) {
      case BOOLEAN -> value instanceof Boolean ? value : NOT_EXACT;
      case INT -> isIntegral(value) && fitsInt(((Number) value).longValue()) ? ((Number) value).intValue() : NOT_EXACT;
      case LONG -> isIntegral(value) ? ((Number) value).longValue() : NOT_EXACT;
      case FLOAT -> value instanceof Float || value instanceof Double || isIntegralWithin(value, 1L << 24)
          ? ((Number) value).floatValue() : NOT_EXACT;
      case DOUBLE -> value instanceof Float || value instanceof Double || isIntegralWithin(value, 1L << 53)
          ? ((Number) value).doubleValue() : NOT_EXACT;
      case DECIMAL -> decimal(value, type);
      case STRING -> value instanceof String ? value : NOT_EXACT;
      case BINARY -> value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : NOT_EXACT;
      case FIXED -> value instanceof byte[] bytes && bytes.length == type.length() ? ByteBuffer.wrap(bytes) : NOT_EXACT;
      case DATE -> date(value);
      case TIME -> time(value);
      case TIMESTAMP -> timestamp(value);
      case TIMESTAMPTZ -> instant(value);
      default -> NOT_EXACT;
    };
  }

  private static boolean isIntegral(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
  }

  /** An integer the floating-point type holds exactly (|value| at most {@code limit}): no rounding to argue about. */
  private static boolean isIntegralWithin(Object value, long limit) {
    if (!isIntegral(value)) {
      return false;
    }
    long v = ((Number) value).longValue();
    return v >= -limit && v <= limit;
  }

  private static boolean fitsInt(long value) {
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
  }

  private static Object decimal(Object value, PrimitiveType type) {
    BigDecimal exact;
    if (isIntegral(value)) {
      exact = BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigDecimal d && d.scale() <= type.scale()) {
      exact = d;
    } else {
      return NOT_EXACT;
    }
    BigDecimal scaled = exact.setScale(type.scale());
    return scaled.precision() <= type.precision() || scaled.signum() == 0 ? scaled : NOT_EXACT;
  }

  private static Object date(Object value) {
    if (value instanceof java.sql.Date d) {
      return Math.toIntExact(d.toLocalDate().toEpochDay());
    }
    return value instanceof LocalDate d ? Math.toIntExact(d.toEpochDay()) : NOT_EXACT;
  }

  private static Object time(Object value) {
    LocalTime time = value instanceof java.sql.Time t ? t.toLocalTime() : value instanceof LocalTime t ? t : null;
    return time == null || time.getNano() % 1000 != 0 ? NOT_EXACT : time.toNanoOfDay() / 1000;
  }

  private static Object timestamp(Object value) {
    LocalDateTime local = value instanceof java.sql.Timestamp t ? t.toLocalDateTime()
        : value instanceof LocalDateTime t ? t : null;
    return local == null ? NOT_EXACT : micros(local.toInstant(ZoneOffset.UTC));
  }

  private static Object instant(Object value) {
    Instant instant = value instanceof Instant i ? i
        : value instanceof OffsetDateTime t ? t.toInstant()
        : value instanceof ZonedDateTime t ? t.toInstant() : null;
    return instant == null ? NOT_EXACT : micros(instant);
  }

  private static Object micros(Instant instant) {
    if (instant.getNano() % 1000 != 0) {
      return NOT_EXACT;
    }
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    } catch (ArithmeticException e) {
      return NOT_EXACT;
    }
  }
}
