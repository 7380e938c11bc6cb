package io.floe.engine.catalog;

import io.floe.catalog.Catalog;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.engine.metadata.MetadataTable;
import io.floe.engine.metadata.MetadataTableType;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * A namespace of a Floe {@link Catalog} seen by Calcite as a schema: its tables as {@link FloeCalciteTable}s at
 * their current snapshot, each with its metadata tables ({@code "t$snapshots"}, ...; see
 * {@link MetadataTableType}), its views as {@link FloeViewTable}s, its child namespaces as sub-schemas.
 */
public final class FloeSchema extends AbstractSchema {
  private final Catalog catalog;
  private final Namespace namespace;
  /** Built on first use: one schema object serves one statement, so every reference sees the same table state. */
  private LazyTables tables;
  private Map<String, Schema> subSchemas;
  private final Map<TableIdentifier, io.floe.table.Table> loaded = new HashMap<>();
  private final Map<String, Table> built = new HashMap<>();

  public FloeSchema(Catalog catalog, Namespace namespace) {
    this.catalog = catalog;
    this.namespace = namespace;
  }

  public Namespace namespace() {
    return namespace;
  }

  /**
   * The namespace's tables and their metadata tables by name. Listing the names costs one catalog listing; a table's
   * metadata is read only when a statement refers to it (or to one of its metadata tables), once per statement.
   */
  @Override
  protected Map<String, Table> getTableMap() {
    if (tables == null) {
      tables = listTables();
    }
    return tables;
  }

  /**
   * The tables by name. A table's own name (or one of its metadata tables', {@code "t$snapshots"}) is looked up in
   * the catalog directly; only a name that matches no table exactly (in another case) lists the namespace.
   */
  @Override
  public Lookup<Table> tables() {
    Lookup<Table> listed = super.tables();
    return new Lookup<>() {
      @Override
      public Table get(String name) {
        Table table = byExactName(name);
        return table != null ? table : listed.get(name);
      }

      @Override
      public Named<Table> getIgnoreCase(String name) {
        Table table = byExactName(name);
        return table != null ? new Named<>(name, table) : listed.getIgnoreCase(name);
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        return listed.getNames(pattern);
      }
    };
  }

  /** The table (or metadata table) named exactly {@code name}, or null if the catalog has no such table. */
  private Table byExactName(String name) {
    Table table = built.get(name);
    if (table != null || namespace.isEmpty()) {
      return table;
    }
    String tableName = name;
    for (MetadataTableType type : MetadataTableType.values()) {
      String suffix = type.tableName("");
      if (name.length() > suffix.length() && name.endsWith(suffix)) {
        tableName = name.substring(0, name.length() - suffix.length());
        break;
      }
    }
    TableIdentifier id;
    try {
      id = TableIdentifier.of(namespace, tableName);
      if (!catalog.tableExists(id)) {
        return tableName.equals(name) ? view(id) : null;
      }
    } catch (IllegalArgumentException invalidName) {
      return null; // no table of the catalog can have this name: the listing has none either, so it is unknown
    }
    return built(name, id);
  }

  /** The view {@code id}, loaded once per statement, or null when there is none. */
  private Table view(TableIdentifier id) {
    Table table = built.get(id.name());
    if (table == null) {
      table = catalog.loadView(id).map(FloeViewTable::new).orElse(null);
      if (table != null) {
        built.put(id.name(), table);
      }
    }
    return table;
  }

  /** The table {@code name} (the table {@code id} or one of its metadata tables), built once per statement. */
  private Table built(String name, TableIdentifier id) {
    return built.computeIfAbsent(name, n -> build(n, id));
  }

  private Table build(String name, TableIdentifier id) {
    io.floe.table.Table table = loaded.computeIfAbsent(id, catalog::loadTable);
    if (name.equals(id.name())) {
      return new FloeCalciteTable(id, table);
    }
    for (MetadataTableType type : MetadataTableType.values()) {
      if (type.tableName(id.name()).equals(name)) {
        return new MetadataTable(table, type);
      }
    }
    throw new IllegalStateException("no table " + name + " in namespace " + namespace);
  }

  private LazyTables listTables() {
    Map<String, TableIdentifier> names = new LinkedHashMap<>();
    Set<String> views = new HashSet<>();
    if (!namespace.isEmpty()) {
      for (TableIdentifier id : catalog.listTables(namespace)) {
        names.put(id.name(), id);
        for (MetadataTableType type : MetadataTableType.values()) {
          names.put(type.tableName(id.name()), id);
        }
      }
      for (TableIdentifier id : catalog.listViews(namespace)) {
        names.putIfAbsent(id.name(), id);
        views.add(id.name());
      }
    }
    return new LazyTables(names, views);
  }

  /** Tables and views by name, each built from the catalog's on first access. */
  private final class LazyTables extends AbstractMap<String, Table> {
    private final Map<String, TableIdentifier> names;
    private final Set<String> views;

    LazyTables(Map<String, TableIdentifier> names, Set<String> views) {
      this.names = names;
      this.views = views;
    }

    @Override
    public boolean containsKey(Object name) {
      return names.containsKey(name);
    }

    @Override
    public Table get(Object name) {
      TableIdentifier id = names.get(name);
      if (id == null) {
        return null;
      }
      return views.contains(name) ? view(id) : built((String) name, id);
    }

    @Override
    public Set<String> keySet() {
      return Collections.unmodifiableSet(names.keySet());
    }

    @Override
    public Set<Entry<String, Table>> entrySet() {
      Map<String, Table> all = new LinkedHashMap<>();
      for (String name : names.keySet()) {
        all.put(name, get(name));
      }
      return all.entrySet();
    }
  }

  @Override
  protected Map<String, Schema> getSubSchemaMap() {
    if (subSchemas == null) {
      subSchemas = new LinkedHashMap<>();
      for (Namespace child : catalog.listNamespaces(namespace)) {
        subSchemas.put(child.lastLevel(), new FloeSchema(catalog, child));
      }
    }
    return subSchemas;
  }

  @Override
  public boolean isMutable() {
    return false;
  }
}
