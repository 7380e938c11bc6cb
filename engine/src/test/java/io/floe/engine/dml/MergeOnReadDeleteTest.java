package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.hadoop.HadoopTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DELETE on a table with {@code write.delete.mode} = merge-on-read: position delete files instead of rewritten data
 * files; Floe and Apache Iceberg's reader see the same rows; later DML and compaction keep the rows deleted.
 */
class MergeOnReadDeleteTest {
  @TempDir
  Path warehouse;
  private FloeSession session;

  @BeforeEach
  void open() throws SQLException {
    session = FloeSession.open(warehouse, "db");
    update("CREATE SCHEMA db");
    update("CREATE TABLE events (id BIGINT NOT NULL, region VARCHAR, qty INT, day DATE) PARTITIONED BY (region)"
        + " WITH ('write.delete.mode' = 'merge-on-read')");
    for (int load = 0; load < 3; load++) {
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        long id = load * 200L + i;
        values.append(i == 0 ? "" : ", ").append(String.format("(%d, '%s', %s, DATE '2026-01-%02d')", id,
            List.of("eu", "us", "apac").get((int) (id % 3)), id % 13 == 0 ? "NULL" : Long.toString(id % 10),
            1 + id % 28));
      }
      update("INSERT INTO events VALUES " + values);
    }
  }

  @AfterEach
  void close() {
    session.close();
  }

  private long update(String sql) throws SQLException {
    return session.execute(sql).updateCount();
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  private long scalar(String sql) throws SQLException {
    return ((Number) rows(sql).get(0).get(0)).longValue();
  }

  private List<List<Object>> icebergRows() throws Exception {
    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration())
        .load(warehouse.resolve("db/events").toString());
    // Iceberg's reader adds the _pos column it applies position deletes with: the table's four columns are compared
    return DmlFixture.sorted(DmlFixture.icebergRows(iceberg).stream().map(r -> r.subList(0, 4)).toList());
  }

  @Test
  void deleteWritesPositionDeletesThatFloeAndIcebergApplyAndLaterDmlKeeps() throws Exception {
    String all = "SELECT id, region, qty, day FROM events ORDER BY id";
    List<List<Object>> kept = rows("SELECT id, region, qty, day FROM events WHERE NOT (qty = 4 AND day < DATE "
        + "'2026-01-20') OR qty IS NULL ORDER BY id");
    long dataFiles = scalar("SELECT count(*) FROM \"events$files\" WHERE content = 0");

    long deleted = update("DELETE FROM events WHERE qty = 4 AND day < DATE '2026-01-20'");
    assertEquals(600 - kept.size(), deleted);
    assertEquals(kept, rows(all));
    assertEquals(DmlFixture.sorted(kept), icebergRows(), "Iceberg applies Floe's delete files");
    List<List<Object>> summary = rows("SELECT operation, summary FROM \"events$snapshots\" ORDER BY committed_at DESC"
        + " LIMIT 1");
    assertEquals("delete", summary.get(0).get(0));
    String text = (String) summary.get(0).get(1);
    assertTrue(text.contains("\"added-position-deletes\":\"" + deleted + "\"") && !text.contains("deleted-data-files"),
        text);
    assertEquals(dataFiles, scalar("SELECT count(*) FROM \"events$files\" WHERE content = 0"), "no file rewritten");
    assertEquals(9, scalar("SELECT count(*) FROM \"events$files\" WHERE content = 1"), "one per data file touched");
    assertTrue(String.join("\n", rows("EXPLAIN SELECT count(*) FROM events WHERE qty > 0").stream()
        .map(r -> (String) r.get(0)).toList()).contains("delete files (merge-on-read)"));

    assertEquals(0, update("DELETE FROM events WHERE qty = 4 AND day < DATE '2026-01-20'"), "already deleted");
    long apac = scalar("SELECT count(*) FROM events WHERE region = 'apac'");
    assertEquals(apac, update("DELETE FROM events WHERE region = 'apac'"), "whole files go, with their deletes");
    assertEquals(6, scalar("SELECT count(*) FROM \"events$files\" WHERE content = 1"));
    update("UPDATE events SET qty = 40 WHERE qty = 3 AND region = 'us'"); // copy-on-write, dropping us' deletes
    List<List<Object>> now = rows(all);
    assertEquals(DmlFixture.sorted(now), icebergRows());
    assertEquals(0, scalar("SELECT count(*) FROM events WHERE region = 'apac' OR (qty = 4 AND day < DATE "
        + "'2026-01-20') OR (qty = 3 AND region = 'us')"));
    long left = scalar("SELECT count(*) FROM \"events$files\" WHERE content = 1");
    assertEquals(3, left, "eu's delete files");

    List<List<Object>> compacted = rows("CALL system.rewrite_data_files(table => 'db.events')");
    assertEquals(left, ((Number) compacted.get(0).get(compacted.get(0).size() - 1)).longValue(), compacted.toString());
    assertEquals(0, scalar("SELECT count(*) FROM \"events$files\" WHERE content = 1"), "compaction applied them");
    assertEquals(now, rows(all));
    assertEquals(DmlFixture.sorted(now), icebergRows());
    assertEquals(LocalDate.class, now.get(0).get(3).getClass());
  }

  @Test
  void theModeIsATablePropertyThatAlterTableSets() throws Exception {
    update("ALTER TABLE events SET PROPERTIES 'write.delete.mode' = 'copy-on-write'");
    update("DELETE FROM events WHERE qty = 1");
    assertEquals(0, scalar("SELECT count(*) FROM \"events$files\" WHERE content = 1"), "rewritten, no delete file");
    update("ALTER TABLE events SET PROPERTIES 'write.delete.mode' = 'merge-on-read'");
    long deleted = update("DELETE FROM events WHERE qty = 2");
    assertTrue(deleted > 0);
    assertTrue(scalar("SELECT count(*) FROM \"events$files\" WHERE content = 1") > 0);
    assertEquals(0, scalar("SELECT count(*) FROM events WHERE qty IN (1, 2)"));
    assertEquals(DmlFixture.sorted(rows("SELECT id, region, qty, day FROM events")), icebergRows());
  }
}
