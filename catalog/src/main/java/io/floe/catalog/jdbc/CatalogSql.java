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

  private final boolean typed;

  /** {@code typed}: whether {@code iceberg_tables} has the {@code iceberg_type} column. */
  CatalogSql(boolean typed) {
    this.typed = typed;
  }

  private String tablesOnly() {
    return typed ? " AND (iceberg_type = 'TABLE' OR iceberg_type IS NULL)" : "";
  }

  String getTable() {
    return "SELECT metadata_location FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ? AND table_name = ?"
        + tablesOnly();
  }

  /** Any row by that name: a table or (in the V1 schema) a view. */
  String getEntry() {
    return "SELECT metadata_location FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ? AND table_name = ?";
  }

  String listTables() {
    return "SELECT table_name FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ?" + tablesOnly();
  }

  /** Parameters: catalog, namespace, name, metadata location. */
  String insertTable() {
    return typed
        ? "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location,"
            + " previous_metadata_location, iceberg_type) VALUES (?, ?, ?, ?, NULL, 'TABLE')"
        : "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location,"
            + " previous_metadata_location) VALUES (?, ?, ?, ?, NULL)";
  }

  /** The compare-and-swap. Parameters: new location, previous location, catalog, namespace, name, expected location. */
  String swapPointer() {
    return "UPDATE iceberg_tables SET metadata_location = ?, previous_metadata_location = ?"
        + " WHERE catalog_name = ? AND table_namespace = ? AND table_name = ? AND metadata_location = ?" + tablesOnly();
  }

  /** Parameters: new namespace, new name, catalog, namespace, name. */
  String renameTable() {
    return "UPDATE iceberg_tables SET table_namespace = ?, table_name = ?"
        + " WHERE catalog_name = ? AND table_namespace = ? AND table_name = ?" + tablesOnly();
  }

  /** Drops the row only if it still points at the metadata the caller read. Parameters: catalog, namespace, name, location. */
  String dropTable() {
    return "DELETE FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ? AND table_name = ?"
        + " AND metadata_location = ?" + tablesOnly();
  }

  /** Tables (and views) in a namespace or below it. Parameters: catalog, namespace, LIKE pattern of descendants. */
  String entriesInOrBelow() {
    return "SELECT table_namespace, table_name FROM iceberg_tables WHERE catalog_name = ?"
        + " AND (table_namespace = ? OR table_namespace LIKE ? ESCAPE '!')";
  }
}
