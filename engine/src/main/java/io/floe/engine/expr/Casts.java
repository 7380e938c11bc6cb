package io.floe.engine.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** CAST between the engine's value representations. */
final class Casts {
  /** {@code yyyy-MM-dd HH:mm:ss} with the fraction of a second when there is one (as TIMESTAMP literals). */
  private static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true).toFormatter();

  private Casts() {
  }

  static Object cast(Object v, RelDataType from, RelDataType to) {
    SqlTypeName source = from.getSqlTypeName();
    switch (to.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT: {
        if (v instanceof Boolean b) {
          return b ? 1L : 0L;
        }
        BigDecimal number = v instanceof String s ? parseNumber(s, to)
            : v instanceof Double d ? finite(d, to) : Values.toBigDecimal(v);
        return integerInRange(number.setScale(0, RoundingMode.HALF_UP), v, to);
      }
      case DECIMAL: {
        BigDecimal d = v instanceof String s ? parseNumber(s, to) : Values.toBigDecimal(v);
        BigDecimal result = d.setScale(to.getScale(), RoundingMode.HALF_UP);
        if (result.precision() - result.scale() > to.getPrecision() - to.getScale()) {
          throw new SqlStateException("22003", "value " + d + " out of range for " + to);
        }
        return result;
      }
      case REAL:
      case FLOAT:
      case DOUBLE:
        if (v instanceof String s) {
          Double special = nonFinite(s);
          return special != null ? special : parseNumber(s, to).doubleValue();
        }
        return ((Number) v).doubleValue();
      case CHAR:
      case VARCHAR:
        return toText(v, source);
      case BOOLEAN:
        if (v instanceof String s) {
          return Boolean.parseBoolean(s.trim());
        }
        return v;
      case DATE:
        if (v instanceof String s) {
          try {
            return (int) LocalDate.parse(s.trim()).toEpochDay();
          } catch (DateTimeParseException e) {
            throw new SqlStateException("22007", "invalid DATE '" + s + "'");
          }
        }
        if (isTimestamp(source)) {
          return (int) Math.floorDiv((Long) v, 86_400_000_000L);
        }
        return v;
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        if (v instanceof String s) {
          return parseTimestamp(s, to);
        }
        if (source == SqlTypeName.DATE) {
          return ((Integer) v) * 86_400_000_000L;
        }
        return v;
      case BINARY:
      case VARBINARY:
        return v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : v;
      default:
        if (to.getSqlTypeName() == source) {
          return v;
        }
        throw new UnsupportedOperationException("not supported: CAST from " + from + " to " + to);
    }
  }

  /** TIMESTAMP and TIMESTAMP WITH LOCAL TIME ZONE are both microseconds since the epoch in UTC. */
  /** {@code d} as a decimal; 22003 for NaN and the infinities, which no integer holds. */
  private static BigDecimal finite(double d, RelDataType to) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new SqlStateException("22003", "value " + d + " out of range for " + to);
    }
    return BigDecimal.valueOf(d);
  }

  /** A whole {@code number} as a long within the range of integer type {@code to}; else 22003 naming the value. */
  private static long integerInRange(BigDecimal number, Object value, RelDataType to) {
    int bits = switch (to.getSqlTypeName()) {
      case TINYINT -> 8;
      case SMALLINT -> 16;
      case INTEGER -> 32;
      default -> 64;
    };
    if (number.unscaledValue().bitLength() >= bits) {
      throw new SqlStateException("22003", "value " + value.toString().trim() + " out of range for " + to);
    }
    return number.longValue();
  }

  private static boolean isTimestamp(SqlTypeName type) {
    return type == SqlTypeName.TIMESTAMP || type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
  }

  private static long parseTimestamp(String s, RelDataType to) {
    try {
      LocalDateTime t = LocalDateTime.parse(s.trim().replace(' ', 'T'));
      return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
    } catch (DateTimeParseException e) {
      throw new SqlStateException("22007", "invalid " + to.getSqlTypeName() + " '" + s + "'");
    }
  }

  /** NaN or an infinity as DuckDB and PostgreSQL spell it ({@code NaN}, {@code -Infinity}, {@code inf}), or null. */
  private static Double nonFinite(String s) {
    String t = s.trim().toLowerCase(java.util.Locale.ROOT);
    switch (t) {
      case "nan":
        return Double.NaN;
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        return null;
    }
  }

  private static BigDecimal parseNumber(String s, RelDataType to) {
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      throw new SqlStateException("22018", "invalid " + to.getSqlTypeName() + " value '" + s + "'");
    }
  }

  static String toText(Object v, SqlTypeName source) {
    switch (source) {
      case DATE:
        return LocalDate.ofEpochDay((Integer) v).toString();
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        long micros = (Long) v;
        return TIMESTAMP_TEXT.format(LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC));
      }
      case TIME: {
        byte[] text = new byte[16];
        int length = TextFormatting.timeOfDay(Math.floorMod((Long) v, CivilDates.MICROS_PER_DAY), text, 0);
        return new String(text, 0, length, StandardCharsets.US_ASCII);
      }
      case DECIMAL:
        return ((BigDecimal) v).toPlainString();
      case BINARY:
      case VARBINARY:
        return new String((byte[]) v, StandardCharsets.UTF_8);
      default:
        return v.toString();
    }
  }
}
