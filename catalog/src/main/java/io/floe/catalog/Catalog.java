package io.floe.catalog;

import io.floe.commit.TableOperations;
import io.floe.partition.PartitionSpec;
import io.floe.table.AlreadyExistsException;
import io.floe.table.NoSuchTableException;
import io.floe.table.Table;
import io.floe.types.Schema;
import io.floe.view.ViewDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds tables and views by name: maps {@code namespace.table} to the table's current metadata and arbitrates atomic
 * commits to it. Tables come back as {@link Table}s whose commits go through the catalog's
 * {@link TableOperations} ({@link #newTableOps}). Implementations are thread-safe.
 *
 * <p>Errors: {@link NoSuchNamespaceException}, {@link NamespaceNotEmptyException}, {@link NoSuchTableException},
 * {@link AlreadyExistsException} (tables and namespaces), {@link IllegalArgumentException} for a name the catalog
 * cannot hold (the message names it), {@link UnsupportedOperationException} for what a catalog does not support.
 */
public interface Catalog extends AutoCloseable {
  /** The catalog's name (the {@code catalog_name} of a JDBC catalog). */
  String name();

  // ---- namespaces ----

  /** Creates a namespace; its parent must exist (the root always does). */
  void createNamespace(Namespace namespace, Map<String, String> properties);

  default void createNamespace(Namespace namespace) {
    createNamespace(namespace, Map.of());
  }

  /** The namespaces directly below {@code parent}, sorted. */
  List<Namespace> listNamespaces(Namespace parent);

  default List<Namespace> listNamespaces() {
    return listNamespaces(Namespace.empty());
  }

  boolean namespaceExists(Namespace namespace);

  Map<String, String> loadNamespaceProperties(Namespace namespace);

  /** Sets (adds or replaces) properties of a namespace. */
  void setNamespaceProperties(Namespace namespace, Map<String, String> properties);

  /** Removes properties of a namespace; missing keys are ignored. */
  void removeNamespaceProperties(Namespace namespace, Set<String> keys);

  /** Drops an empty namespace; fails with {@link NamespaceNotEmptyException} if it holds tables or namespaces. */
  void dropNamespace(Namespace namespace);

  // ---- tables ----

  /** Creates a table in an existing namespace. */
  Table createTable(TableIdentifier id, Schema schema, PartitionSpec spec, Map<String, String> properties);

  default Table createTable(TableIdentifier id, Schema schema, PartitionSpec spec) {
    return createTable(id, schema, spec, Map.of());
  }

  default Table createTable(TableIdentifier id, Schema schema) {
    return createTable(id, schema, PartitionSpec.unpartitioned(schema), Map.of());
  }

  /** Loads a table; {@link NoSuchTableException} when there is none by that name. */
  default Table loadTable(TableIdentifier id) {
    TableOperations ops = newTableOps(id);
    if (ops.refresh() == null) {
      throw new NoSuchTableException("table " + id + " does not exist in catalog " + name());
    }
    return new Table(ops);
  }

  boolean tableExists(TableIdentifier id);

  /** The tables of a namespace, sorted by name. */
  List<TableIdentifier> listTables(Namespace namespace);

  /** Renames a table (into any existing namespace). */
  void renameTable(TableIdentifier from, TableIdentifier to);

  /**
   * Drops a table from the catalog; with {@code purge} also deletes its data, manifest and metadata files. False
   * when there was no such table.
   */
  boolean dropTable(TableIdentifier id, boolean purge);

  /** Adds an existing Iceberg table to the catalog by its metadata file (nothing is copied or rewritten). */
  Table registerTable(TableIdentifier id, String metadataFileLocation);

  /**
   * The commit SPI of a table (existing or not yet created): what {@code new Table(ops)} and every table operation
   * commit through. Validates the name.
   */
  TableOperations newTableOps(TableIdentifier id);

  // ---- views ----

  /**
   * Creates a view in an existing namespace (Iceberg view metadata), or with {@code replace} makes
   * {@code definition} the current version of the view of that name (CREATE OR REPLACE VIEW). Fails with
   * {@link AlreadyExistsException} when a table has the name, or a view does and {@code replace} is false.
   */
  View createView(TableIdentifier id, ViewDefinition definition, boolean replace);

  /** The view by that name, or empty when there is none (a table of that name is not a view). */
  Optional<View> loadView(TableIdentifier id);

  /** The views of a namespace, sorted by name. */
  List<TableIdentifier> listViews(Namespace namespace);

  /** Drops a view; false when there was no such view. */
  boolean dropView(TableIdentifier id);

  // ---- multi-table transactions ----

  /** Whether {@link #newTransaction()} is supported: atomic commits spanning several tables. */
  boolean supportsMultiTableTransactions();

  /**
   * A transaction whose table commits are staged and then made visible all at once, or not at all.
   * Catalogs that cannot do this throw {@link UnsupportedOperationException}.
   */
  CatalogTransaction newTransaction();

  @Override
  void close();
}
