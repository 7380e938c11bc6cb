package io.floe.engine.metadata;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** A column of a metadata table: its name as in Iceberg's metadata tables, its SQL type, whether it may be null. */
public record MetadataColumn(String name, SqlTypeName type, boolean nullable) {
  /** A column that always has a value. */
  public static MetadataColumn required(String name, SqlTypeName type) {
    return new MetadataColumn(name, type, false);
  }

  /** A column that may be null. */
  public static MetadataColumn optional(String name, SqlTypeName type) {
    return new MetadataColumn(name, type, true);
  }

  /** The column's SQL type (timestamps with microseconds, as Floe's table columns). */
  public RelDataType sqlType(RelDataTypeFactory factory) {
    RelDataType base = type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE || type == SqlTypeName.TIMESTAMP
        ? factory.createSqlType(type, 6) : factory.createSqlType(type);
    return factory.createTypeWithNullability(base, nullable);
  }

  /** The row type of {@code columns}, in order. */
  public static RelDataType rowType(List<MetadataColumn> columns, RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder builder = factory.builder();
    for (MetadataColumn column : columns) {
      builder.add(column.name(), column.sqlType(factory));
    }
    return builder.build();
  }
}
