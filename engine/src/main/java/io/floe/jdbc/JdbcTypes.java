package io.floe.jdbc;

import java.sql.Types;
import java.util.List;

/** Names, sizes and Java classes of the JDBC types Floe produces. */
final class JdbcTypes {
  /** The types Floe stores, in {@link java.sql.DatabaseMetaData#getTypeInfo()} order (by JDBC type number). */
  static final List<Integer> SUPPORTED = List.of(Types.TINYINT, Types.BIGINT, Types.VARBINARY, Types.BINARY,
      Types.DECIMAL, Types.INTEGER, Types.SMALLINT, Types.REAL, Types.DOUBLE, Types.VARCHAR, Types.BOOLEAN,
      Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);

  static final int MAX_DECIMAL_PRECISION = 38;

  private JdbcTypes() {
  }

  static String name(int jdbcType) {
    switch (jdbcType) {
      case Types.BOOLEAN:
        return "BOOLEAN";
      case Types.TINYINT:
        return "TINYINT";
      case Types.SMALLINT:
        return "SMALLINT";
      case Types.INTEGER:
        return "INTEGER";
      case Types.BIGINT:
        return "BIGINT";
      case Types.REAL:
        return "REAL";
      case Types.DOUBLE:
        return "DOUBLE";
      case Types.DECIMAL:
        return "DECIMAL";
      case Types.DATE:
        return "DATE";
      case Types.TIME:
        return "TIME";
      case Types.TIMESTAMP:
        return "TIMESTAMP";
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return "TIMESTAMP WITH LOCAL TIME ZONE";
      case Types.VARCHAR:
        return "VARCHAR";
      case Types.BINARY:
        return "BINARY";
      case Types.VARBINARY:
        return "VARBINARY";
      case Types.ARRAY:
        return "ARRAY";
      case Types.JAVA_OBJECT:
        return "MAP";
      case Types.STRUCT:
        return "ROW";
      default:
        return "OTHER";
    }
  }

  /** Digits for numbers, characters of the literal for dates and times, 0 (unbounded) for strings and bytes. */
  static int defaultPrecision(int jdbcType) {
    switch (jdbcType) {
      case Types.BOOLEAN:
        return 1;
      case Types.TINYINT:
        return 3;
      case Types.SMALLINT:
        return 5;
      case Types.INTEGER:
        return 10;
      case Types.BIGINT:
        return 19;
      case Types.REAL:
        return 7;
      case Types.DOUBLE:
        return 15;
      case Types.DECIMAL:
        return MAX_DECIMAL_PRECISION;
      case Types.DATE:
        return 10;
      case Types.TIME:
        return 15;
      case Types.TIMESTAMP:
        return 26;
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return 32;
      default:
        return 0;
    }
  }

  /** The class {@link java.sql.ResultSet#getObject(int)} returns for the type. */
  static Class<?> javaClass(int jdbcType) {
    switch (jdbcType) {
      case Types.BOOLEAN:
        return Boolean.class;
      case Types.TINYINT:
        return Byte.class;
      case Types.SMALLINT:
        return Short.class;
      case Types.INTEGER:
        return Integer.class;
      case Types.BIGINT:
        return Long.class;
      case Types.REAL:
        return Float.class;
      case Types.DOUBLE:
        return Double.class;
      case Types.DECIMAL:
        return java.math.BigDecimal.class;
      case Types.DATE:
        return java.sql.Date.class;
      case Types.TIME:
        return java.sql.Time.class;
      case Types.TIMESTAMP:
        return java.sql.Timestamp.class;
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return java.time.OffsetDateTime.class;
      case Types.BINARY:
      case Types.VARBINARY:
        return byte[].class;
      case Types.VARCHAR:
        return String.class;
      case Types.ARRAY:
        return java.sql.Array.class;
      case Types.JAVA_OBJECT:
        return java.util.Map.class;
      case Types.STRUCT:
        return java.sql.Struct.class;
      default:
        return Object.class;
    }
  }

  /** Whether values of the type are ARRAYs, MAPs ({@code JAVA_OBJECT}) or ROWs ({@code STRUCT}). */
  static boolean isNested(int jdbcType) {
    return jdbcType == Types.ARRAY || jdbcType == Types.JAVA_OBJECT || jdbcType == Types.STRUCT;
  }

  static boolean isNumeric(int jdbcType) {
    switch (jdbcType) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
      case Types.REAL:
      case Types.DOUBLE:
      case Types.DECIMAL:
        return true;
      default:
        return false;
    }
  }
}
