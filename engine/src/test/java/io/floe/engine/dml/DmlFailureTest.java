package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed statements (type errors, NOT NULL violations, out-of-range values, division by zero, commit conflicts)
 * leave the table exactly as before: same current snapshot, same rows, no data files left behind.
 */
class DmlFailureTest {
  @TempDir
  Path dir;
  DmlFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new DmlFixture(dir);
    fx.createItemsByGroup("items", 400, 3, 2);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  private SQLException failsUnchanged(String sql) throws Exception {
    long snapshot = fx.table("items").currentSnapshot().snapshotId();
    List<Path> files = dataFiles();
    List<List<Object>> rows = DmlFixture.sorted(fx.rows("SELECT * FROM items"));
    SQLException e = assertThrows(SQLException.class, () -> fx.floe(sql), sql);
    assertEquals(snapshot, fx.table("items").currentSnapshot().snapshotId(), "snapshot after " + sql);
    assertEquals(rows, DmlFixture.sorted(fx.rows("SELECT * FROM items")));
    assertEquals(files, dataFiles(), "data files left behind by " + sql);
    fx.assertSameRows("items");
    return e;
  }

  private List<Path> dataFiles() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  @Test
  void typeErrors() throws Exception {
    SQLException e = failsUnchanged("INSERT INTO items (id, dt) VALUES (1, TRUE)");
    assertTrue(e.getSQLState().startsWith("42"), e.getSQLState() + " " + e.getMessage());
    e = failsUnchanged("UPDATE items SET dt = 5 WHERE id = 1");
    assertTrue(e.getSQLState().startsWith("42"), e.getSQLState() + " " + e.getMessage());
    e = failsUnchanged("UPDATE items SET nosuch = 5");
    assertEquals("42S22", e.getSQLState(), e.getMessage());
    e = failsUnchanged("DELETE FROM nosuch WHERE id = 1");
    assertEquals("42S02", e.getSQLState(), e.getMessage());
  }

  @Test
  void notNullViolations() throws Exception {
    SQLException e = failsUnchanged("INSERT INTO items (name) VALUES ('x')");
    assertEquals("23502", e.getSQLState(), e.getMessage());
    e = failsUnchanged("INSERT INTO items SELECT CASE WHEN id = 399 THEN NULL ELSE id + 1000 END, grp, name, price, dt "
        + "FROM items");
    assertEquals("23502", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("'id'"), e.getMessage());
    e = failsUnchanged("UPDATE items SET id = NULLIF(id, 200)");
    assertEquals("23502", e.getSQLState(), e.getMessage());
  }

  @Test
  void dataErrors() throws Exception {
    SQLException e = failsUnchanged("UPDATE items SET price = price * 100000000");
    assertEquals("22003", e.getSQLState(), e.getMessage());
    e = failsUnchanged("UPDATE items SET price = price / (id - 300) WHERE grp = 0");
    assertEquals("22012", e.getSQLState(), e.getMessage());
    e = failsUnchanged("DELETE FROM items WHERE 1 / (id - 5) > 0");
    assertEquals("22012", e.getSQLState(), e.getMessage());
    // INSERT ... SELECT of typed columns, copied into the table's vectors unless a value needs a cast
    e = failsUnchanged("INSERT INTO items SELECT id + 1000, grp, name, price * 100000000, dt FROM items");
    assertEquals("22003", e.getSQLState(), e.getMessage());
    e = failsUnchanged("INSERT INTO items SELECT id + 1000, id * 10000000, name, price, dt FROM items");
    assertEquals("22003", e.getSQLState(), e.getMessage());
  }

  @Test
  void failedRowIdStatementsLeaveNoTrace() throws Exception {
    // correlated: the division by zero fails the query that finds the rows, before anything is written
    SQLException e = failsUnchanged("UPDATE items t SET price = price / "
        + "(SELECT count(*) - count(*) FROM items s WHERE s.grp = t.grp)");
    assertEquals("22012", e.getSQLState(), e.getMessage());
    fx.floe("ALTER TABLE items SET PROPERTIES 'write.update.mode' = 'merge-on-read'");
    fx.floe("ALTER TABLE items SET PROPERTIES 'write.merge.mode' = 'merge-on-read'");
    // merge-on-read: the overflow fails the query that computes the new rows (the files it would have written after
    // it are checked in conflictingConcurrentDeleteFailsMergeOnReadMergeWith40001)
    e = failsUnchanged("UPDATE items SET price = price * 100000000 WHERE grp = 1");
    assertEquals("22003", e.getSQLState(), e.getMessage());
    e = failsUnchanged("MERGE INTO items t USING (SELECT id FROM items WHERE grp = 2) s ON t.id = s.id "
        + "WHEN MATCHED THEN UPDATE SET price = t.price * 100000000");
    assertEquals("22003", e.getSQLState(), e.getMessage());
  }

  @Test
  void conflictingConcurrentDeleteFailsMergeOnReadMergeWith40001() throws Exception {
    fx.floe("ALTER TABLE items SET PROPERTIES 'write.merge.mode' = 'merge-on-read'");
    int filesBefore = dataFiles().size();
    ConcurrentCommitHook hook = new ConcurrentCommitHook(fx.catalog);
    try (FloeSession hooked = FloeSession.open(hook.catalog(), "db")) {
      hook.beforeNextCommit(() -> run("DELETE FROM items WHERE grp = 1 AND id < 100"));
      // some rows of each file: position delete files and the new rows' data files are written, then the commit fails
      SQLException e = assertThrows(SQLException.class, () -> hooked.execute("MERGE INTO items t USING "
          + "(SELECT id FROM items WHERE grp = 1 AND id % 2 = 0) s ON t.id = s.id "
          + "WHEN MATCHED THEN UPDATE SET price = 0").close());
      assertEquals("40001", e.getSQLState(), e.getMessage());
    }
    fx.duckdb.createStatement().execute("DELETE FROM items WHERE grp = 1 AND id < 100");
    fx.assertSameRows("items");
    assertEquals(filesBefore + fx.summaryCount("items", "added-data-files"), dataFiles().size(),
        "only the concurrent DELETE's files were added: the failed MERGE's delete and data files are gone");
  }

  @Test
  void conflictingConcurrentDeleteFailsUpdateWith40001() throws Exception {
    ConcurrentCommitHook hook = new ConcurrentCommitHook(fx.catalog);
    try (FloeSession hooked = FloeSession.open(hook.catalog(), "db")) {
      hook.beforeNextCommit(() -> run("DELETE FROM items WHERE grp = 1 AND id < 100"));
      SQLException e = assertThrows(SQLException.class,
          () -> hooked.execute("UPDATE items SET price = 0 WHERE grp = 1").close());
      assertEquals("40001", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("table db.items"), e.getMessage());
    }
    // the table is as the concurrent DELETE left it
    fx.duckdb.createStatement().execute("DELETE FROM items WHERE grp = 1 AND id < 100");
    fx.assertSameRows("items");
  }

  @Test
  void concurrentAppendOfMatchingRowsFailsDeleteWith40001() throws Exception {
    ConcurrentCommitHook hook = new ConcurrentCommitHook(fx.catalog);
    try (FloeSession hooked = FloeSession.open(hook.catalog(), "db")) {
      hook.beforeNextCommit(() -> run("INSERT INTO items (id, grp) VALUES (10, 2)"));
      SQLException e = assertThrows(SQLException.class,
          () -> hooked.execute("DELETE FROM items WHERE grp = 2 AND id < 50").close());
      assertEquals("40001", e.getSQLState(), e.getMessage());
      // a concurrent append of rows the statement cannot match is no conflict
      hook.beforeNextCommit(() -> run("INSERT INTO items (id, grp) VALUES (1001, 0)"));
      assertEquals(17, hooked.execute("DELETE FROM items WHERE grp = 2 AND id < 50").updateCount());
    }
  }

  private void run(String sql) {
    try {
      fx.floe(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
