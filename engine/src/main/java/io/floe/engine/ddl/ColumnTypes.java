package io.floe.engine.ddl;

import io.floe.types.PrimitiveType;
import io.floe.types.Types;
import java.sql.SQLException;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** The table-format type of a query's result column, for the tables (CREATE TABLE AS) and views made from queries. */
final class ColumnTypes {
  private ColumnTypes() {
  }

  /** The type of {@code column}, whose result type is {@code type}; {@code statement} names the DDL in errors. */
  static PrimitiveType of(String column, ArrowType type, String statement) throws SQLException {
    if (type instanceof ArrowType.Bool) {
      return Types.BOOLEAN;
    } else if (type instanceof ArrowType.Int i && i.getBitWidth() == 32) {
      return Types.INT;
    } else if (type instanceof ArrowType.Int i && i.getBitWidth() == 64) {
      return Types.LONG;
    } else if (type instanceof ArrowType.FloatingPoint f) {
      return f.getPrecision() == FloatingPointPrecision.SINGLE ? Types.FLOAT : Types.DOUBLE;
    } else if (type instanceof ArrowType.Decimal d) {
      return Types.decimal(d.getPrecision(), d.getScale());
    } else if (type instanceof ArrowType.Date) {
      return Types.DATE;
    } else if (type instanceof ArrowType.Time) {
      return Types.TIME;
    } else if (type instanceof ArrowType.Timestamp t) {
      return t.getTimezone() == null ? Types.TIMESTAMP : Types.TIMESTAMPTZ;
    } else if (type instanceof ArrowType.Utf8) {
      return Types.STRING;
    } else if (type instanceof ArrowType.Binary) {
      return Types.BINARY;
    }
    throw DdlErrors.notSupported(statement + " with column " + column + " of type " + type
        + " (CAST it to INTEGER, BIGINT, DOUBLE, DECIMAL, VARCHAR, ...)");
  }
}
