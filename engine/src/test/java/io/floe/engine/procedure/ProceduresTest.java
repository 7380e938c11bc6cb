package io.floe.engine.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import io.floe.metadata.Snapshot;
import io.floe.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each procedure of {@code CALL system.*}, its effect checked through the Table API. */
class ProceduresTest {
  private static final TableIdentifier T = TableIdentifier.of("db", "t");
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  @TempDir
  Path warehouse;
  private FloeSession session;
  private final List<Long> snapshots = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    session = FloeSession.open(warehouse, "db");
    session.execute("CREATE SCHEMA db").close();
    session.execute("CREATE TABLE t (id BIGINT, v VARCHAR)").close();
    for (int i = 0; i < 3; i++) {
      snapshots.add(append(i).snapshotId());
      Thread.sleep(3);  // distinct snapshot timestamps for rollback_to_timestamp
    }
  }

  @AfterEach
  void close() {
    session.close();
  }

  private Snapshot append(int id) {
    Table table = table();
    return table.newAppend().appendRecords(List.of(GenericRecord.of(table.schema().asStruct(), (long) id, "v" + id)))
        .commit();
  }

  private Table table() {
    return session.catalog().loadTable(T);
  }

  @Test
  void expireSnapshotsNamedAndPositional() throws SQLException {
    String future = timestamp(Instant.now().plus(1, ChronoUnit.MINUTES).toEpochMilli());
    List<List<Object>> result = call("CALL system.expire_snapshots(table => 'db.t', older_than => TIMESTAMP '"
        + future + "', retain_last => 2)");
    // one manifest list and the statistics file of the expired first append (each append lists one)
    assertEquals(List.of(List.of(0L, 0L, 0L, 0L, 1L, 1L)), result);
    assertEquals(snapshots.subList(1, 3), table().snapshots().stream().map(Snapshot::snapshotId).toList());

    table().newDelete().deleteFromRowFilter(io.floe.expressions.Expressions.equal("id", 1L)).commit();
    List<List<Object>> positional = call("CALL expire_snapshots('t', TIMESTAMP '" + future + "', 1)");
    assertEquals(1L, positional.get(0).get(0), "the deleted data file of id 1 is gone: " + positional);
    assertEquals(1, table().snapshots().size());
    assertEquals(List.of(List.of(2L)), call("SELECT count(*) FROM t"));
  }

  @Test
  void computeTableStatsGivesTheSnapshotAStatisticsFileOfDistinctCounts() throws SQLException {
    List<List<Object>> all = call("CALL system.compute_table_stats(table => 'db.t')");
    Table table = table();
    io.floe.metadata.StatisticsFile file = table.metadata().statisticsFile(snapshots.get(2));
    assertEquals(List.of(List.of(file.path())), all);
    assertEquals(List.of(List.of(1), List.of(2)), file.blobMetadata().stream()
        .map(io.floe.metadata.StatisticsFile.BlobMetadata::fields).toList());
    assertTrue(file.blobMetadata().stream().allMatch(b -> b.properties().get("ndv").equals("3")), file.toString());

    call("CALL system.compute_table_stats('db.t', " + snapshots.get(0) + ", ARRAY['V'])");
    io.floe.metadata.StatisticsFile first = table().metadata().statisticsFile(snapshots.get(0));
    assertEquals(List.of(2), first.blobMetadata().get(0).fields());
    assertEquals("1", first.blobMetadata().get(0).properties().get("ndv"));
    assertEquals(3, table().snapshots().size(), "statistics add no snapshot");
    assertState("42000", "CALL system.compute_table_stats(table => 'db.t', columns => ARRAY[1])");

    append(7);
    call("ANALYZE db.t");
    io.floe.metadata.StatisticsFile analyzed = table().metadata().statisticsFile(table().currentSnapshot().snapshotId());
    assertEquals("4", analyzed.blobMetadata().get(0).properties().get("ndv"), "Trino's ANALYZE: the current snapshot");
    assertState("42S02", "ANALYZE nope");
    call("ANALYZE t WITH (columns = ARRAY['v'])");
    assertEquals(List.of(List.of(2)), table().metadata().statisticsFile(table().currentSnapshot().snapshotId())
        .blobMetadata().stream().map(io.floe.metadata.StatisticsFile.BlobMetadata::fields).toList());
    assertState("42000", "ANALYZE t WITH (partitions = ARRAY['x'])");
    assertEquals(List.of(List.of(7L)), call("SELECT id AS analyze FROM t WHERE id = 7"), "ANALYZE stays usable as a name");
  }

  @Test
  void expireSnapshotsById() throws SQLException {
    call("CALL system.expire_snapshots(table => 'db.t', snapshot_ids => ARRAY[" + snapshots.get(0) + "])");
    assertEquals(snapshots.subList(1, 3), table().snapshots().stream().map(Snapshot::snapshotId).toList());
  }

  @Test
  void removeOrphanFiles() throws Exception {
    Path data = Path.of(table().location()).resolve("data");
    Files.createDirectories(data);
    Path stray = data.resolve("stray.parquet");
    Files.writeString(stray, "not referenced by any snapshot");
    Files.setLastModifiedTime(stray, FileTime.from(Instant.now().minus(10, ChronoUnit.DAYS)));

    List<List<Object>> dryRun = call("CALL system.remove_orphan_files(table => 'db.t', dry_run => true)");
    assertEquals(1, dryRun.size());
    assertTrue(((String) dryRun.get(0).get(0)).endsWith("stray.parquet"), dryRun.toString());
    assertTrue(Files.exists(stray));

    List<List<Object>> removed = call("CALL system.remove_orphan_files(table => 'db.t', older_than => TIMESTAMP '"
        + timestamp(System.currentTimeMillis()) + "')");
    assertEquals(dryRun, removed);
    assertFalse(Files.exists(stray));
    assertEquals(List.of(List.of(3L)), call("SELECT count(*) FROM t"));
  }

  @Test
  void rewriteDataFilesCompactsSmallFiles() throws SQLException {
    assertEquals(List.of(List.of(3, 1)), call("CALL system.rewrite_data_files(table => 'db.t', "
        + "options => MAP['min-input-files', '2'])").stream().map(r -> r.subList(0, 2)).toList());
    Table table = table();
    assertEquals("replace", table.currentSnapshot().operation());
    assertEquals(4, table.snapshots().size());
    assertEquals(List.of(List.of(0L, "v0"), List.of(1L, "v1"), List.of(2L, "v2")),
        call("SELECT id, v FROM t ORDER BY id"));
    assertEquals(List.of(List.of(0, 0)), call("CALL system.rewrite_data_files('db.t')").stream()
        .map(r -> r.subList(0, 2)).toList());
    append(9);
    append(5);
    call("CALL system.rewrite_data_files(table => 'db.t', strategy => 'sort', sort_order => 'id DESC')");
    assertEquals(List.of(List.of(9L), List.of(5L), List.of(2L), List.of(1L), List.of(0L)),
        call("SELECT id FROM t"));
  }

  @Test
  void rollbacks() throws SQLException {
    assertEquals(List.of(List.of(snapshots.get(2), snapshots.get(0))),
        call("CALL system.rollback_to_snapshot('db.t', " + snapshots.get(0) + ")"));
    assertEquals(snapshots.get(0), table().currentSnapshot().snapshotId());
    assertEquals(List.of(List.of(1L)), call("SELECT count(*) FROM t"));

    assertEquals(List.of(List.of(snapshots.get(0), snapshots.get(2))),
        call("CALL system.set_current_snapshot(table => 'db.t', snapshot_id => " + snapshots.get(2) + ")"));
    long secondTime = table().snapshot(snapshots.get(1)).timestampMs();
    call("CALL system.rollback_to_timestamp(table => 'db.t', timestamp => TIMESTAMP '" + timestamp(secondTime)
        + "')");
    assertEquals(snapshots.get(1), table().currentSnapshot().snapshotId());

    SQLException notAncestor = assertThrows(SQLException.class,
        () -> call("CALL system.rollback_to_snapshot('db.t', " + snapshots.get(2) + ")"));
    assertEquals("42000", notAncestor.getSQLState(), notAncestor.getMessage());
  }

  @Test
  void tagsBranchesAndFastForward() throws SQLException {
    assertEquals(List.of(List.of("v1", snapshots.get(0))),
        call("CALL system.create_tag(table => 'db.t', tag => 'v1', snapshot_id => " + snapshots.get(0) + ")"));
    assertEquals(snapshots.get(0), table().refs().get("v1").snapshotId());
    assertFalse(table().refs().get("v1").isBranch());
    call("CALL system.set_current_snapshot(table => 'db.t', ref => 'v1')");
    assertEquals(snapshots.get(0), table().currentSnapshot().snapshotId());

    assertEquals(List.of(List.of("dev", snapshots.get(0))), call("CALL system.create_branch('db.t', 'dev')"));
    assertTrue(table().refs().get("dev").isBranch());
    Table table = table();
    long devHead = table.newAppend().toBranch("dev")
        .appendRecords(List.of(GenericRecord.of(table.schema().asStruct(), 7L, "dev"))).commit().snapshotId();
    assertEquals(snapshots.get(0), table().currentSnapshot().snapshotId());

    assertEquals(List.of(List.of("main", snapshots.get(0), devHead)),
        call("CALL system.fast_forward(table => 'db.t', branch => 'main', to => 'dev')"));
    assertEquals(devHead, table().currentSnapshot().snapshotId());
    assertEquals(List.of(List.of(2L)), call("SELECT count(*) FROM t"));
  }

  @Test
  void registerTable() throws SQLException {
    String metadata = table().metadata().metadataFileLocation();
    assertEquals(List.of(List.of(snapshots.get(2), 3L, 3L)),
        call("CALL system.register_table(table => 'db.t2', metadata_file => '" + metadata + "')"));
    assertEquals(List.of(List.of(3L)), call("SELECT count(*) FROM t2"));
    SQLException exists = assertThrows(SQLException.class,
        () -> call("CALL system.register_table('db.t2', '" + metadata + "')"));
    assertEquals("42S01", exists.getSQLState(), exists.getMessage());
  }

  @Test
  void badCalls() {
    assertState("42000", "CALL system.no_such_procedure('db.t')");
    assertState("42000", "CALL other.expire_snapshots('db.t')");
    assertState("42000", "CALL system.rollback_to_snapshot(table => 'db.t')");
    assertState("42000", "CALL system.expire_snapshots(table => 'db.t', keep => 3)");
    assertState("42000", "CALL system.expire_snapshots(table => 'db.t', retain_last => 'x')");
    assertState("42000", "CALL system.expire_snapshots(table => 'db.t', table => 'db.t')");
    assertState("42S02", "CALL system.expire_snapshots(table => 'db.nope')");
    assertState("0A000", "CALL system.rewrite_data_files(table => 'db.t', where => 'id > 1')");
  }

  private void assertState(String state, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> call(sql), sql);
    assertEquals(state, e.getSQLState(), e.getMessage());
  }

  private List<List<Object>> call(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  private static String timestamp(long epochMillis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).format(TIMESTAMP);
  }
}
