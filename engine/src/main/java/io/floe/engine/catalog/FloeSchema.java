package io.floe.engine.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** A Calcite schema exposing one schema (namespace) of a {@link TableSource}. */
public final class FloeSchema extends AbstractSchema {
  private final TableSource source;
  private final String name;

  public FloeSchema(TableSource source, String name) {
    this.source = source;
    this.name = name;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (String table : source.tableNames(name)) {
      source.loadTable(name, table).ifPresent(t -> tables.put(table, new FloeCalciteTable(name, table, t)));
    }
    return tables;
  }

  @Override
  public boolean isMutable() {
    return false;
  }
}
