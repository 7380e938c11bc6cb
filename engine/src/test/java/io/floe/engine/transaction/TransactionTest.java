package io.floe.engine.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import io.floe.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explicit transactions over two tables of a JDBC catalog on SQLite; the warehouse catalog refuses them. */
class TransactionTest {
  private static final TableIdentifier A = TableIdentifier.of("db", "a_table");
  private static final TableIdentifier B = TableIdentifier.of("db", "b_table");

  @TempDir
  Path dir;
  private Map<String, String> catalogProperties;
  private FloeSession session;
  private Catalog observer;

  @BeforeEach
  void open() throws SQLException {
    catalogProperties = Map.of("catalog.type", "jdbc", "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", dir.resolve("warehouse").toString());
    session = FloeSession.open(catalogProperties, "db");
    update("CREATE SCHEMA db");
    update("CREATE TABLE a_table (id BIGINT)");
    update("CREATE TABLE b_table (name VARCHAR)");
    observer = Catalogs.load(new HashMap<>(catalogProperties));
  }

  @AfterEach
  void close() {
    observer.close();
    session.close();
  }

  @Test
  void commitMakesBothTablesVisibleAtOnce() throws Exception {
    update("BEGIN");
    assertTrue(session.inTransaction());
    stageRow(A, 1L);
    stageRow(B, "x");
    stageRow(A, 2L);
    assertNull(observer.loadTable(A).currentSnapshot(), "staged commits are invisible before COMMIT");
    assertNull(observer.loadTable(B).currentSnapshot());
    assertEquals(List.of(List.of(0L)), query("SELECT count(*) FROM a_table"));
    update("COMMIT");
    assertFalse(session.inTransaction());
    assertEquals(List.of(List.of(2L)), query("SELECT count(*) FROM a_table"));
    assertEquals(List.of(List.of("x")), query("SELECT name FROM b_table"));
    assertEquals(2, observer.loadTable(A).snapshots().size());
    assertEquals(1, observer.loadTable(B).snapshots().size());
  }

  @Test
  void rollbackDiscardsEverything() throws Exception {
    update("START TRANSACTION");
    stageRow(A, 1L);
    stageRow(B, "x");
    update("ROLLBACK");
    assertNull(observer.loadTable(A).currentSnapshot());
    assertNull(observer.loadTable(B).currentSnapshot());
    assertEquals(0, dataFiles(observer.loadTable(A)), "the staged data files are deleted");
    assertEquals(List.of(List.of(0L)), query("SELECT count(*) FROM b_table"));
    assertState("25000", "ROLLBACK");
    assertState("25000", "COMMIT");
  }

  @Test
  void concurrentCommitFailsTheWholeTransaction() throws Exception {
    update("BEGIN");
    stageRow(A, 1L);
    stageRow(B, "x");
    Table outside = observer.loadTable(A);
    outside.newAppend().appendRecords(List.of(GenericRecord.of(outside.schema().asStruct(), 99L))).commit();
    SQLException conflict = assertState("40001", "COMMIT");
    assertTrue(conflict.getMessage().contains("a_table"), conflict.getMessage());
    assertFalse(session.inTransaction());
    assertEquals(List.of(List.of(99L)), query("SELECT id FROM a_table"));
    assertNull(observer.loadTable(B).currentSnapshot(), "neither table changed");
  }

  @Test
  void statementsThatCannotRunInsideATransaction() throws Exception {
    update("BEGIN");
    assertState("25001", "BEGIN");
    assertState("0A000", "CREATE TABLE c (id INT)");
    assertState("0A000", "DROP TABLE a_table");
    assertState("0A000", "ALTER TABLE a_table ADD COLUMN x INT");
    assertState("0A000", "CALL system.expire_snapshots('db.a_table')");
    assertTrue(session.inTransaction(), "refused statements leave the transaction open");
    stageRow(A, 5L);
    session.close();
    session = FloeSession.open(catalogProperties, "db");
    assertNull(observer.loadTable(A).currentSnapshot(), "closing the session rolled back");
  }

  @Test
  void warehouseCatalogRefusesTransactions() throws SQLException {
    try (FloeSession warehouse = FloeSession.open(dir.resolve("plain"), "db")) {
      SQLException e = assertThrows(SQLException.class, () -> warehouse.execute("BEGIN"));
      assertEquals("0A000", e.getSQLState());
      assertTrue(e.getMessage().startsWith("not supported: transactions on catalog type"), e.getMessage());
      assertFalse(warehouse.inTransaction());
    }
  }

  private void stageRow(TableIdentifier id, Object value) {
    Table table = session.tableForWrite(id);
    table.newAppend().appendRecords(List.of(GenericRecord.of(table.schema().asStruct(), value))).commit();
  }

  private static long dataFiles(Table table) throws IOException {
    Path data = Path.of(table.location()).resolve("data");
    if (!Files.exists(data)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private void update(String sql) throws SQLException {
    session.execute(sql).close();
  }

  private List<List<Object>> query(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  private SQLException assertState(String state, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> update(sql), sql);
    assertEquals(state, e.getSQLState(), e.getMessage());
    return e;
  }
}
