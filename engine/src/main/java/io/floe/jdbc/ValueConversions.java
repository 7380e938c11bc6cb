package io.floe.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.HexFormat;

/**
 * Converts the values of a {@link Cursor} to what a JDBC getter asks for. TIMESTAMP values have no zone: the
 * getters without a {@link Calendar} read them in the JVM's default zone (as JDBC specifies), with a calendar in its
 * zone. Numbers out of a getter's range fail with SQLState 22003.
 */
final class ValueConversions {
  private ValueConversions() {
  }

  static String toText(Object value) {
    if (value instanceof String s) {
      return s;
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    } else if (value instanceof LocalDateTime t) {
      return t.toLocalDate() + " " + timeText(t.toLocalTime());
    } else if (value instanceof OffsetDateTime t) {
      LocalDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      return utc.toLocalDate() + " " + timeText(utc.toLocalTime()) + " UTC";
    } else if (value instanceof LocalTime t) {
      return timeText(t);
    }
    return String.valueOf(value);
  }

  private static String timeText(LocalTime time) {
    String text = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    int nanos = time.getNano();
    if (nanos == 0) {
      return text;
    }
    String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
    return text + "." + fraction;
  }

  static boolean toBoolean(Object value) throws SQLException {
    if (value instanceof Boolean b) {
      return b;
    } else if (value instanceof Number n) {
      return n.doubleValue() != 0;
    } else if (value instanceof String s) {
      String t = s.trim();
      if (t.equalsIgnoreCase("true") || t.equals("1")) {
        return true;
      } else if (t.equalsIgnoreCase("false") || t.equals("0")) {
        return false;
      }
    }
    throw JdbcErrors.conversion(value, "BOOLEAN");
  }

  /** The value as a long within [min, max]. */
  static long toLong(Object value, long min, long max, String target) throws SQLException {
    BigDecimal exact;
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      long v = ((Number) value).longValue();
      if (v < min || v > max) {
        throw outOfRange(value, target);
      }
      return v;
    } else if (value instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (value instanceof Number || value instanceof String) {
      exact = toBigDecimal(value);
    } else {
      throw JdbcErrors.conversion(value, target);
    }
    BigInteger whole = exact.toBigInteger();
    if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      throw outOfRange(value, target);
    }
    return whole.longValue();
  }

  private static SQLException outOfRange(Object value, String target) {
    return new SQLException("value " + value + " is out of range for " + target, "22003");
  }

  static double toDouble(Object value) throws SQLException {
    if (value instanceof Number n) {
      return n.doubleValue();
    } else if (value instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (value instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw JdbcErrors.conversion(value, "DOUBLE");
      }
    }
    throw JdbcErrors.conversion(value, "DOUBLE");
  }

  static BigDecimal toBigDecimal(Object value) throws SQLException {
    if (value instanceof BigDecimal d) {
      return d;
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw JdbcErrors.conversion(value, "DECIMAL");
      }
      return new BigDecimal(n.toString());
    } else if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    } else if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw JdbcErrors.conversion(value, "DECIMAL");
      }
    }
    throw JdbcErrors.conversion(value, "DECIMAL");
  }

  static byte[] toBytes(Object value) throws SQLException {
    if (value instanceof byte[] bytes) {
      return bytes;
    } else if (value instanceof String s) {
      return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    throw JdbcErrors.conversion(value, "VARBINARY");
  }

  static Date toDate(Object value, Calendar calendar) throws SQLException {
    LocalDate date;
    if (value instanceof LocalDate d) {
      date = d;
    } else if (value instanceof LocalDateTime || value instanceof OffsetDateTime) {
      date = toLocalDateTime(value, calendar).toLocalDate();
    } else if (value instanceof String s) {
      date = parse(s, "DATE", LocalDate::parse);
    } else {
      throw JdbcErrors.conversion(value, "DATE");
    }
    return calendar == null ? Date.valueOf(date) : new Date(date.atStartOfDay(zone(calendar)).toInstant().toEpochMilli());
  }

  static Time toTime(Object value, Calendar calendar) throws SQLException {
    LocalTime time;
    if (value instanceof LocalTime t) {
      time = t;
    } else if (value instanceof LocalDateTime || value instanceof OffsetDateTime) {
      time = toLocalDateTime(value, calendar).toLocalTime();
    } else if (value instanceof String s) {
      time = parse(s, "TIME", LocalTime::parse);
    } else {
      throw JdbcErrors.conversion(value, "TIME");
    }
    long millis = time.atDate(LocalDate.EPOCH).atZone(zone(calendar)).toInstant().toEpochMilli();
    return new Time(millis);
  }

  static Timestamp toTimestamp(Object value, Calendar calendar) throws SQLException {
    if (value instanceof OffsetDateTime t) {
      return Timestamp.from(t.toInstant());
    } else if (value instanceof LocalDateTime t) {
      return Timestamp.from(t.atZone(zone(calendar)).toInstant());
    } else if (value instanceof LocalDate d) {
      return Timestamp.from(d.atStartOfDay(zone(calendar)).toInstant());
    } else if (value instanceof String s) {
      return Timestamp.from(parse(s.trim().replace(' ', 'T'), "TIMESTAMP", LocalDateTime::parse)
          .atZone(zone(calendar)).toInstant());
    }
    throw JdbcErrors.conversion(value, "TIMESTAMP");
  }

  private static LocalDateTime toLocalDateTime(Object value, Calendar calendar) {
    if (value instanceof OffsetDateTime t) {
      return t.atZoneSameInstant(zone(calendar)).toLocalDateTime();
    }
    return (LocalDateTime) value;
  }

  private static ZoneId zone(Calendar calendar) {
    return calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> T parse(String text, String target, Parser<T> parser) throws SQLException {
    try {
      return parser.parse(text.trim());
    } catch (RuntimeException e) {
      throw JdbcErrors.conversion(text, target);
    }
  }

  /** The value as an instance of {@code type} ({@link java.sql.ResultSet#getObject(int, Class)}). */
  static Object to(Object value, Class<?> type) throws SQLException {
    if (type.isInstance(value)) {
      return value;
    } else if (type == String.class) {
      return toText(value);
    } else if (type == Boolean.class) {
      return toBoolean(value);
    } else if (type == Byte.class) {
      return (byte) toLong(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
    } else if (type == Short.class) {
      return (short) toLong(value, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
    } else if (type == Integer.class) {
      return (int) toLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
    } else if (type == Long.class) {
      return toLong(value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
    } else if (type == Float.class) {
      return (float) toDouble(value);
    } else if (type == Double.class) {
      return toDouble(value);
    } else if (type == BigDecimal.class) {
      return toBigDecimal(value);
    } else if (type == BigInteger.class) {
      return toBigDecimal(value).toBigInteger();
    } else if (type == byte[].class) {
      return toBytes(value);
    } else if (type == Date.class) {
      return toDate(value, null);
    } else if (type == Time.class) {
      return toTime(value, null);
    } else if (type == Timestamp.class) {
      return toTimestamp(value, null);
    } else if (type == LocalDate.class) {
      return toDate(value, null).toLocalDate();
    } else if (type == LocalTime.class && value instanceof LocalTime) {
      return value;
    } else if (type == LocalDateTime.class) {
      return value instanceof OffsetDateTime t ? t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
          : toTimestamp(value, null).toLocalDateTime();
    } else if (type == OffsetDateTime.class) {
      return value instanceof LocalDateTime t ? t.atOffset(ZoneOffset.UTC) : toTimestamp(value, null).toInstant()
          .atOffset(ZoneOffset.UTC);
    } else if (type == Instant.class) {
      return value instanceof LocalDateTime t ? t.toInstant(ZoneOffset.UTC) : toTimestamp(value, null).toInstant();
    } else if (type == Object.class) {
      return value;
    }
    throw JdbcErrors.conversion(value, type.getName());
  }

  /** The JDBC-standard object of a value of the given {@link java.sql.Types} type. */
  static Object standard(Object value, int jdbcType) throws SQLException {
    if (value == null) {
      return null;
    }
    switch (jdbcType) {
      case java.sql.Types.DATE:
        return toDate(value, null);
      case java.sql.Types.TIME:
        return toTime(value, null);
      case java.sql.Types.TIMESTAMP:
        return toTimestamp(value, null);
      default:
        return value;
    }
  }
}
