package io.floe.expressions;

import io.floe.data.Values;
import io.floe.types.PrimitiveType;
import io.floe.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Converts a filter literal to an internal value of a column's type. A number that has no exact equivalent in
 * the column type (1.005 for a decimal(9,2), 3_000_000_000L for an int, 0.1 for a float) gives the nearest
 * values below and above it instead, so the binder can rewrite the comparison exactly; a side is null when the
 * literal lies beyond the type's range on that side.
 */
final class LiteralConversion {
  private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private LiteralConversion() {
  }

  /** Either {@code exact}, or the nearest values {@code floor} below and {@code ceil} above the literal. */
  record Converted(Object exact, Object floor, Object ceil) {
    static Converted exactly(Object value) {
      return new Converted(value, null, null);
    }

    boolean isExact() {
      return exact != null;
    }
  }

  static Converted convert(PrimitiveType type, Object literal) {
    if (literal instanceof CharSequence s && type.typeId() == TypeId.DECIMAL) {
      try {
        return convertNumber(type, new BigDecimal(s.toString().trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + s + "' is not a valid " + type + " literal", e);
      }
    }
    if (literal instanceof CharSequence s && type.typeId() != TypeId.STRING) {
      return Converted.exactly(parse(type, s.toString()));
    }
    if (literal instanceof Number n && isNumeric(type)) {
      return convertNumber(type, n);
    }
    if (literal instanceof LocalDate d && type.typeId() == TypeId.TIMESTAMP) {
      return Converted.exactly(Values.toInternal(type, d.atStartOfDay()));
    }
    return Converted.exactly(Values.toInternal(type, literal));
  }

  private static Object parse(PrimitiveType type, String s) {
    String text = s.trim();
    try {
      return switch (type.typeId()) {
        case DATE -> Values.toInternal(type, LocalDate.parse(text));
        case TIME -> Values.toInternal(type, LocalTime.parse(text));
        case TIMESTAMP -> Values.toInternal(type, parseLocalDateTime(text));
        case TIMESTAMPTZ -> parseTimestampTz(type, text);
        default -> Values.toInternal(type, s);
      };
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a valid " + type + " literal: " + e.getMessage(), e);
    }
  }

  private static LocalDateTime parseLocalDateTime(String text) {
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay();
    }
    String iso = text.replace(' ', 'T');
    try {
      return LocalDateTime.parse(iso);
    } catch (DateTimeParseException e) {
      OffsetDateTime.parse(iso);
      throw new IllegalArgumentException("'" + text + "' has a time zone offset but the column is a timestamp without time zone;"
          + " use a local date-time such as 2017-11-16T22:31:08");
    }
  }

  private static Object parseTimestampTz(PrimitiveType type, String text) {
    String iso = text.replace(' ', 'T');
    try {
      return Values.toInternal(type, OffsetDateTime.parse(iso));
    } catch (DateTimeParseException e) {
      if (text.length() == 10) {
        LocalDate.parse(text);
      } else {
        LocalDateTime.parse(iso);
      }
      throw new IllegalArgumentException("'" + text + "' has no time zone offset but the column is a timestamptz;"
          + " add one, e.g. 2017-11-16T22:31:08Z or 2017-11-16T14:31:08-08:00");
    }
  }

  private static boolean isNumeric(PrimitiveType type) {
    return switch (type.typeId()) {
      case INT, LONG, FLOAT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  private static Converted convertNumber(PrimitiveType type, Number n) {
    if ((n instanceof Double d && d.isNaN()) || (n instanceof Float f && f.isNaN())) {
      throw new IllegalArgumentException("NaN is not a comparable literal; use isNaN or notNaN");
    }
    return switch (type.typeId()) {
      case INT -> integral(n, INT_MIN, INT_MAX, true);
      case LONG -> integral(n, LONG_MIN, LONG_MAX, false);
      case DECIMAL -> decimal(type, n);
      case FLOAT -> toFloat(n);
      case DOUBLE -> toDouble(n);
      default -> throw new IllegalStateException("not numeric: " + type);
    };
  }

  private static Converted integral(Number n, BigDecimal min, BigDecimal max, boolean asInt) {
    if (isInfinite(n)) {
      return n.doubleValue() > 0 ? bounds(max, null, asInt) : bounds(null, min, asInt);
    }
    BigDecimal v = exactValue(n);
    BigDecimal floor = v.setScale(0, RoundingMode.FLOOR);
    BigDecimal ceil = v.setScale(0, RoundingMode.CEILING);
    if (floor.compareTo(ceil) == 0 && floor.compareTo(min) >= 0 && floor.compareTo(max) <= 0) {
      return Converted.exactly(asInt ? (Object) floor.intValueExact() : (Object) floor.longValueExact());
    }
    return bounds(floor.compareTo(max) > 0 ? max : floor.compareTo(min) < 0 ? null : floor,
        ceil.compareTo(min) < 0 ? min : ceil.compareTo(max) > 0 ? null : ceil, asInt);
  }

  private static Converted bounds(BigDecimal floor, BigDecimal ceil, boolean asInt) {
    return new Converted(null, floor == null ? null : asInt ? (Object) floor.intValueExact() : (Object) floor.longValueExact(),
        ceil == null ? null : asInt ? (Object) ceil.intValueExact() : (Object) ceil.longValueExact());
  }

  private static Converted decimal(PrimitiveType type, Number n) {
    BigDecimal max = new BigDecimal(BigInteger.TEN.pow(type.precision()).subtract(BigInteger.ONE), type.scale());
    BigDecimal min = max.negate();
    if (isInfinite(n)) {
      return n.doubleValue() > 0 ? new Converted(null, max, null) : new Converted(null, null, min);
    }
    // a double literal means its shortest decimal form: 0.1 is 0.1, not 0.1000000000000000055...
    BigDecimal v = n instanceof Double || n instanceof Float ? new BigDecimal(n.toString()) : exactValue(n);
    BigDecimal floor = v.setScale(type.scale(), RoundingMode.FLOOR);
    BigDecimal ceil = v.setScale(type.scale(), RoundingMode.CEILING);
    if (floor.compareTo(ceil) == 0 && floor.compareTo(min) >= 0 && floor.compareTo(max) <= 0) {
      return Converted.exactly(floor);
    }
    return new Converted(null, floor.compareTo(max) > 0 ? max : floor.compareTo(min) < 0 ? null : floor,
        ceil.compareTo(min) < 0 ? min : ceil.compareTo(max) > 0 ? null : ceil);
  }

  private static Converted toFloat(Number n) {
    if (n instanceof Float) {
      return Converted.exactly(n);
    }
    if (isInfinite(n)) {
      return Converted.exactly(n.floatValue());
    }
    BigDecimal v = exactValue(n);
    float f = v.floatValue();
    if (Float.isInfinite(f)) {
      return f > 0 ? new Converted(null, Float.MAX_VALUE, f) : new Converted(null, f, -Float.MAX_VALUE);
    }
    int cmp = new BigDecimal(f).compareTo(v);
    if (cmp == 0) {
      return Converted.exactly(n instanceof Double d && d == 0 ? (Object) (float) (double) d : (Object) f);
    }
    return cmp > 0 ? new Converted(null, Math.nextDown(f), f) : new Converted(null, f, Math.nextUp(f));
  }

  private static Converted toDouble(Number n) {
    if (n instanceof Double) {
      return Converted.exactly(n);
    }
    if (n instanceof Float f) {
      return Converted.exactly(f.doubleValue());
    }
    BigDecimal v = exactValue(n);
    double d = v.doubleValue();
    if (Double.isInfinite(d)) {
      return d > 0 ? new Converted(null, Double.MAX_VALUE, d) : new Converted(null, d, -Double.MAX_VALUE);
    }
    int cmp = new BigDecimal(d).compareTo(v);
    if (cmp == 0) {
      return Converted.exactly(d);
    }
    return cmp > 0 ? new Converted(null, Math.nextDown(d), d) : new Converted(null, d, Math.nextUp(d));
  }

  private static boolean isInfinite(Number n) {
    return (n instanceof Double d && d.isInfinite()) || (n instanceof Float f && f.isInfinite());
  }

  private static BigDecimal exactValue(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    } else if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    } else if (n instanceof Double || n instanceof Float) {
      return new BigDecimal(n.doubleValue());
    } else if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    throw new IllegalArgumentException("unsupported number class " + n.getClass().getName());
  }
}
