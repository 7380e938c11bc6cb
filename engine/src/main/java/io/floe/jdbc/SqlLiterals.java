package io.floe.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Writes parameter values as SQL literals of their type: {@code 'text'} (quotes doubled), exact numbers as written,
 * doubles as {@code 1.5E0}, {@code DATE '2024-01-31'}, {@code TIME '10:15:00.5'}, {@code TIMESTAMP '2024-01-31
 * 10:15:00'}, {@code TIMESTAMP WITH LOCAL TIME ZONE '...'} (in UTC) for instants and offset times,
 * {@code X'00ff'} for bytes, {@code NULL} for null.
 */
public final class SqlLiterals {
  private SqlLiterals() {
  }

  public static String of(Object value) throws SQLException {
    if (value == null) {
      return "NULL";
    } else if (value instanceof String s) {
      return quote(s);
    } else if (value instanceof Character c) {
      return quote(c.toString());
    } else if (value instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof Double d) {
      return approximate(d, "DOUBLE");
    } else if (value instanceof Float f) {
      return "CAST(" + approximate(f.doubleValue(), "REAL") + " AS REAL)";
    } else if (value instanceof java.sql.Date d) {
      return "DATE '" + d.toLocalDate() + "'";
    } else if (value instanceof java.sql.Time t) {
      return "TIME '" + ValueConversions.toText(t.toLocalTime()) + "'";
    } else if (value instanceof Timestamp t) {
      return timestamp(t.toLocalDateTime());
    } else if (value instanceof LocalDate d) {
      return "DATE '" + d + "'";
    } else if (value instanceof LocalTime t) {
      return "TIME '" + ValueConversions.toText(t) + "'";
    } else if (value instanceof LocalDateTime t) {
      return timestamp(t);
    } else if (value instanceof OffsetDateTime t) {
      return instant(t.toInstant());
    } else if (value instanceof ZonedDateTime t) {
      return instant(t.toInstant());
    } else if (value instanceof Instant t) {
      return instant(t);
    } else if (value instanceof java.util.Date d) {
      return timestamp(new Timestamp(d.getTime()).toLocalDateTime());
    } else if (value instanceof byte[] bytes) {
      return "X'" + HexFormat.of().formatHex(bytes) + "'";
    } else if (value instanceof UUID u) {
      ByteBuffer bytes = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
      return "X'" + HexFormat.of().formatHex(bytes.array()) + "'";
    }
    throw new SQLException("cannot use a " + value.getClass().getName() + " as a parameter value", JdbcErrors.DATA);
  }

  /** {@code value} converted to the {@link Types} type a caller asked for (as it then becomes a literal). */
  static Object converted(Object value, int targetType) throws SQLException {
    if (value == null) {
      return null;
    }
    switch (targetType) {
      case Types.VARCHAR:
      case Types.CHAR:
      case Types.LONGVARCHAR:
      case Types.NVARCHAR:
      case Types.NCHAR:
        return ValueConversions.toText(value);
      case Types.BOOLEAN:
      case Types.BIT:
        return ValueConversions.toBoolean(value);
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
        return ValueConversions.toLong(value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
      case Types.DECIMAL:
      case Types.NUMERIC:
        return ValueConversions.toBigDecimal(value);
      case Types.REAL:
      case Types.FLOAT:
        return (float) ValueConversions.toDouble(value);
      case Types.DOUBLE:
        return ValueConversions.toDouble(value);
      case Types.DATE:
        return ValueConversions.toDate(value, null);
      case Types.TIMESTAMP:
        return ValueConversions.toTimestamp(value, null);
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return value instanceof Timestamp t ? t.toInstant() : ValueConversions.to(value, Instant.class);
      default:
        return value;
    }
  }

  /** A NULL of the {@link Types} type (an untyped NULL where the type has no SQL name here). */
  static String nullOf(int sqlType) {
    switch (sqlType) {
      case Types.VARCHAR:
      case Types.CHAR:
      case Types.LONGVARCHAR:
      case Types.NVARCHAR:
      case Types.NCHAR:
        return "CAST(NULL AS VARCHAR)";
      case Types.BOOLEAN:
      case Types.BIT:
        return "CAST(NULL AS BOOLEAN)";
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
        return "CAST(NULL AS INTEGER)";
      case Types.BIGINT:
        return "CAST(NULL AS BIGINT)";
      case Types.DECIMAL:
      case Types.NUMERIC:
        return "CAST(NULL AS DECIMAL(38, 10))";
      case Types.REAL:
      case Types.FLOAT:
        return "CAST(NULL AS REAL)";
      case Types.DOUBLE:
        return "CAST(NULL AS DOUBLE)";
      case Types.DATE:
        return "CAST(NULL AS DATE)";
      case Types.TIME:
        return "CAST(NULL AS TIME)";
      case Types.TIMESTAMP:
        return "CAST(NULL AS TIMESTAMP)";
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return "CAST(NULL AS TIMESTAMP WITH LOCAL TIME ZONE)";
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
        return "CAST(NULL AS VARBINARY)";
      default:
        return "NULL";
    }
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String approximate(double d, String type) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "CAST('" + (Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity") + "' AS " + type + ")";
    }
    String text = Double.toString(d);
    return text.contains("E") ? text : text + "E0";
  }

  private static String timestamp(LocalDateTime t) {
    return "TIMESTAMP '" + ValueConversions.toText(t) + "'";
  }

  private static String instant(Instant t) {
    return "TIMESTAMP WITH LOCAL TIME ZONE '" + ValueConversions.toText(LocalDateTime.ofInstant(t, ZoneOffset.UTC)) + "'";
  }
}
