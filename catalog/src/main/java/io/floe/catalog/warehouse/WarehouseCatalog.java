package io.floe.catalog.warehouse;

import io.floe.catalog.Catalog;
import io.floe.catalog.CatalogTransaction;
import io.floe.catalog.NamespaceNotEmptyException;
import io.floe.catalog.Namespace;
import io.floe.catalog.NoSuchNamespaceException;
import io.floe.catalog.NameRules;
import io.floe.catalog.TableFiles;
import io.floe.catalog.TableIdentifier;
import io.floe.catalog.View;
import io.floe.catalog.ViewCommits;
import io.floe.commit.CommitFailedException;
import io.floe.commit.FileTableOperations;
import io.floe.commit.TableOperations;
import io.floe.io.FileIO;
import io.floe.io.FileInfo;
import io.floe.io.PositionOutputStream;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.MetadataFiles;
import io.floe.metadata.TableMetadata;
import io.floe.metadata.TableMetadataParser;
import io.floe.partition.PartitionSpec;
import io.floe.table.AlreadyExistsException;
import io.floe.table.Table;
import io.floe.types.Schema;
import io.floe.view.ViewDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default catalog: namespaces and tables are directories of a warehouse (local disk or an object
 * store), laid out as {@code <warehouse>/<ns levels>/<table>/metadata/v<N>.metadata.json} — the layout of Iceberg's
 * Hadoop catalog, which reads these tables. Nothing needs to be installed.
 *
 * <ul>
 *   <li>Commits are the table format's put-if-absent of the next metadata version ({@link FileTableOperations}):
 *   of racing writers exactly one wins, also across processes and machines sharing the warehouse.</li>
 *   <li>Namespace properties live in {@code <ns dir>/.namespace.json}, created exclusively and replaced atomically;
 *   concurrent property updates of one namespace: the last writer wins.</li>
 *   <li>Tables are found by listing the warehouse, so the FileIO must implement {@link io.floe.io.SupportsListing}.</li>
 *   <li>Names are directory names; see {@link WarehouseLayout} for the ones refused. A table and a namespace cannot
 *   share a name in the same namespace.</li>
 *   <li>Not supported: {@link #renameTable} (a directory cannot be moved atomically while writers may commit to it;
 *   use the JDBC catalog) and multi-table transactions.</li>
 *   <li>{@code dropTable} without purge deletes the version files (so the name is free) after saving the current
 *   metadata as {@code metadata/dropped-<uuid>.metadata.json}: {@link #registerTable} with that file brings the
 *   table back. A commit racing a drop can bring the table back with that commit.</li>
 * </ul>
 */
public final class WarehouseCatalog implements Catalog {
  private static final Logger LOG = LoggerFactory.getLogger(WarehouseCatalog.class);

  private final String name;
  private final FileIO io;
  private final WarehouseLayout layout;
  private final WarehouseListing listing;
  private final WarehouseViews views;

  public WarehouseCatalog(String name, String warehouse, FileIO io) {
    this.name = name;
    this.io = io;
    this.layout = new WarehouseLayout(warehouse);
    this.listing = new WarehouseListing(io);
    this.views = new WarehouseViews(name, io, layout, listing);
  }

  @Override
  public String name() {
    return name;
  }

  /** The warehouse location (absolute for local disk). */
  public String warehouse() {
    return layout.root();
  }

  public FileIO io() {
    return io;
  }

  // ---- namespaces ----

  @Override
  public void createNamespace(Namespace namespace, Map<String, String> properties) {
    requireNotRoot(namespace, "create");
    NameRules.checkProperties(properties, "namespace " + namespace);
    String file = layout.namespaceFile(namespace);
    if (namespace.length() > 1 && !namespaceExists(namespace.parent())) {
      throw new NoSuchNamespaceException("cannot create namespace " + namespace + ": its parent namespace "
          + namespace.parent() + " does not exist in catalog " + name);
    }
    String dir = layout.namespaceDir(namespace);
    if (isTableDir(dir) || views.isViewDir(dir)) {
      throw new AlreadyExistsException("cannot create namespace " + namespace + " in catalog " + name
          + ": a table or view of that name exists (it and a namespace cannot share a directory)", null);
    }
    if (!NamespaceFile.create(io, file, properties)) {
      throw new AlreadyExistsException("namespace " + namespace + " already exists in catalog " + name, null);
    }
  }

  @Override
  public List<Namespace> listNamespaces(Namespace parent) {
    requireNamespace(parent);
    String dir = layout.namespaceDir(parent);
    List<Namespace> result = new ArrayList<>();
    for (String child : listing.childDirectories(dir)) {
      if (!child.startsWith(".") && io.newInputFile(dir + "/" + child + "/" + WarehouseLayout.NAMESPACE_FILE).exists()) {
        result.add(parent.child(child));
      }
    }
    return result;
  }

  @Override
  public boolean namespaceExists(Namespace namespace) {
    return namespace.isEmpty() || io.newInputFile(layout.namespaceFile(namespace)).exists();
  }

  @Override
  public Map<String, String> loadNamespaceProperties(Namespace namespace) {
    if (namespace.isEmpty()) {
      return Map.of();
    }
    Map<String, String> props = NamespaceFile.read(io, layout.namespaceFile(namespace));
    if (props == null) {
      throw noSuchNamespace(namespace);
    }
    return props;
  }

  @Override
  public void setNamespaceProperties(Namespace namespace, Map<String, String> properties) {
    requireNotRoot(namespace, "set properties of");
    NameRules.checkProperties(properties, "namespace " + namespace);
    Map<String, String> props = new TreeMap<>(loadNamespaceProperties(namespace));
    props.putAll(properties);
    NamespaceFile.replace(io, layout.namespaceFile(namespace), props);
  }

  @Override
  public void removeNamespaceProperties(Namespace namespace, Set<String> keys) {
    requireNotRoot(namespace, "remove properties of");
    Map<String, String> props = new TreeMap<>(loadNamespaceProperties(namespace));
    if (props.keySet().removeAll(keys)) {
      NamespaceFile.replace(io, layout.namespaceFile(namespace), props);
    }
  }

  @Override
  public void dropNamespace(Namespace namespace) {
    requireNotRoot(namespace, "drop");
    requireNamespace(namespace);
    List<TableIdentifier> tables = new ArrayList<>(listTables(namespace));
    tables.addAll(listViews(namespace));
    List<Namespace> children = listNamespaces(namespace);
    if (!tables.isEmpty() || !children.isEmpty()) {
      throw new NamespaceNotEmptyException("cannot drop namespace " + namespace + " of catalog " + name + ": it holds "
          + tables.size() + " table(s) and view(s) " + tables + " and " + children.size() + " namespace(s) "
          + children);
    }
    io.deleteFile(layout.namespaceFile(namespace));
  }

  // ---- tables ----

  @Override
  public Table createTable(TableIdentifier id, Schema schema, PartitionSpec spec, Map<String, String> properties) {
    String location = layout.tableLocation(id);
    NameRules.checkProperties(properties, "table " + id);
    requireNamespace(id.namespace());
    refuseNamespaceDir(id, location);
    refuseViewDir(id, location);
    FileTableOperations ops = new FileTableOperations(io, location);
    if (ops.refresh() != null) {
      throw alreadyExists(id);
    }
    try {
      ops.commit(null, MetadataChanges.newTable(location, schema, spec, properties));
    } catch (CommitFailedException e) {
      throw new AlreadyExistsException("table " + id + " was created concurrently in catalog " + name, e);
    }
    return new Table(ops);
  }

  @Override
  public boolean tableExists(TableIdentifier id) {
    return newTableOps(id).refresh() != null;
  }

  @Override
  public List<TableIdentifier> listTables(Namespace namespace) {
    requireNamespace(namespace);
    if (namespace.isEmpty()) {
      return List.of();
    }
    String dir = layout.namespaceDir(namespace);
    List<TableIdentifier> tables = new ArrayList<>();
    for (String child : listing.childDirectories(dir)) {
      if (!child.startsWith(".") && isTableDir(dir + "/" + child)) {
        tables.add(TableIdentifier.of(namespace, child));
      }
    }
    tables.sort(Comparator.comparing(TableIdentifier::name));
    return tables;
  }

  /** Refuses: a file catalog cannot move a table atomically. */
  @Override
  public void renameTable(TableIdentifier from, TableIdentifier to) {
    throw new UnsupportedOperationException("not supported: rename in the warehouse catalog (renaming " + from + " to "
        + to + " would move a directory, which is not atomic while writers may commit to it; use a JDBC catalog)");
  }

  @Override
  public boolean dropTable(TableIdentifier id, boolean purge) {
    String location = layout.tableLocation(id);
    FileTableOperations ops = new FileTableOperations(io, location);
    TableMetadata current = ops.refresh();
    if (current == null) {
      return false;
    }
    if (purge) {
      TableFiles.purge(io, current);
      for (FileInfo f : listing.allFiles(location + "/data")) {
        io.deleteFile(f.location());
      }
      for (FileInfo f : listing.allFiles(location + "/metadata")) {
        io.deleteFile(f.location());
      }
      LOG.info("dropped and purged table {} of catalog {}", id, name);
    } else {
      String saved = location + "/metadata/dropped-" + UUID.randomUUID() + ".metadata.json";
      writeNew(saved, TableMetadataParser.toJson(current));
      deleteVersionFiles(location);
      LOG.info("dropped table {} of catalog {}; its files stay under {} ({} registers it again)", id, name, location, saved);
    }
    return true;
  }

  @Override
  public Table registerTable(TableIdentifier id, String metadataFileLocation) {
    String location = layout.tableLocation(id);
    requireNamespace(id.namespace());
    refuseNamespaceDir(id, location);
    refuseViewDir(id, location);
    TableMetadata metadata = TableMetadataParser.read(io, metadataFileLocation);
    FileTableOperations ops = new FileTableOperations(io, location);
    if (ops.refresh() != null) {
      throw alreadyExists(id);
    }
    try {
      ops.commit(null, metadata);
    } catch (CommitFailedException e) {
      throw new AlreadyExistsException("table " + id + " was created concurrently in catalog " + name, e);
    }
    return new Table(ops);
  }

  // ---- views ----

  @Override
  public View createView(TableIdentifier id, ViewDefinition definition, boolean replace) {
    String location = layout.tableLocation(id);
    NameRules.checkProperties(definition.properties(), "view " + id);
    requireNamespace(id.namespace());
    refuseNamespaceDir(id, location);
    return ViewCommits.createOrReplace(this, views, id, definition, replace);
  }

  @Override
  public Optional<View> loadView(TableIdentifier id) {
    return views.load(id);
  }

  @Override
  public List<TableIdentifier> listViews(Namespace namespace) {
    requireNamespace(namespace);
    List<TableIdentifier> found = new ArrayList<>();
    if (!namespace.isEmpty()) {
      String dir = layout.namespaceDir(namespace);
      for (String child : listing.childDirectories(dir)) {
        if (!child.startsWith(".") && views.isViewDir(dir + "/" + child)) {
          found.add(TableIdentifier.of(namespace, child));
        }
      }
    }
    found.sort(Comparator.comparing(TableIdentifier::name));
    return found;
  }

  @Override
  public boolean dropView(TableIdentifier id) {
    boolean dropped = views.drop(id);
    if (dropped) {
      LOG.info("dropped view {} of catalog {}", id, name);
    }
    return dropped;
  }

  @Override
  public TableOperations newTableOps(TableIdentifier id) {
    return new FileTableOperations(io, layout.tableLocation(id));
  }

  @Override
  public boolean supportsMultiTableTransactions() {
    return false;
  }

  @Override
  public CatalogTransaction newTransaction() {
    throw new UnsupportedOperationException("not supported: multi-table transactions in the warehouse catalog "
        + "(each table commits on its own by creating its next metadata file; use a JDBC catalog)");
  }

  @Override
  public void close() {
    io.close();
  }

  @Override
  public String toString() {
    return "warehouse catalog " + name + " at " + layout.root();
  }

  // ---- helpers ----

  private boolean isTableDir(String dir) {
    for (String file : listing.fileNames(dir + "/metadata")) {
      if (MetadataFiles.parseVersion(file) > 0) {
        return true;
      }
    }
    return false;
  }

  private void refuseNamespaceDir(TableIdentifier id, String location) {
    if (io.newInputFile(location + "/" + WarehouseLayout.NAMESPACE_FILE).exists()) {
      throw new AlreadyExistsException("cannot create " + id + " in catalog " + name
          + ": a namespace of that name exists (a table or view and a namespace cannot share a directory)", null);
    }
  }

  private void refuseViewDir(TableIdentifier id, String location) {
    if (views.isViewDir(location)) {
      throw new AlreadyExistsException("cannot create table " + id + " in catalog " + name
          + ": a view of that name exists", null);
    }
  }

  /** Deletes the version files, oldest first, so readers see the current version until the last one goes. */
  private void deleteVersionFiles(String location) {
    String metadataDir = location + "/metadata";
    List<Integer> versions = new ArrayList<>();
    for (String file : listing.fileNames(metadataDir)) {
      int v = MetadataFiles.parseVersion(file);
      if (v > 0) {
        versions.add(v);
      }
    }
    versions.sort(Comparator.naturalOrder());
    io.deleteFile(metadataDir + "/version-hint.text");
    for (int v : versions) {
      io.deleteFile(metadataDir + "/" + MetadataFiles.metadataFileName(v));
    }
  }

  private void writeNew(String location, String content) {
    try (PositionOutputStream out = io.newOutputFile(location).create()) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + location + ": " + e.getMessage(), e);
    }
  }

  private void requireNotRoot(Namespace namespace, String verb) {
    if (namespace.isEmpty()) {
      throw new IllegalArgumentException("cannot " + verb + " the root namespace of catalog " + name);
    }
  }

  private void requireNamespace(Namespace namespace) {
    if (!namespaceExists(namespace)) {
      throw noSuchNamespace(namespace);
    }
  }

  private NoSuchNamespaceException noSuchNamespace(Namespace namespace) {
    return new NoSuchNamespaceException("namespace " + namespace + " does not exist in catalog " + name);
  }

  private AlreadyExistsException alreadyExists(TableIdentifier id) {
    return new AlreadyExistsException("table " + id + " already exists in catalog " + name, null);
  }
}
