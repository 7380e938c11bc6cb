package io.floe.catalog.jdbc;

import io.floe.catalog.Catalog;
import io.floe.catalog.CatalogTransaction;
import io.floe.catalog.NameRules;
import io.floe.catalog.Names;
import io.floe.catalog.NamespaceNotEmptyException;
import io.floe.catalog.Namespace;
import io.floe.catalog.NoSuchNamespaceException;
import io.floe.catalog.TableFiles;
import io.floe.catalog.TableIdentifier;
import io.floe.catalog.View;
import io.floe.catalog.ViewCommits;
import io.floe.catalog.WarehouseLocations;
import io.floe.commit.CommitFailedException;
import io.floe.commit.CommitStateUnknownException;
import io.floe.commit.TableOperations;
import io.floe.io.FileIO;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.TableMetadata;
import io.floe.metadata.TableMetadataParser;
import io.floe.partition.PartitionSpec;
import io.floe.table.AlreadyExistsException;
import io.floe.table.NoSuchTableException;
import io.floe.table.Table;
import io.floe.types.Schema;
import io.floe.view.ViewDefinition;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A catalog whose table pointers live in a relational database: SQLite (a local file: the embedded form) or
 * PostgreSQL (shared by a team). The rows use Apache Iceberg's JdbcCatalog layout ({@link CatalogSql}), so Iceberg's
 * JdbcCatalog with the same catalog name reads and writes the same tables.
 *
 * <ul>
 *   <li>Commits swap the pointer with a compare-and-swap UPDATE after writing the new metadata file under a unique
 *   name ({@link JdbcTableOperations}); exactly one of racing writers wins.</li>
 *   <li>Multi-table transactions: {@link #newTransaction()} stages commits of several tables and swaps all
 *   pointers in one database transaction ({@link JdbcCatalogTransaction}).</li>
 *   <li>New tables live in {@code <warehouse>/<namespace levels>/<table>}; a name that is not a plain directory
 *   name gets a sanitized directory name with a hash, and the names themselves are stored verbatim
 *   ({@link JdbcNames} has the limits).</li>
 *   <li>Renames move only the row (the files stay where they are, as in Iceberg).</li>
 * </ul>
 */
public final class JdbcCatalog implements Catalog {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcCatalog.class);
  /** Connections open at once when none is configured. */
  public static final int DEFAULT_POOL_SIZE = 4;
  private static final int DROP_ATTEMPTS = 100;

  private final String name;
  private final String warehouse;
  private final FileIO io;
  private final JdbcStore store;
  private final JdbcViews views;

  /**
   * Connects to the database at {@code uri} ({@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://...}) and creates
   * the catalog tables if missing. {@code connectionProperties} go to the driver ({@code user}, {@code password},
   * ...). The catalog closes {@code io} when it is closed.
   */
  public JdbcCatalog(String name, String uri, Properties connectionProperties, String warehouse, FileIO io, int poolSize) {
    NameRules.checkCommon(name, "catalog name");
    JdbcNames.checkLength(name, JdbcNames.MAX_NAME, "catalog name");
    this.name = name;
    this.warehouse = WarehouseLocations.normalize(warehouse);
    this.io = io;
    this.store = new JdbcStore(name, new ConnectionPool(uri, connectionProperties, poolSize));
    this.views = new JdbcViews(store, io, this::defaultLocation);
  }

  public JdbcCatalog(String name, String uri, Properties connectionProperties, String warehouse, FileIO io) {
    this(name, uri, connectionProperties, warehouse, io, DEFAULT_POOL_SIZE);
  }

  @Override
  public String name() {
    return name;
  }

  public String warehouse() {
    return warehouse;
  }

  public FileIO io() {
    return io;
  }

  // ---- namespaces ----

  @Override
  public void createNamespace(Namespace namespace, Map<String, String> properties) {
    requireNotRoot(namespace, "create");
    String key = JdbcNames.namespaceKey(namespace);
    JdbcNames.checkProperties(properties, "namespace " + namespace);
    if (namespace.length() > 1 && !namespaceExists(namespace.parent())) {
      throw new NoSuchNamespaceException("cannot create namespace " + namespace + ": its parent namespace "
          + namespace.parent() + " does not exist in catalog " + name);
    }
    if (!store.createNamespace(key, properties)) {
      throw new AlreadyExistsException("namespace " + namespace + " already exists in catalog " + name, null);
    }
  }

  @Override
  public List<Namespace> listNamespaces(Namespace parent) {
    requireNamespace(parent);
    TreeSet<String> children = new TreeSet<>();
    for (String key : store.allNamespaces()) {
      Namespace ns = JdbcNames.namespaceOf(key);
      if (ns.length() > parent.length() && parent.contains(ns)) {
        children.add(String.join(".", ns.levels().subList(0, parent.length() + 1)));
      }
    }
    List<Namespace> result = new ArrayList<>();
    for (String child : children) {
      result.add(JdbcNames.namespaceOf(child));
    }
    return result;
  }

  @Override
  public boolean namespaceExists(Namespace namespace) {
    return namespace.isEmpty() || store.namespaceExists(JdbcNames.namespaceKey(namespace));
  }

  @Override
  public Map<String, String> loadNamespaceProperties(Namespace namespace) {
    requireNamespace(namespace);
    if (namespace.isEmpty()) {
      return Map.of();
    }
    Map<String, String> props = new TreeMap<>(store.properties(JdbcNames.namespaceKey(namespace)));
    props.remove(JdbcNames.EXISTS_PROPERTY);
    return props;
  }

  @Override
  public void setNamespaceProperties(Namespace namespace, Map<String, String> properties) {
    requireNotRoot(namespace, "set properties of");
    JdbcNames.checkProperties(properties, "namespace " + namespace);
    requireNamespace(namespace);
    store.setProperties(JdbcNames.namespaceKey(namespace), properties);
  }

  @Override
  public void removeNamespaceProperties(Namespace namespace, Set<String> keys) {
    requireNotRoot(namespace, "remove properties of");
    if (keys.contains(JdbcNames.EXISTS_PROPERTY)) {
      throw new IllegalArgumentException("property '" + JdbcNames.EXISTS_PROPERTY + "' of namespace " + namespace
          + " is reserved (Iceberg's JdbcCatalog marks namespaces with it)");
    }
    requireNamespace(namespace);
    store.removeProperties(JdbcNames.namespaceKey(namespace), keys);
  }

  @Override
  public void dropNamespace(Namespace namespace) {
    requireNotRoot(namespace, "drop");
    String key = JdbcNames.namespaceKey(namespace);
    requireNamespace(namespace);
    List<String> tables = new ArrayList<>();
    for (String[] entry : store.entriesInOrBelow(key)) {
      tables.add(Names.describe(JdbcNames.namespaceOf(entry[0])) + "." + Names.describe(entry[1]));
    }
    List<Namespace> children = listNamespaces(namespace);
    if (!tables.isEmpty() || !children.isEmpty()) {
      throw new NamespaceNotEmptyException("cannot drop namespace " + namespace + " of catalog " + name + ": it holds "
          + tables.size() + " table(s) " + tables + " and " + children.size() + " namespace(s) " + children);
    }
    store.deleteNamespace(key);
  }

  // ---- tables ----

  @Override
  public Table createTable(TableIdentifier id, Schema schema, PartitionSpec spec, Map<String, String> properties) {
    String table = JdbcNames.tableName(id);
    NameRules.checkProperties(properties, "table " + id);
    requireNamespace(id.namespace());
    if (store.entryExists(JdbcNames.namespaceKey(id.namespace()), table)) {
      throw loadView(id).isPresent() ? new AlreadyExistsException("cannot create table " + id + " in catalog " + name
          + ": a view of that name exists", null) : alreadyExists(id);
    }
    JdbcTableOperations ops = new JdbcTableOperations(store, io, id);
    try {
      ops.commit(null, MetadataChanges.newTable(defaultLocation(id), schema, spec, properties));
    } catch (CommitFailedException e) {
      throw new AlreadyExistsException("table " + id + " was created concurrently in catalog " + name, e);
    }
    return new Table(ops);
  }

  /** Where a new table's files go. */
  String defaultLocation(TableIdentifier id) {
    StringBuilder sb = new StringBuilder(warehouse);
    for (String level : id.namespace().levels()) {
      sb.append('/').append(JdbcNames.locationSegment(level));
    }
    return sb.append('/').append(JdbcNames.locationSegment(id.name())).toString();
  }

  @Override
  public boolean tableExists(TableIdentifier id) {
    return store.metadataLocation(JdbcNames.namespaceKey(id.namespace()), JdbcNames.tableName(id)) != null;
  }

  @Override
  public List<TableIdentifier> listTables(Namespace namespace) {
    String key = JdbcNames.namespaceKey(namespace);
    requireNamespace(namespace);
    List<TableIdentifier> ids = new ArrayList<>();
    for (String table : store.tableNames(key)) {
      ids.add(TableIdentifier.of(namespace, table));
    }
    return ids;
  }

  @Override
  public void renameTable(TableIdentifier from, TableIdentifier to) {
    String fromTable = JdbcNames.tableName(from);
    String toTable = JdbcNames.tableName(to);
    requireNamespace(to.namespace());
    int renamed = store.rename(JdbcNames.namespaceKey(from.namespace()), fromTable,
        JdbcNames.namespaceKey(to.namespace()), toTable);
    if (renamed == 0) {
      throw new NoSuchTableException("cannot rename table " + from + " of catalog " + name + ": it does not exist");
    }
    if (renamed < 0) {
      throw new AlreadyExistsException("cannot rename table " + from + " to " + to + " in catalog " + name
          + ": a table or view of that name exists", null);
    }
  }

  @Override
  public boolean dropTable(TableIdentifier id, boolean purge) {
    String namespace = JdbcNames.namespaceKey(id.namespace());
    String table = JdbcNames.tableName(id);
    for (int attempt = 0; attempt < DROP_ATTEMPTS; attempt++) {
      String location = store.metadataLocation(namespace, table);
      if (location == null) {
        return false;
      }
      TableMetadata metadata = purge ? TableMetadataParser.read(io, location) : null;
      if (store.deleteTable(namespace, table, location)) {
        if (purge) {
          TableFiles.purge(io, metadata);
        }
        LOG.info("dropped table {} of catalog {}{}", id, name, purge ? " and purged its files" : "");
        return true;
      }
    }
    throw new CommitFailedException("could not drop table " + id + " of catalog " + name + ": it changed on each of "
        + DROP_ATTEMPTS + " attempts");
  }

  @Override
  public Table registerTable(TableIdentifier id, String metadataFileLocation) {
    String table = JdbcNames.tableName(id);
    JdbcNames.checkLength(metadataFileLocation, JdbcNames.MAX_LOCATION, "metadata location for table " + id);
    requireNamespace(id.namespace());
    TableMetadataParser.read(io, metadataFileLocation);
    boolean inserted;
    try {
      inserted = store.insertTable(JdbcNames.namespaceKey(id.namespace()), table, metadataFileLocation);
    } catch (SQLException e) {
      throw new CommitStateUnknownException("cannot tell whether table " + id + " was registered in catalog " + name
          + ": " + e.getMessage(), e);
    }
    if (!inserted) {
      throw alreadyExists(id);
    }
    return new Table(new JdbcTableOperations(store, io, id));
  }

  // ---- views ----

  @Override
  public View createView(TableIdentifier id, ViewDefinition definition, boolean replace) {
    store.requireViews();
    JdbcNames.tableName(id); // refuses a name the catalog's table cannot hold
    NameRules.checkProperties(definition.properties(), "view " + id);
    requireNamespace(id.namespace());
    return ViewCommits.createOrReplace(this, views, id, definition, replace);
  }

  @Override
  public Optional<View> loadView(TableIdentifier id) {
    return store.typed() ? views.load(id) : Optional.empty();
  }

  @Override
  public List<TableIdentifier> listViews(Namespace namespace) {
    requireNamespace(namespace);
    List<TableIdentifier> ids = new ArrayList<>();
    if (store.typed()) {
      for (String view : store.names(CatalogSql.Kind.VIEW, JdbcNames.namespaceKey(namespace))) {
        ids.add(TableIdentifier.of(namespace, view));
      }
    }
    return ids;
  }

  @Override
  public boolean dropView(TableIdentifier id) {
    if (!store.typed()) {
      return false;
    }
    String namespace = JdbcNames.namespaceKey(id.namespace());
    String view = JdbcNames.tableName(id);
    for (int attempt = 0; attempt < DROP_ATTEMPTS; attempt++) {
      String location = views.metadataLocation(id);
      if (location == null) {
        return false;
      }
      if (store.delete(CatalogSql.Kind.VIEW, namespace, view, location)) {
        LOG.info("dropped view {} of catalog {}", id, name);
        return true;
      }
    }
    throw new CommitFailedException("could not drop view " + id + " of catalog " + name + ": it changed on each of "
        + DROP_ATTEMPTS + " attempts");
  }

  @Override
  public TableOperations newTableOps(TableIdentifier id) {
    return new JdbcTableOperations(store, io, id);
  }

  @Override
  public boolean supportsMultiTableTransactions() {
    return true;
  }

  @Override
  public CatalogTransaction newTransaction() {
    return new JdbcCatalogTransaction(this, store, io);
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      io.close();
    }
  }

  @Override
  public String toString() {
    return "JDBC catalog " + name + " at " + store.toString();
  }

  // ---- helpers ----

  private void requireNotRoot(Namespace namespace, String verb) {
    if (namespace.isEmpty()) {
      throw new IllegalArgumentException("cannot " + verb + " the root namespace of catalog " + name);
    }
  }

  private void requireNamespace(Namespace namespace) {
    if (!namespaceExists(namespace)) {
      throw new NoSuchNamespaceException("namespace " + namespace + " does not exist in catalog " + name);
    }
  }

  private AlreadyExistsException alreadyExists(TableIdentifier id) {
    return new AlreadyExistsException("table " + id + " already exists in catalog " + name, null);
  }
}
