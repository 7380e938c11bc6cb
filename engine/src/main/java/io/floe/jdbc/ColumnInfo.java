package io.floe.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.Types;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A result column as JDBC describes it.
 *
 * @param name the column label
 * @param jdbcType a {@link Types} constant
 * @param typeName the SQL type name ({@code DECIMAL}, {@code TIMESTAMP}, ...)
 * @param precision digits, characters or bytes (0 when unbounded)
 * @param scale digits after the point
 * @param nullable {@link ResultSetMetaData#columnNullable} or {@link ResultSetMetaData#columnNoNulls}
 */
record ColumnInfo(String name, int jdbcType, String typeName, int precision, int scale, int nullable) {
  static final int UNBOUNDED = Integer.MAX_VALUE;

  static ColumnInfo of(String name, int jdbcType) {
    return new ColumnInfo(name, jdbcType, JdbcTypes.name(jdbcType), JdbcTypes.defaultPrecision(jdbcType), 0,
        ResultSetMetaData.columnNullable);
  }

  /** The JDBC view of an Arrow result field as the engine produces them. */
  static ColumnInfo of(Field field) {
    int nullable = field.isNullable() ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls;
    ArrowType type = field.getType();
    int jdbcType;
    int precision = 0;
    int scale = 0;
    if (type instanceof ArrowType.Bool) {
      jdbcType = Types.BOOLEAN;
    } else if (type instanceof ArrowType.Int i) {
      jdbcType = i.getBitWidth() == 8 ? Types.TINYINT
          : i.getBitWidth() == 16 ? Types.SMALLINT : i.getBitWidth() == 32 ? Types.INTEGER : Types.BIGINT;
    } else if (type instanceof ArrowType.FloatingPoint f) {
      jdbcType = f.getPrecision() == FloatingPointPrecision.SINGLE ? Types.REAL : Types.DOUBLE;
    } else if (type instanceof ArrowType.Decimal d) {
      jdbcType = Types.DECIMAL;
      precision = d.getPrecision();
      scale = d.getScale();
    } else if (type instanceof ArrowType.Date) {
      jdbcType = Types.DATE;
    } else if (type instanceof ArrowType.Time) {
      jdbcType = Types.TIME;
      scale = 6;
    } else if (type instanceof ArrowType.Timestamp t) {
      jdbcType = t.getTimezone() == null ? Types.TIMESTAMP : Types.TIMESTAMP_WITH_TIMEZONE;
      scale = 6;
    } else if (type instanceof ArrowType.Utf8) {
      jdbcType = Types.VARCHAR;
    } else if (type instanceof ArrowType.Binary || type instanceof ArrowType.FixedSizeBinary) {
      jdbcType = Types.VARBINARY;
    } else if (type instanceof ArrowType.Map) {
      jdbcType = Types.JAVA_OBJECT;
    } else if (type instanceof ArrowType.List) {
      jdbcType = Types.ARRAY;
    } else if (type instanceof ArrowType.Struct) {
      jdbcType = Types.STRUCT;
    } else {
      jdbcType = Types.OTHER;
    }
    if (precision == 0) {
      precision = JdbcTypes.defaultPrecision(jdbcType);
    }
    return new ColumnInfo(field.getName(), jdbcType, JdbcTypes.name(jdbcType), precision, scale, nullable);
  }
}
