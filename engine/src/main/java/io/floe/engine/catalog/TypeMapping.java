package io.floe.engine.catalog;

import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Maps Floe (Iceberg) column types to Calcite SQL types. */
public final class TypeMapping {
  private TypeMapping() {
  }

  /** The row type of a table schema; optional columns are nullable. */
  public static RelDataType rowType(Schema schema, RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder builder = factory.builder();
    for (NestedField field : schema.columns()) {
      builder.add(field.name(), factory.createTypeWithNullability(sqlType(field, factory), field.isOptional()));
    }
    return builder.build();
  }

  private static RelDataType sqlType(NestedField field, RelDataTypeFactory factory) {
    if (!(field.type() instanceof PrimitiveType type)) {
      throw new UnsupportedOperationException("not supported: nested column " + field.name() + " of type " + field.type());
    }
    return switch (type.typeId()) {
      case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
      case INT -> factory.createSqlType(SqlTypeName.INTEGER);
      case LONG -> factory.createSqlType(SqlTypeName.BIGINT);
      case FLOAT -> factory.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
      case DATE -> factory.createSqlType(SqlTypeName.DATE);
      case TIME -> factory.createSqlType(SqlTypeName.TIME, 6);
      case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 6);
      case TIMESTAMPTZ -> factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
      case STRING -> factory.createSqlType(SqlTypeName.VARCHAR);
      case BINARY -> factory.createSqlType(SqlTypeName.VARBINARY);
      case FIXED -> factory.createSqlType(SqlTypeName.BINARY, type.length());
      case UUID -> factory.createSqlType(SqlTypeName.BINARY, 16);
      default -> throw new UnsupportedOperationException("not supported: column " + field.name() + " of type " + type);
    };
  }
}
