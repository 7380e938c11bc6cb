package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A warehouse with a Floe catalog namespace {@code db} and an in-memory DuckDB holding the same tables: DML runs
 * on both and the tables' rows are compared.
 */
final class DmlFixture implements AutoCloseable {
  static final Namespace NAMESPACE = Namespace.of("db");

  /** id BIGINT NOT NULL, grp INT, name VARCHAR, price DECIMAL(10,2), dt DATE. */
  static final Schema ITEMS = new Schema(
      NestedField.required(1, "id", Types.LONG),
      NestedField.optional(2, "grp", Types.INT),
      NestedField.optional(3, "name", Types.STRING),
      NestedField.optional(4, "price", Types.decimal(10, 2)),
      NestedField.optional(5, "dt", Types.DATE));
  static final String ITEMS_DUCKDB = "id BIGINT NOT NULL, grp INTEGER, name VARCHAR, price DECIMAL(10,2), dt DATE";

  final Path warehouse;
  final Catalog catalog;
  final FloeSession session;
  final Connection duckdb;

  DmlFixture(Path warehouse) throws SQLException {
    this.warehouse = warehouse;
    this.catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toAbsolutePath().toString()));
    catalog.createNamespace(NAMESPACE);
    this.session = FloeSession.open(catalog, "db").workers(2);
    Properties props = new Properties();
    try {
      props.setProperty("extension_directory",
          Files.createDirectories(Path.of("target", "duckdb-extensions")).toAbsolutePath().toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    this.duckdb = DriverManager.getConnection("jdbc:duckdb:", props);
  }

  /**
   * The rows of an items table: ids 1..n, grp = id % groups (null for every 37th row), names, prices and days
   * derived from the id.
   */
  static List<Record> items(int n, int groups) {
    List<Record> rows = new ArrayList<>();
    for (long id = 1; id <= n; id++) {
      rows.add(GenericRecord.of(ITEMS.asStruct(), id, id % 37 == 0 ? null : (int) (id % groups),
          id % 11 == 0 ? null : "item-" + id, BigDecimal.valueOf(id * 7 % 1000, 2).add(BigDecimal.ONE),
          LocalDate.of(2024, 1, 1).plusDays(id % 400)));
    }
    return rows;
  }

  /**
   * Creates {@code name} of {@link #items(int, int)}{@code (rows, groups)} partitioned by {@code grp}, in Floe (one
   * append per chunk, so {@code chunks} files per partition) and in DuckDB.
   */
  Table createItemsByGroup(String name, int rows, int groups, int chunks) throws SQLException {
    return createItems(name, PartitionSpec.builderFor(ITEMS).identity("grp").build(), items(rows, groups), chunks);
  }

  /**
   * Creates {@code name}, unpartitioned in one file, of the rows with ids {@code from + 1 .. to} of
   * {@link #items(int, int)}{@code (to, groups)}, in Floe and in DuckDB.
   */
  Table createItemRange(String name, int from, int to, int groups) throws SQLException {
    return createItems(name, PartitionSpec.unpartitioned(ITEMS), items(to, groups).subList(from, to), 1);
  }

  /** The current snapshot of {@code table}. */
  io.floe.metadata.Snapshot current(String table) {
    return table(table).currentSnapshot();
  }

  /** Creates {@code name} in Floe (one append per chunk of rows, so several files) and in DuckDB. */
  Table createItems(String name, PartitionSpec spec, List<Record> rows, int chunks) throws SQLException {
    Table table = catalog.createTable(TableIdentifier.of(NAMESPACE, name), ITEMS, spec);
    int size = (rows.size() + chunks - 1) / chunks;
    for (int from = 0; from < rows.size(); from += size) {
      table.newAppend().appendRecords(rows.subList(from, Math.min(rows.size(), from + size))).commit();
    }
    duckdbTable(name, ITEMS_DUCKDB, rows);
    return table;
  }

  /** Creates a DuckDB table and inserts the rows (values converted from the Floe records). */
  void duckdbTable(String name, String columns, List<Record> rows) throws SQLException {
    try (Statement st = duckdb.createStatement()) {
      st.execute("CREATE TABLE " + name + " (" + columns + ")");
    }
    if (rows.isEmpty()) {
      return;
    }
    int width = rows.get(0).size();
    String marks = String.join(", ", java.util.Collections.nCopies(width, "?"));
    try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO " + name + " VALUES (" + marks + ")")) {
      for (Record r : rows) {
        for (int c = 0; c < width; c++) {
          Object v = r.get(c);
          insert.setObject(c + 1, v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Runs a DML statement in Floe and DuckDB; asserts equal row counts and returns Floe's. */
  long both(String sql) throws SQLException {
    long floe = floe(sql);
    long expected;
    try (Statement st = duckdb.createStatement()) {
      expected = st.executeUpdate(sql);
    }
    assertEquals(expected, floe, "row count of " + sql);
    return floe;
  }

  /** Runs a statement in Floe only and returns its update count. */
  long floe(String sql) throws SQLException {
    try (QueryResult result = session.execute(sql)) {
      return result.updateCount();
    }
  }

  /** Asserts that the Floe table and the DuckDB table hold the same rows (in any order). */
  void assertSameRows(String table) throws SQLException {
    List<List<Object>> expected;
    try (Statement st = duckdb.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
      expected = sorted(ResultRows.of(rs));
    }
    List<List<Object>> actual = sorted(rows("SELECT * FROM " + table));
    assertNull(ResultRows.difference(expected, actual), "rows of " + table);
  }

  /** The rows Floe returns for a query. */
  List<List<Object>> rows(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  /** Rows sorted by a normalized text form of their values, so that Floe's and DuckDB's rows line up. */
  static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(DmlFixture::sortKey));
    return copy;
  }

  private static String sortKey(List<Object> row) {
    return row.stream().map(v -> {
      if (v == null) {
        return "~";
      }
      if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
        BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
        String text = d.toPlainString();
        return (d.signum() < 0 ? "-" : "+") + String.format("%040d", d.abs().toBigInteger()) + text;
      }
      return v.toString();
    }).collect(Collectors.joining("|"));
  }

  /** The rows Apache Iceberg's generic reader reads from {@code table} (text as String), in its order. */
  static List<List<Object>> icebergRows(org.apache.iceberg.Table table) throws java.io.IOException {
    List<List<Object>> rows = new ArrayList<>();
    try (org.apache.iceberg.io.CloseableIterable<org.apache.iceberg.data.Record> records =
             org.apache.iceberg.data.IcebergGenerics.read(table).build()) {
      for (org.apache.iceberg.data.Record r : records) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < r.size(); c++) {
          Object v = r.get(c);
          row.add(v instanceof CharSequence text ? text.toString() : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Asserts that Apache Iceberg's generic reader reads the rows Floe reads from {@code table} (of {@link #ITEMS}'
   * columns; Iceberg appends {@code _pos} to the rows of files it applies position deletes to).
   */
  void assertIcebergReadsTheSameItems(String table) throws Exception {
    org.apache.iceberg.Table iceberg = new org.apache.iceberg.hadoop.HadoopTables(
        new org.apache.hadoop.conf.Configuration()).load(table(table).location());
    int width = ITEMS.columns().size();
    List<List<Object>> icebergRows = icebergRows(iceberg).stream().map(r -> r.subList(0, width)).toList();
    assertEquals(sorted(rows("SELECT * FROM " + table)), sorted(icebergRows), "Iceberg reads Floe's rows of " + table);
  }

  /** A count from the summary of {@code table}'s current snapshot (0 when absent). */
  int summaryCount(String table, String key) {
    return Integer.parseInt(table(table).currentSnapshot().summary().getOrDefault(key, "0"));
  }

  Table table(String name) {
    return catalog.loadTable(TableIdentifier.of(NAMESPACE, name));
  }

  @Override
  public void close() throws SQLException {
    try {
      session.close();
      catalog.close();
    } finally {
      duckdb.close();
    }
  }
}
