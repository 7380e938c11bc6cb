package io.floe.engine.ddl;

import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Type;
import io.floe.types.Types;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** The table-format type of a query's result column, for the tables (CREATE TABLE AS) and views made from queries. */
final class ColumnTypes {
  private ColumnTypes() {
  }

  /**
   * The type of the result column {@code field} (an Arrow field as the engine's results have them): a struct, list
   * or map of optional fields, elements and values, whose ids come from {@code ids}, for a ROW, ARRAY or MAP;
   * {@code statement} names the DDL in errors.
   */
  static Type of(Field field, IntSupplier ids, String statement) throws SQLException {
    ArrowType type = field.getType();
    List<Field> children = field.getChildren();
    if (type instanceof ArrowType.Struct) {
      List<NestedField> fields = new ArrayList<>();
      for (Field child : children) {
        int id = ids.getAsInt();
        fields.add(NestedField.optional(id, child.getName(), of(child, ids, statement)));
      }
      return Types.struct(fields);
    }
    if (type instanceof ArrowType.Map) {
      List<Field> entry = children.get(0).getChildren();
      int keyId = ids.getAsInt();
      int valueId = ids.getAsInt();
      return Types.map(keyId, of(entry.get(0), ids, statement), valueId, of(entry.get(1), ids, statement), false);
    }
    if (type instanceof ArrowType.List) {
      int id = ids.getAsInt();
      return Types.list(id, of(children.get(0), ids, statement), false);
    }
    return of(field.getName(), type, statement);
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
