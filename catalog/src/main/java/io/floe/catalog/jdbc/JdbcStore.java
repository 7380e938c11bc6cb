package io.floe.catalog.jdbc;

import io.floe.catalog.CatalogException;
import io.floe.catalog.Names;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC catalog's rows: reads and writes {@code iceberg_tables} and {@code iceberg_namespace_properties} for one
 * {@code catalog_name}, with prepared statements only. Creates the two tables on first use if they are missing.
 * Namespaces and names here are the stored forms ({@link JdbcNames}).
 */
final class JdbcStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

  /** A pointer move: {@code table} from {@code expected} to {@code updated}. */
  record Swap(String namespace, String table, String expected, String updated) {
  }

  /** Thrown inside a database transaction to roll it back when a swap found another pointer. */
  private static final class LostSwap extends RuntimeException {
    private final int index;

    LostSwap(int index) {
      super(null, null, false, false);
      this.index = index;
    }
  }

  private final String catalogName;
  private final ConnectionPool pool;
  private final CatalogSql sql;

  JdbcStore(String catalogName, ConnectionPool pool) {
    this.catalogName = catalogName;
    this.pool = pool;
    this.sql = new CatalogSql(initialize());
  }

  String catalogName() {
    return catalogName;
  }

  // ---- schema ----

  /** Creates the catalog tables if missing; returns whether {@code iceberg_tables} has the type column. */
  private boolean initialize() {
    try {
      if (!pool.run(c -> hasTable(c, CatalogSql.TABLES))) {
        createIfMissing(CatalogSql.TABLES, CatalogSql.CREATE_TABLES, CatalogSql.ADD_TYPE_COLUMN);
      }
      if (!pool.run(c -> hasTable(c, CatalogSql.NAMESPACE_PROPERTIES))) {
        createIfMissing(CatalogSql.NAMESPACE_PROPERTIES, CatalogSql.CREATE_NAMESPACE_PROPERTIES);
      }
      return pool.run(JdbcStore::hasTypeColumn);
    } catch (SQLException e) {
      throw failure("set up the catalog tables", e);
    }
  }

  private void createIfMissing(String table, String... ddl) throws SQLException {
    try {
      pool.inTransaction(c -> {
        for (String statement : ddl) {
          update(c, statement);
        }
        return null;
      });
      LOG.info("created table {} in {}", table, pool.displayUri());
    } catch (SQLException e) {
      if (!pool.run(c -> hasTable(c, table))) {
        throw e;
      }
      LOG.debug("table {} was created concurrently: {}", table, e.toString());
    }
  }

  private static boolean hasTable(Connection c, String table) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
      try (ResultSet rs = md.getTables(null, null, name, null)) {
        while (rs.next()) {
          if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean hasTypeColumn(Connection c) throws SQLException {
    try (ResultSet rs = c.getMetaData().getColumns(null, null, CatalogSql.TABLES, null)) {
      while (rs.next()) {
        if (rs.getString("COLUMN_NAME").equalsIgnoreCase(CatalogSql.TYPE_COLUMN)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- tables ----

  /** The table's metadata location, or null when there is no such table. */
  String metadataLocation(String namespace, String table) {
    return metadataLocation(CatalogSql.Kind.TABLE, namespace, table);
  }

  /** The metadata location of the table or view, or null when there is none of that kind by that name. */
  String metadataLocation(CatalogSql.Kind kind, String namespace, String name) {
    return query("load " + kind.name().toLowerCase(Locale.ROOT) + " " + Names.describe(name), sql.get(kind),
        rs -> rs.getString(1), catalogName, namespace, name).stream().findFirst().orElse(null);
  }

  /** Whether rows say whether they are tables or views (Iceberg's V1 schema). */
  boolean typed() {
    return sql.typed();
  }

  /** Refuses views where the catalog's table cannot say what a row is (Iceberg's V0 schema). */
  void requireViews() {
    if (!sql.typed()) {
      throw new UnsupportedOperationException("not supported: views in JDBC catalog " + catalogName + " at "
          + pool.displayUri() + ": its iceberg_tables has no iceberg_type column (Iceberg's V0 schema; "
          + "Iceberg's JdbcCatalog adds it with jdbc.schema-version=V1)");
    }
  }

  /** Whether a table or a view has this name. */
  boolean entryExists(String namespace, String table) {
    return !query("look up table " + Names.describe(table), sql.getEntry(), rs -> 1, catalogName, namespace, table).isEmpty();
  }

  List<String> tableNames(String namespace) {
    return names(CatalogSql.Kind.TABLE, namespace);
  }

  /** The names of the tables or views of a namespace, sorted. */
  List<String> names(CatalogSql.Kind kind, String namespace) {
    List<String> names = query("list " + kind.name().toLowerCase(Locale.ROOT) + "s", sql.list(kind),
        rs -> rs.getString(1), catalogName, namespace);
    names.sort(null);
    return names;
  }

  /** Inserts a table's row; false when the name is taken (a unique-key violation). */
  boolean insertTable(String namespace, String table, String metadataLocation) throws SQLException {
    return insert(CatalogSql.Kind.TABLE, namespace, table, metadataLocation);
  }

  /** Inserts a table's or view's row; false when the name is taken (a unique-key violation). */
  boolean insert(CatalogSql.Kind kind, String namespace, String name, String metadataLocation) throws SQLException {
    try {
      return pool.run(c -> update(c, sql.insert(kind), catalogName, namespace, name, metadataLocation)) == 1;
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /** The compare-and-swap of one pointer; false when it no longer was {@code expected}. */
  boolean swap(Swap swap) throws SQLException {
    return pool.run(c -> update(c, swap)) == 1;
  }

  /**
   * The swaps in one database transaction: all of them, or (when one found another pointer, or anything failed)
   * none. Returns -1 on success, else the index of the swap that found another pointer. A failed COMMIT is thrown as
   * {@link CommitOutcomeUnknownException}.
   */
  int swapAll(List<Swap> swaps) throws SQLException {
    try {
      return pool.inTransaction(c -> {
        for (int i = 0; i < swaps.size(); i++) {
          if (update(c, swaps.get(i)) != 1) {
            throw new LostSwap(i);
          }
        }
        return -1;
      });
    } catch (LostSwap lost) {
      return lost.index;
    }
  }

  private int update(Connection c, Swap s) throws SQLException {
    return update(c, CatalogSql.Kind.TABLE, s);
  }

  private int update(Connection c, CatalogSql.Kind kind, Swap s) throws SQLException {
    return update(c, sql.swapPointer(kind), s.updated(), s.expected(), catalogName, s.namespace(), s.table(),
        s.expected());
  }

  /** The compare-and-swap of a view's pointer; false when it no longer was {@code expected}. */
  boolean swapView(Swap swap) throws SQLException {
    return pool.run(c -> update(c, CatalogSql.Kind.VIEW, swap)) == 1;
  }

  /** Renames; 0 when there was no such table, -1 when the new name is taken. */
  int rename(String namespace, String table, String newNamespace, String newTable) {
    try {
      return pool.run(c -> update(c, sql.renameTable(), newNamespace, newTable, catalogName, namespace, table));
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        return -1;
      }
      throw failure("rename table " + Names.describe(table), e);
    }
  }

  /** Deletes the table's row if it still points at {@code metadataLocation}. */
  boolean deleteTable(String namespace, String table, String metadataLocation) {
    return delete(CatalogSql.Kind.TABLE, namespace, table, metadataLocation);
  }

  /** Deletes the table's or view's row if it still points at {@code metadataLocation}. */
  boolean delete(CatalogSql.Kind kind, String namespace, String name, String metadataLocation) {
    try {
      return pool.run(c -> update(c, sql.drop(kind), catalogName, namespace, name, metadataLocation)) == 1;
    } catch (SQLException e) {
      throw failure("drop " + kind.name().toLowerCase(Locale.ROOT) + " " + Names.describe(name), e);
    }
  }

  /** (namespace, name) of the tables and views in a namespace or below it. */
  List<String[]> entriesInOrBelow(String namespace) {
    return query("list tables", sql.entriesInOrBelow(), rs -> new String[] {rs.getString(1), rs.getString(2)},
        catalogName, namespace, JdbcNames.descendantsPattern(namespace));
  }

  // ---- namespaces ----

  /** Every namespace with properties or tables. */
  TreeSet<String> allNamespaces() {
    return new TreeSet<>(query("list namespaces", CatalogSql.ALL_NAMESPACES, rs -> rs.getString(1), catalogName, catalogName));
  }

  /** Whether the namespace has properties or tables, itself or below it (Iceberg's JdbcCatalog's rule). */
  boolean namespaceExists(String namespace) {
    try {
      return pool.run(c -> namespaceExists(c, namespace));
    } catch (SQLException e) {
      throw failure("look up namespace " + Names.describe(namespace), e);
    }
  }

  private boolean namespaceExists(Connection c, String namespace) throws SQLException {
    String pattern = JdbcNames.descendantsPattern(namespace);
    return !query(c, CatalogSql.NAMESPACE_WITH_PROPERTIES, rs -> 1, catalogName, namespace, pattern).isEmpty()
        || !query(c, CatalogSql.NAMESPACE_WITH_ENTRIES, rs -> 1, catalogName, namespace, pattern).isEmpty();
  }

  /** The stored properties (including Iceberg's {@code exists} marker). */
  Map<String, String> properties(String namespace) {
    Map<String, String> props = new TreeMap<>();
    for (String[] kv : query("load properties of namespace " + Names.describe(namespace),
        CatalogSql.GET_NAMESPACE_PROPERTIES, rs -> new String[] {rs.getString(1), rs.getString(2)}, catalogName,
        namespace)) {
      props.put(kv[0], kv[1]);
    }
    return props;
  }

  /**
   * Creates a namespace with its properties and Iceberg's {@code exists=true} marker row (which also makes a
   * concurrent creation of the same namespace fail on the primary key); false when it exists.
   */
  boolean createNamespace(String namespace, Map<String, String> properties) {
    Map<String, String> rows = new TreeMap<>(properties);
    rows.put(JdbcNames.EXISTS_PROPERTY, "true");
    try {
      return pool.inTransaction(c -> {
        if (namespaceExists(c, namespace)) {
          return false;
        }
        for (Map.Entry<String, String> e : rows.entrySet()) {
          update(c, CatalogSql.INSERT_PROPERTY, catalogName, namespace, e.getKey(), e.getValue());
        }
        return true;
      });
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        return false;
      }
      throw failure("create namespace " + Names.describe(namespace), e);
    }
  }

  /** Adds or replaces properties, in one transaction (retried when a concurrent writer inserted the same key). */
  void setProperties(String namespace, Map<String, String> properties) {
    for (int attempt = 1; ; attempt++) {
      try {
        pool.inTransaction(c -> {
          for (Map.Entry<String, String> e : properties.entrySet()) {
            if (update(c, CatalogSql.UPDATE_PROPERTY, e.getValue(), catalogName, namespace, e.getKey()) == 0) {
              update(c, CatalogSql.INSERT_PROPERTY, catalogName, namespace, e.getKey(), e.getValue());
            }
          }
          return null;
        });
        return;
      } catch (SQLException e) {
        if (!isUniqueViolation(e) || attempt >= 5) {
          throw failure("set properties of namespace " + Names.describe(namespace), e);
        }
      }
    }
  }

  void removeProperties(String namespace, Iterable<String> keys) {
    try {
      pool.inTransaction(c -> {
        for (String key : keys) {
          update(c, CatalogSql.DELETE_PROPERTY, catalogName, namespace, key);
        }
        return null;
      });
    } catch (SQLException e) {
      throw failure("remove properties of namespace " + Names.describe(namespace), e);
    }
  }

  void deleteNamespace(String namespace) {
    try {
      pool.run(c -> update(c, CatalogSql.DELETE_NAMESPACE, catalogName, namespace));
    } catch (SQLException e) {
      throw failure("drop namespace " + Names.describe(namespace), e);
    }
  }

  // ---- plumbing ----

  /** A row mapper. */
  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Runs a query on a pooled connection. */
  private <T> List<T> query(String what, String statement, Row<T> row, String... params) {
    try {
      return pool.run(c -> query(c, statement, row, params));
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static <T> List<T> query(Connection c, String statement, Row<T> row, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(statement)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      List<T> result = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(row.map(rs));
        }
      }
      return result;
    }
  }

  private static int update(Connection c, String statement, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(statement)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }

  /** A unique-key violation: SQLState 23505 (PostgreSQL), or SQLite's constraint error. */
  static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if ("23505".equals(state) || s.getErrorCode() == 19 || s instanceof SQLIntegrityConstraintViolationException) {
          return true;
        }
      }
    }
    return false;
  }

  CatalogException failure(String what, SQLException e) {
    return new CatalogException("catalog " + catalogName + " (" + pool.displayUri() + "): cannot " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return pool.displayUri();
  }
}
