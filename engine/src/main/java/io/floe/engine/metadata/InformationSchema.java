package io.floe.engine.metadata;

import io.floe.catalog.Catalog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The {@code information_schema} of a Floe catalog: its {@link InformationSchemaTable}s. */
public final class InformationSchema extends AbstractSchema {
  private final Map<String, Table> tables = new LinkedHashMap<>();

  public InformationSchema(Catalog catalog) {
    for (InformationSchemaTable table : InformationSchemaTable.values()) {
      tables.put(table.tableName(), table.over(catalog));
    }
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
