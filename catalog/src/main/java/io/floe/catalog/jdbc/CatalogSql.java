package io.floe.catalog.jdbc;

/**
 * The SQL of the JDBC catalog: Apache Iceberg's JdbcCatalog layout ({@code iceberg_tables},
 * {@code iceberg_namespace_properties}, same tables, columns and types), so Iceberg's JdbcCatalog and Floe's share a
 * database. With the {@code iceberg_type} column (Iceberg's "V1" schema, which can also hold views) rows are
 * tables when {@code iceberg_type} is {@code 'TABLE'} or null; without it (the "V0" schema) every row is a table.
 * Every statement takes its values as parameters.
 */
final class CatalogSql {
  static final String TABLES = "iceberg_tables";
  static final String NAMESPACE_PROPERTIES = "iceberg_namespace_properties";
  static final String TYPE_COLUMN = "iceberg_type";

  static final String CREATE_TABLES = "CREATE TABLE iceberg_tables(catalog_name VARCHAR(255) NOT NULL,"
      + "table_namespace VARCHAR(255) NOT NULL,table_name VARCHAR(255) NOT NULL,metadata_location VARCHAR(1000),"
      + "previous_metadata_location VARCHAR(1000),PRIMARY KEY (catalog_name, table_namespace, table_name))";
  static final String ADD_TYPE_COLUMN = "ALTER TABLE iceberg_tables ADD COLUMN iceberg_type VARCHAR(5)";
  static final String CREATE_NAMESPACE_PROPERTIES = "CREATE TABLE iceberg_namespace_properties("
      + "catalog_name VARCHAR(255) NOT NULL,namespace VARCHAR(255) NOT NULL,property_key VARCHAR(255),"
      + "property_value VARCHAR(1000),PRIMARY KEY (catalog_name, namespace, property_key))";

  static final String GET_NAMESPACE_PROPERTIES = "SELECT property_key, property_value FROM iceberg_namespace_properties"
      + " WHERE catalog_name = ? AND namespace = ?";
  static final String NAMESPACE_WITH_PROPERTIES = "SELECT 1 FROM iceberg_namespace_properties"
      + " WHERE catalog_name = ? AND (namespace = ? OR namespace LIKE ? ESCAPE '!')";
  static final String NAMESPACE_WITH_ENTRIES = "SELECT 1 FROM iceberg_tables"
      + " WHERE catalog_name = ? AND (table_namespace = ? OR table_namespace LIKE ? ESCAPE '!')";
  static final String ALL_NAMESPACES = "SELECT DISTINCT namespace FROM iceberg_namespace_properties WHERE catalog_name = ?"
      + " UNION SELECT DISTINCT table_namespace FROM iceberg_tables WHERE catalog_name = ?";
  static final String INSERT_PROPERTY = "INSERT INTO iceberg_namespace_properties"
      + " (catalog_name, namespace, property_key, property_value) VALUES (?, ?, ?, ?)";
  static final String UPDATE_PROPERTY = "UPDATE iceberg_namespace_properties SET property_value = ?"
      + " WHERE catalog_name = ? AND namespace = ? AND property_key = ?";
  static final String DELETE_PROPERTY = "DELETE FROM iceberg_namespace_properties"
      + " WHERE catalog_name = ? AND namespace = ? AND property_key = ?";
  static final String DELETE_NAMESPACE = "DELETE FROM iceberg_namespace_properties WHERE catalog_name = ? AND namespace = ?";

  /** What a row of {@code iceberg_tables} is. */
  enum Kind {
    TABLE, VIEW
  }

  private final boolean typed;

  /** {@code typed}: whether {@code iceberg_tables} has the {@code iceberg_type} column. */
  CatalogSql(boolean typed) {
    this.typed = typed;
  }

  /** Whether rows say what they are (the V1 schema): only then can the catalog hold views. */
  boolean typed() {
    return typed;
  }

  private String only(Kind kind) {
    if (kind == Kind.VIEW) {
      return " AND iceberg_type = 'VIEW'";
    }
    return typed ? " AND (iceberg_type = 'TABLE' OR iceberg_type IS NULL)" : "";
  }

  String get(Kind kind) {
    return "SELECT metadata_location FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ? AND table_name = ?"
        + only(kind);
  }

  /** Any row by that name: a table or (in the V1 schema) a view. */
  String getEntry() {
    return "SELECT metadata_location FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ? AND table_name = ?";
  }

  String list(Kind kind) {
    return "SELECT table_name FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ?" + only(kind);
  }

  /** Parameters: catalog, namespace, name, metadata location. */
  String insert(Kind kind) {
    return typed
        ? "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location,"
            + " previous_metadata_location, iceberg_type) VALUES (?, ?, ?, ?, NULL, '" + kind + "')"
        : "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location,"
            + " previous_metadata_location) VALUES (?, ?, ?, ?, NULL)";
  }

  /** The compare-and-swap. Parameters: new location, previous location, catalog, namespace, name, expected location. */
  String swapPointer(Kind kind) {
    return "UPDATE iceberg_tables SET metadata_location = ?, previous_metadata_location = ?"
        + " WHERE catalog_name = ? AND table_namespace = ? AND table_name = ? AND metadata_location = ?" + only(kind);
  }

  /** Parameters: new namespace, new name, catalog, namespace, name. */
  String renameTable() {
    return "UPDATE iceberg_tables SET table_namespace = ?, table_name = ?"
        + " WHERE catalog_name = ? AND table_namespace = ? AND table_name = ?" + only(Kind.TABLE);
  }

  /** Drops the row only if it still points at the metadata the caller read. Parameters: catalog, namespace, name, location. */
  String drop(Kind kind) {
    return "DELETE FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ? AND table_name = ?"
        + " AND metadata_location = ?" + only(kind);
  }

  /** Tables (and views) in a namespace or below it. Parameters: catalog, namespace, LIKE pattern of descendants. */
  String entriesInOrBelow() {
    return "SELECT table_namespace, table_name FROM iceberg_tables WHERE catalog_name = ?"
        + " AND (table_namespace = ? OR table_namespace LIKE ? ESCAPE '!')";
  }
}
