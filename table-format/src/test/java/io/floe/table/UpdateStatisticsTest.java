package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.metadata.StatisticsFile;
import io.floe.partition.PartitionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.GenericBlobMetadata;
import org.apache.iceberg.GenericStatisticsFile;
import org.apache.iceberg.hadoop.HadoopTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots' statistics files in table metadata: set and removed without a new snapshot; kept by Floe's commits
 * (also those Apache Iceberg set); deleted with the snapshots that expire; never taken for orphans.
 */
class UpdateStatisticsTest {
  @TempDir
  Path dir;

  private Table threeSnapshots() {
    Table t = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS),
        dir.resolve("t").toString(), Map.of(TableProperties.WRITE_DISTINCT_COUNTS, "false")); // only these tests' files
    for (int i = 0; i < 3; i++) {
      t.newAppend().appendRecords(TableFixtures.events(i * 10L, 10)).commit();
      MaintenanceFixtures.tick();
    }
    return t.refresh();
  }

  /** A statistics file of {@code snapshot} that exists on disk. */
  private StatisticsFile statistics(Table t, Snapshot snapshot) throws IOException {
    Path file = Path.of(t.location(), "metadata", snapshot.snapshotId() + ".stats");
    Files.write(file, new byte[] {1, 2, 3});
    return new StatisticsFile(snapshot.snapshotId(), file.toString(), 3, 1, null, List.of(
        new StatisticsFile.BlobMetadata("apache-datasketches-theta-v1", snapshot.snapshotId(),
            snapshot.sequenceNumber(), List.of(1), Map.of("ndv", "10"))));
  }

  @Test
  void statisticsAreSetAndRemovedWithoutASnapshotAndKeptByLaterCommits() throws IOException {
    Table t = threeSnapshots();
    StatisticsFile first = statistics(t, t.snapshots().get(0));
    StatisticsFile last = statistics(t, t.snapshots().get(2));
    t.updateStatistics().setStatistics(first).setStatistics(last).commit();
    t.refresh();
    assertEquals(3, t.snapshots().size(), "no snapshot added");
    assertEquals(first, t.metadata().statisticsFile(first.snapshotId()));

    t.newAppend().appendRecords(TableFixtures.events(100, 5)).commit();
    t.updateStatistics().removeStatistics(first.snapshotId()).commit();
    t.refresh();
    assertNull(t.metadata().statisticsFile(first.snapshotId()));
    assertEquals(List.of(last), t.metadata().statistics(), "kept by the append, the other file removed");
    assertEquals(last, t.metadata().latestStatisticsFile(t.currentSnapshot()), "the append's nearest ancestor's");
    assertNull(t.metadata().latestStatisticsFile(t.snapshots().get(1)), "no ancestor of snapshot 2 has one now");

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> t.updateStatistics().setStatistics(new StatisticsFile(42, "/x.stats", 1, 1, null, List.of())).commit());
    assertTrue(unknown.getMessage().contains("unknown snapshot 42"), unknown.getMessage());
  }

  @Test
  void expiringASnapshotDeletesItsStatisticsFileAndOrphanRemovalKeepsTheOthers() throws IOException {
    Table t = threeSnapshots();
    StatisticsFile first = statistics(t, t.snapshots().get(0));
    StatisticsFile last = statistics(t, t.snapshots().get(2));
    t.updateStatistics().setStatistics(first).setStatistics(last).commit();

    ExpireSnapshots.Result expired = t.expireSnapshots().expireSnapshotId(first.snapshotId()).commit();
    assertEquals(1, expired.deletedStatisticsFiles());
    assertFalse(Files.exists(Path.of(first.path())));
    assertEquals(List.of(last), t.refresh().metadata().statistics());

    DeleteOrphanFiles.Result orphans = t.deleteOrphanFiles().olderThan(System.currentTimeMillis() + 60_000).execute();
    assertFalse(orphans.orphanFiles().stream().anyMatch(f -> f.endsWith(".stats")), orphans.orphanFiles().toString());
    assertTrue(Files.exists(Path.of(last.path())));
  }

  @Test
  void floeCommitsKeepTheStatisticsIcebergSet() {
    Table t = threeSnapshots();
    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(t.location());
    long snapshotId = iceberg.currentSnapshot().snapshotId();
    iceberg.updateStatistics().setStatistics(new GenericStatisticsFile(snapshotId, t.location() + "/metadata/i.stats",
        10, 4, List.of(new GenericBlobMetadata("apache-datasketches-theta-v1", snapshotId, 3, List.of(1, 2),
            Map.of("ndv", "7"))))).commit();

    t.refresh().newAppend().appendRecords(TableFixtures.events(200, 5)).commit();
    t.updateSchema().addColumn("note", io.floe.types.PrimitiveType.parse("string")).commit();

    iceberg.refresh();
    assertEquals(1, iceberg.statisticsFiles().size());
    assertEquals(List.of(1, 2), iceberg.statisticsFiles().get(0).blobMetadata().get(0).fields());
    assertEquals(Map.of("ndv", "7"), t.refresh().metadata().statisticsFile(snapshotId).blobMetadata().get(0)
        .properties());
  }
}
