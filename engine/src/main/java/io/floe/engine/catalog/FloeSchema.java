package io.floe.engine.catalog;

import io.floe.catalog.Catalog;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.engine.metadata.MetadataTable;
import io.floe.engine.metadata.MetadataTableType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * A namespace of a Floe {@link Catalog} seen by Calcite as a schema: its tables as {@link FloeCalciteTable}s at
 * their current snapshot, each with its metadata tables ({@code "t$snapshots"}, ...; see
 * {@link MetadataTableType}), its child namespaces as sub-schemas.
 */
public final class FloeSchema extends AbstractSchema {
  private final Catalog catalog;
  private final Namespace namespace;

  public FloeSchema(Catalog catalog, Namespace namespace) {
    this.catalog = catalog;
    this.namespace = namespace;
  }

  public Namespace namespace() {
    return namespace;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> tables = new LinkedHashMap<>();
    if (namespace.isEmpty()) {
      return tables;
    }
    for (TableIdentifier id : catalog.listTables(namespace)) {
      io.floe.table.Table table = catalog.loadTable(id);
      tables.put(id.name(), new FloeCalciteTable(id, table));
      for (MetadataTableType type : MetadataTableType.values()) {
        tables.put(type.tableName(id.name()), new MetadataTable(table, type));
      }
    }
    return tables;
  }

  @Override
  protected Map<String, Schema> getSubSchemaMap() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    for (Namespace child : catalog.listNamespaces(namespace)) {
      schemas.put(child.lastLevel(), new FloeSchema(catalog, child));
    }
    return schemas;
  }

  @Override
  public boolean isMutable() {
    return false;
  }
}
