package io.floe.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDBC transactions end to end: autocommit off maps to the engine's BEGIN/COMMIT/ROLLBACK over a JDBC catalog on
 * SQLite; what one connection staged is checked from a second connection. The warehouse catalog refuses them.
 */
class JdbcTransactionTest {
  @TempDir
  Path dir;
  private Connection writer;
  private Connection reader;

  @BeforeEach
  void createTables() throws SQLException {
    writer = connect();
    reader = connect();
    try (Statement statement = writer.createStatement()) {
      statement.execute("CREATE SCHEMA db");
      statement.execute("CREATE TABLE orders (id BIGINT, qty INT)");
      statement.execute("CREATE TABLE audit (note VARCHAR)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    reader.close();
    writer.close();
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("catalog.type", "jdbc");
    properties.setProperty("uri", "jdbc:sqlite:" + dir.resolve("cat.db"));
    properties.setProperty("warehouse", dir.resolve("wh").toString());
    properties.setProperty("schema", "db");
    return DriverManager.getConnection("jdbc:floe:", properties);
  }

  @Test
  void rollbackLeavesNothingVisible() throws SQLException {
    assertTrue(writer.getMetaData().supportsTransactions());
    writer.setAutoCommit(false);
    try (Statement statement = writer.createStatement()) {
      assertEquals(2, statement.executeUpdate("INSERT INTO orders VALUES (1, 10), (2, 20)"));
      assertEquals(1, statement.executeUpdate("INSERT INTO audit VALUES ('two orders')"));
    }
    assertEquals(List.of(), rows(reader, "SELECT id FROM orders"), "staged rows are invisible before commit");
    writer.rollback();
    assertEquals(List.of(), rows(reader, "SELECT id FROM orders"));
    assertEquals(List.of(), rows(reader, "SELECT note FROM audit"));
    assertEquals(0L, snapshotCount(reader, "orders"));
    assertEquals(List.of(), rows(writer, "SELECT id FROM orders"), "the writer sees nothing either");
  }

  @Test
  void commitMakesBothTablesVisibleAtOnce() throws SQLException {
    writer.setAutoCommit(false);
    try (Statement statement = writer.createStatement()) {
      statement.executeUpdate("INSERT INTO orders VALUES (1, 10), (2, 20)");
      statement.executeUpdate("INSERT INTO audit VALUES ('two orders')");
    }
    assertEquals(List.of(), rows(reader, "SELECT note FROM audit"));
    assertEquals(0L, snapshotCount(reader, "audit"));
    writer.commit();
    assertEquals(List.of("1", "2"), rows(reader, "SELECT id FROM orders ORDER BY id"));
    assertEquals(List.of("two orders"), rows(reader, "SELECT note FROM audit"));
    assertEquals(1L, snapshotCount(reader, "orders"));
    assertEquals(1L, snapshotCount(reader, "audit"));

    try (Statement statement = writer.createStatement()) {
      statement.executeUpdate("INSERT INTO orders VALUES (3, 30)");
    }
    writer.setAutoCommit(true);
    assertEquals(List.of("1", "2", "3"), rows(reader, "SELECT id FROM orders ORDER BY id"),
        "setAutoCommit(true) commits the open transaction");
  }

  @Test
  void aConflictingConcurrentCommitFailsWith40001NamingTheTable() throws SQLException {
    try (Statement statement = writer.createStatement()) {
      statement.executeUpdate("INSERT INTO orders VALUES (1, 10)");
    }
    writer.setAutoCommit(false);
    try (Statement statement = writer.createStatement()) {
      statement.executeUpdate("UPDATE orders SET qty = 11 WHERE id = 1");
      statement.executeUpdate("INSERT INTO audit VALUES ('updated 1')");
    }
    try (Statement other = reader.createStatement()) {
      other.executeUpdate("UPDATE orders SET qty = 12 WHERE id = 1");
    }
    SQLException conflict = assertThrows(SQLException.class, writer::commit);
    assertEquals("40001", conflict.getSQLState());
    assertTrue(conflict.getMessage().contains("orders"), conflict.getMessage());
    assertEquals(List.of("12"), rows(reader, "SELECT qty FROM orders"), "the other commit won");
    assertEquals(List.of(), rows(reader, "SELECT note FROM audit"), "no table of the failed transaction changed");

    try (Statement statement = writer.createStatement()) {
      statement.executeUpdate("INSERT INTO audit VALUES ('retried')");
    }
    writer.commit();
    assertEquals(List.of("retried"), rows(reader, "SELECT note FROM audit"), "the connection starts a new one");
  }

  @Test
  void theWarehouseCatalogRefusesAutocommitOff() throws SQLException {
    try (Connection plain = warehouseCatalogWithTableT(); Statement statement = plain.createStatement()) {
      assertFalse(plain.getMetaData().supportsTransactions());
      plain.setAutoCommit(false);
      SQLException e = assertThrows(SQLFeatureNotSupportedException.class,
          () -> statement.executeUpdate("INSERT INTO t VALUES (1)"));
      assertEquals("0A000", e.getSQLState());
      assertTrue(e.getMessage().startsWith("not supported: transactions"), e.getMessage());
      assertTrue(e.getMessage().contains("catalog type"), e.getMessage());
      plain.setAutoCommit(true);
      assertEquals(1, statement.executeUpdate("INSERT INTO t VALUES (1)"), "autocommit on works as before");
    }
  }

  @Test
  void aStatementBatchIsOneTransactionWithAutocommitOn() throws SQLException {
    try (Statement statement = writer.createStatement()) {
      statement.addBatch("INSERT INTO orders VALUES (1, 10)");
      statement.addBatch("INSERT INTO audit VALUES ('one order')");
      statement.addBatch("INSERT INTO no_such_table VALUES (1)");
      assertThrows(BatchUpdateException.class, statement::executeBatch);
      assertEquals(List.of(), rows(reader, "SELECT id FROM orders"), "a failed batch commits nothing");
      statement.addBatch("INSERT INTO orders VALUES (1, 10)");
      statement.addBatch("INSERT INTO audit VALUES ('one order')");
      assertArrayEquals(new int[] {1, 1}, statement.executeBatch());
    }
    assertEquals(List.of("1"), rows(reader, "SELECT id FROM orders"));
    assertEquals(List.of("one order"), rows(reader, "SELECT note FROM audit"));
  }

  @Test
  void theWarehouseCatalogRunsABatchStatementByStatement() throws SQLException {
    try (Connection plain = warehouseCatalogWithTableT(); Statement statement = plain.createStatement()) {
      statement.addBatch("INSERT INTO t VALUES (1)");
      statement.addBatch("INSERT INTO t VALUES (2), (3)");
      assertArrayEquals(new int[] {1, 2}, statement.executeBatch());
      assertEquals(List.of("1", "2", "3"), rows(plain, "SELECT id FROM t ORDER BY id"));
    }
  }

  @Test
  void aPreparedBatchOfInsertsCommitsOneSnapshot() throws SQLException {
    try (PreparedStatement insert = writer.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
      for (int i = 1; i <= 5; i++) {
        insert.setLong(1, i);
        insert.setInt(2, i * 10);
        insert.addBatch();
      }
      assertArrayEquals(new int[] {1, 1, 1, 1, 1}, insert.executeBatch());
      assertEquals(1L, snapshotCount(reader, "orders"), "one snapshot for the whole batch");
      assertEquals(List.of("1:10", "2:20", "3:30", "4:40", "5:50"),
          rows(reader, "SELECT id || ':' || qty FROM orders ORDER BY id"));

      writer.setAutoCommit(false);
      insert.setLong(1, 6);
      insert.setInt(2, 60);
      insert.addBatch();
      insert.setLong(1, 7);
      insert.setNull(2, java.sql.Types.INTEGER);
      insert.addBatch();
      insert.executeBatch();
      assertEquals(1L, snapshotCount(reader, "orders"), "inside a transaction the batch waits for commit");
      writer.commit();
      assertEquals(2L, snapshotCount(reader, "orders"));
      assertEquals(List.of("6:60", "7:null"),
          rows(reader, "SELECT id || ':' || coalesce(cast(qty AS VARCHAR), 'null') FROM orders WHERE id > 5"
              + " ORDER BY id"));
    }
  }

  /** A connection to a warehouse catalog (no transactions) holding an empty table {@code t (id INT)}. */
  private Connection warehouseCatalogWithTableT() throws SQLException {
    Connection plain = DriverManager.getConnection("jdbc:floe:" + dir.resolve("plain"));
    try (Statement statement = plain.createStatement()) {
      statement.execute("CREATE SCHEMA \"default\"");
      statement.execute("CREATE TABLE t (id INT)");
    }
    return plain;
  }

  private static long snapshotCount(Connection connection, String table) throws SQLException {
    return Long.parseLong(rows(connection, "SELECT count(*) FROM \"" + table + "$snapshots\"").get(0));
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
