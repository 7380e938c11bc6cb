package io.floe.engine.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import io.floe.engine.VersionedWarehouse;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotLogEntry;
import io.floe.metadata.SnapshotRef;
import io.floe.scan.FileScanTask;
import io.floe.table.Table;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metadata tables {@code "t$snapshots"} etc. checked against the Table API, joined and filtered. */
class MetadataTablesTest {
  @TempDir
  static Path warehouse;

  private static VersionedWarehouse tables;
  private static FloeSession session;

  @BeforeAll
  static void setUp() throws Exception {
    tables = new VersionedWarehouse(warehouse);
    session = FloeSession.open(tables.catalog, "tt");
  }

  @AfterAll
  static void tearDown() {
    session.close();
    tables.close();
  }

  private static List<List<Object>> rows(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  private static long micros(long millis) {
    return millis * 1000;
  }

  @Test
  void snapshotsListEverySnapshot() throws SQLException {
    Table items = tables.items;
    List<List<Object>> expected = new ArrayList<>();
    for (Snapshot s : items.snapshots()) {
      expected.add(Arrays.asList(s.snapshotId(), s.parentSnapshotId(), s.operation(), s.manifestList()));
    }
    assertEquals(expected, rows("SELECT snapshot_id, parent_id, operation, manifest_list FROM \"items$snapshots\""));
    assertEquals(5, expected.size());
    List<List<Object>> times = rows("SELECT committed_at FROM \"items$snapshots\"");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(micros(items.snapshots().get(i).timestampMs()), toMicros(times.get(i).get(0)));
    }
    String summary = (String) rows("SELECT summary FROM \"items$snapshots\" WHERE snapshot_id = "
        + tables.itemSnapshots.get(0).snapshotId()).get(0).get(0);
    assertTrue(summary.contains("\"added-records\":\"5\""), summary);
  }

  /** A TIMESTAMP WITH LOCAL TIME ZONE result value as epoch microseconds. */
  private static long toMicros(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    throw new AssertionError("unexpected timestamp value " + value + " of " + value.getClass());
  }

  @Test
  void historyFollowsTheSnapshotLog() throws SQLException {
    Table items = tables.items;
    Set<Long> mainLine = new HashSet<>();
    for (Snapshot s : tables.itemSnapshots) {
      mainLine.add(s.snapshotId());
    }
    List<List<Object>> expected = new ArrayList<>();
    for (SnapshotLogEntry e : items.history()) {
      expected.add(Arrays.asList(micros(e.timestampMs()), e.snapshotId(),
          items.snapshot(e.snapshotId()).parentSnapshotId(), mainLine.contains(e.snapshotId())));
    }
    assertEquals(expected, rows("SELECT made_current_at, snapshot_id, parent_id, is_current_ancestor"
        + " FROM \"items$history\""));
    assertFalse(expected.isEmpty());
  }

  @Test
  void filesAreTheLiveDataFiles() throws SQLException {
    for (Table table : List.of(tables.items, tables.events)) {
      List<List<Object>> expected = new ArrayList<>();
      for (FileScanTask task : table.newScan().planFiles()) {
        var f = task.file();
        expected.add(Arrays.asList(f.path(), f.format(), f.specId(),
            table.metadata().specById(f.specId()).partitionPath(f.partition()), f.recordCount(),
            f.fileSizeInBytes()));
      }
      expected.sort((a, b) -> ((String) a.get(0)).compareTo((String) b.get(0)));
      String name = table == tables.items ? "items" : "events";
      assertEquals(expected, rows("SELECT file_path, file_format, spec_id, \"partition\", record_count,"
          + " file_size_in_bytes FROM \"" + name + "$files\" WHERE content = 0 ORDER BY file_path"));
    }
  }

  @Test
  void manifestsAreTheCurrentManifestList() throws SQLException {
    Table items = tables.items;
    List<List<Object>> expected = new ArrayList<>();
    for (ManifestFile m : ManifestListReader.read(items.io(), items.currentSnapshot().manifestList())) {
      expected.add(Arrays.asList(m.path(), m.length(), m.addedSnapshotId(), m.addedFilesCount(),
          m.existingFilesCount(), m.deletedFilesCount()));
    }
    assertEquals(expected, rows("SELECT path, length, added_snapshot_id, added_data_files_count,"
        + " existing_data_files_count, deleted_data_files_count FROM \"items$manifests\""));
    String summaries = (String) rows("SELECT partition_summaries FROM \"events$manifests\""
        + " WHERE added_data_files_count = 2").get(0).get(0);
    assertTrue(summaries.contains("\"lower_bound\":\"EU\"") && summaries.contains("\"upper_bound\":\"US\""),
        summaries);
  }

  @Test
  void partitionsSumTheirFiles() throws SQLException {
    Table events = tables.events;
    Map<String, long[]> expected = new TreeMap<>();
    for (FileScanTask task : events.newScan().planFiles()) {
      long[] sums = expected.computeIfAbsent(events.spec().partitionPath(task.file().partition()), k -> new long[3]);
      sums[0] += task.file().recordCount();
      sums[1]++;
      sums[2] += task.file().fileSizeInBytes();
    }
    List<List<Object>> expectedRows = new ArrayList<>();
    expected.forEach((partition, sums) -> expectedRows.add(List.of(partition, sums[0], (int) sums[1], sums[2])));
    assertEquals(expectedRows, rows("SELECT \"partition\", record_count, file_count, total_data_file_size_in_bytes"
        + " FROM \"events$partitions\" ORDER BY 1"));
    assertEquals(List.of(List.of("region=APAC", events.currentSnapshot().snapshotId())),
        rows("SELECT \"partition\", last_updated_snapshot_id FROM \"events$partitions\" WHERE record_count = 1"));
  }

  @Test
  void rowCountsAreExactOrUnknown() {
    Table items = tables.items;
    assertEquals(items.snapshots().size(),
        new MetadataTable(items, MetadataTableType.SNAPSHOTS).getStatistic().getRowCount());
    assertEquals(items.newScan().planFiles().size(),
        new MetadataTable(items, MetadataTableType.FILES).getStatistic().getRowCount());
    assertNull(new MetadataTable(items, MetadataTableType.PARTITIONS).getStatistic().getRowCount());
  }

  @Test
  void refsListBranchesAndTags() throws SQLException {
    List<List<Object>> expected = new ArrayList<>();
    for (Map.Entry<String, SnapshotRef> e : new TreeMap<>(tables.items.refs()).entrySet()) {
      expected.add(Arrays.asList(e.getKey(), e.getValue().type().name(), e.getValue().snapshotId()));
    }
    assertEquals(expected, rows("SELECT name, type, snapshot_id FROM \"items$refs\" ORDER BY name"));
    assertEquals(List.of("dev", "main", "v1"), expected.stream().map(r -> r.get(0)).toList());
    List<List<Object>> tag = rows("SELECT max_reference_age_in_ms, min_snapshots_to_keep FROM \"items$refs\""
        + " WHERE type = 'TAG'");
    assertEquals(1, tag.size());
    assertNull(tag.get(0).get(1));
  }

  @Test
  void snapshotsJoinHistoryAndFilter() throws SQLException {
    List<List<Object>> expected = new ArrayList<>();
    for (Snapshot s : tables.itemSnapshots) {
      if (!s.operation().equals("append")) {
        expected.add(List.of(s.snapshotId(), s.operation()));
      }
    }
    assertEquals(expected, rows("SELECT h.snapshot_id, s.operation FROM \"items$history\" AS h"
        + " JOIN \"ITEMS$Snapshots\" AS s ON h.snapshot_id = s.snapshot_id"
        + " WHERE h.is_current_ancestor AND s.operation <> 'append' ORDER BY h.made_current_at"));
    assertEquals(2, expected.size());
    Snapshot third = tables.itemSnapshots.get(2);
    assertEquals(List.of(List.of(third.parentSnapshotId(), third.operation())), rows("SELECT parent_id, operation"
        + " FROM \"items$snapshots\" WHERE snapshot_id = " + third.snapshotId()));
    // a metadata table joined with its table: the rows each snapshot added, by operation
    List<List<Object>> counts = rows("SELECT s.operation, count(*) FROM \"items$snapshots\" AS s"
        + " JOIN items AS i ON i.id = s.snapshot_id - s.snapshot_id + 1 GROUP BY s.operation ORDER BY 1");
    Map<String, Long> byOperation = new TreeMap<>();
    for (Snapshot s : tables.items.snapshots()) {
      byOperation.merge(s.operation(), 1L, Long::sum);
    }
    List<List<Object>> expectedCounts = new ArrayList<>();
    byOperation.forEach((operation, count) -> expectedCounts.add(List.of(operation, count)));
    assertEquals(expectedCounts, counts);
  }

  @Test
  void snapshotsFilteredByCommitTime() throws SQLException {
    List<Snapshot> all = tables.items.snapshots();
    long third = all.get(2).timestampMs();
    String instant = VersionedWarehouse.timestampLiteral(third, java.time.ZoneOffset.UTC)
        .replace("TIMESTAMP ", "TIMESTAMP WITH LOCAL TIME ZONE ");
    List<List<Object>> after = new ArrayList<>();
    List<List<Object>> fromThird = new ArrayList<>();
    for (Snapshot s : all) {
      if (s.timestampMs() > third) {
        after.add(List.of(s.snapshotId()));
      }
      if (s.timestampMs() >= third) {
        fromThird.add(List.of(s.snapshotId()));
      }
    }
    assertFalse(after.isEmpty());
    assertEquals(after.size() + 1, fromThird.size());
    assertEquals(after, rows("SELECT snapshot_id FROM \"items$snapshots\" WHERE committed_at > " + instant
        + " ORDER BY committed_at"));
    assertEquals(fromThird, rows("SELECT snapshot_id FROM \"items$snapshots\" WHERE committed_at >= " + instant
        + " ORDER BY committed_at"));
    assertEquals(List.of(List.of((long) all.size())), rows("SELECT count(*) FROM \"items$snapshots\""
        + " WHERE committed_at > TIMESTAMP WITH LOCAL TIME ZONE '2020-01-01 00:00:00'"));
    long madeCurrentSince = tables.items.history().stream().filter(e -> e.timestampMs() >= third).count();
    assertEquals(List.of(List.of(madeCurrentSince)), rows("SELECT count(*) FROM \"items$history\""
        + " WHERE made_current_at >= CAST(" + VersionedWarehouse.timestampLiteral(third, java.time.ZoneOffset.UTC)
        + " AS TIMESTAMP WITH LOCAL TIME ZONE)"));
  }
}
