package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.metadata.StatisticsFile;
import io.floe.partition.PartitionSpec;
import io.floe.puffin.ColumnThetaSketches;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.Sketches;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.puffin.BlobMetadata;
import org.apache.iceberg.puffin.Puffin;
import org.apache.iceberg.puffin.PuffinReader;
import org.apache.iceberg.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An append of rows Floe writes commits the table's distinct counts with its snapshot: the new rows' theta sketches
 * added to the parent snapshot's statistics file, estimating what {@link ComputeTableStatistics} computes by reading
 * the whole snapshot, in a file Apache Iceberg lists and reads.
 */
class AppendDistinctCountsTest {
  @TempDir
  Path dir;

  private Table create(String name, Map<String, String> properties) {
    return new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), dir.resolve(name).toString(),
        properties);
  }

  private static Map<Integer, Long> ndvs(Table table, Snapshot snapshot) {
    StatisticsFile file = table.refresh().metadata().statisticsFile(snapshot.snapshotId());
    assertNotNull(file, "snapshot " + snapshot.snapshotId() + " has a statistics file");
    return ColumnThetaSketches.distinctCounts(file);
  }

  /** What ANALYZE computes for the current snapshot (replacing the append's file). */
  private static Map<Integer, Long> analyzed(Table table) {
    return ColumnThetaSketches.distinctCounts(table.computeStatistics().commit());
  }

  @Test
  void eachAppendAddsItsRowsSketchesToTheParentsAndIcebergReadsThem() throws Exception {
    Table t = create("t", Map.of());
    Snapshot first = t.newAppend().appendRecords(TableFixtures.events(0, 300)).commit();
    assertEquals(Map.of(1, 300L, 2, 300L, 3, 3L, 4, 240L), ndvs(t, first));
    TableWriter writer = t.newAppendWriter();
    writer.writeAll(TableFixtures.events(300, 400));
    writer.writeAll(TableFixtures.events(100, 300)); // ids seen before: no new distinct values
    Snapshot second = t.newAppend().appendWritten(writer).commit();
    // id: 0..699; ts: one per id; region: 3 (NULL is no value); amount: id * 3 of the 560 ids not divisible by 5
    Map<Integer, Long> appended = ndvs(t, second);
    assertEquals(Map.of(1, 700L, 2, 700L, 3, 3L, 4, 560L), appended);

    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(t.location());
    assertEquals(2, iceberg.statisticsFiles().size());
    org.apache.iceberg.StatisticsFile listed = iceberg.statisticsFiles().stream()
        .filter(f -> f.snapshotId() == second.snapshotId()).findFirst().orElseThrow();
    Map<Integer, Long> read = new HashMap<>();
    try (PuffinReader reader = Puffin.read(iceberg.io().newInputFile(listed.path()))
        .withFileSize(listed.fileSizeInBytes()).withFooterSize(listed.fileFooterSizeInBytes()).build()) {
      for (Pair<BlobMetadata, ByteBuffer> blob : reader.readAll(reader.fileMetadata().blobs())) {
        ByteBuffer bytes = blob.second();
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        read.put(blob.first().inputFields().get(0), Math.round(Sketches.wrapSketch(Memory.wrap(array)).getEstimate()));
        assertEquals(second.snapshotId(), blob.first().snapshotId());
      }
    }
    assertEquals(appended, read);
    assertEquals(analyzed(t), appended);
  }

  @Test
  void beyondExactCountsTheUnionEstimatesAsOneSketchOverTheTableWould() {
    Table t = create("big", Map.of());
    t.newAppend().appendRecords(TableFixtures.events(0, 20_000)).commit();
    Snapshot last = t.newAppend().appendRecords(TableFixtures.events(10_000, 25_000)).commit();
    long appended = ndvs(t, last).get(1);
    long analyzed = analyzed(t).get(1);
    assertTrue(Math.abs(appended - 35_000) < 35_000 * 0.03, "estimate " + appended + " of 35,000 ids");
    assertTrue(Math.abs(appended - analyzed) < 35_000 * 0.03, "append " + appended + ", ANALYZE " + analyzed);
  }

  @Test
  void noCountsAfterRowsOfUnknownValuesUntilAnalyzed() {
    Table t = create("t", Map.of());
    t.newAppend().appendRecords(TableFixtures.events(0, 100)).commit();
    TableWriter elsewhere = t.newWriter(); // keeps no sketches: its files are as if written by another engine
    elsewhere.writeAll(TableFixtures.events(100, 100));
    Snapshot withFile = t.newAppend().appendWritten(elsewhere).commit();
    assertNull(t.refresh().metadata().statisticsFile(withFile.snapshotId()));
    Snapshot afterIt = t.newAppend().appendRecords(TableFixtures.events(200, 100)).commit();
    assertNull(t.refresh().metadata().statisticsFile(afterIt.snapshotId()), "the parent has no counts to add to");

    analyzed(t);
    Snapshot again = t.newAppend().appendRecords(TableFixtures.events(300, 100)).commit();
    assertEquals(400L, ndvs(t, again).get(1));
    assertEquals(analyzed(t), ndvs(t, again));
  }

  @Test
  void aCompactionKeepsTheCountsSoLaterAppendsAddToThem() {
    Table t = create("t", Map.of());
    for (int i = 0; i < 3; i++) {
      t.newAppend().appendRecords(TableFixtures.events(i * 100L, 100)).commit();
    }
    Map<Integer, Long> before = ndvs(t, t.currentSnapshot());
    t.rewriteDataFiles().execute();
    Snapshot compacted = t.refresh().currentSnapshot();
    assertEquals("replace", compacted.summary().get("operation"));
    assertEquals(before, ndvs(t, compacted), "the same rows, the same counts");
    Snapshot next = t.newAppend().appendRecords(TableFixtures.events(300, 100)).commit();
    assertEquals(400L, ndvs(t, next).get(1));
    assertEquals(analyzed(t), ndvs(t, next));
  }

  @Test
  void anUnreadableStatisticsFileOfTheParentCostsTheCountsNotTheAppend() throws IOException {
    Table t = create("t", Map.of());
    Snapshot first = t.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    Path broken = Path.of(t.location(), "metadata", "broken.stats");
    Files.write(broken, new byte[] {1, 2, 3});
    t.updateStatistics().setStatistics(new StatisticsFile(first.snapshotId(), broken.toString(), 3, 1, null, List.of(
        new StatisticsFile.BlobMetadata(ColumnThetaSketches.BLOB_TYPE, first.snapshotId(), first.sequenceNumber(),
            List.of(1), Map.of(ColumnThetaSketches.NDV_PROPERTY, "10"))))).commit();
    Snapshot next = t.refresh().newAppend().appendRecords(TableFixtures.events(10, 10)).commit();
    assertEquals(20, t.refresh().newScan().records().size());
    assertNull(t.metadata().statisticsFile(next.snapshotId()));
  }

  @Test
  void aColumnTheParentsFileLacksIsLeftOut() {
    Table t = create("t", Map.of(TableProperties.WRITE_DISTINCT_COUNTS, "false"));
    t.newAppend().appendRecords(TableFixtures.events(0, 100)).commit();
    assertTrue(t.refresh().metadata().statistics().isEmpty(), "the property turns collection off");
    t.computeStatistics().columns(List.of("region", "id")).commit();
    t.updateProperties().remove(TableProperties.WRITE_DISTINCT_COUNTS).commit();
    Snapshot next = t.refresh().newAppend().appendRecords(TableFixtures.events(100, 100)).commit();
    assertEquals(Map.of(1, 200L, 3, 3L), ndvs(t, next));
  }

  @Test
  void concurrentAppendsAddTheirRowsToTheSnapshotTheyLandOn() throws Exception {
    String location = create("t", Map.of(TableProperties.COMMIT_MIN_RETRY_WAIT_MS, "1",
        TableProperties.COMMIT_MAX_RETRY_WAIT_MS, "20", TableProperties.COMMIT_NUM_RETRIES, "50")).location();
    int threads = 4;
    int rows = 250;
    CyclicBarrier go = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> appends = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        long first = (long) i * rows;
        appends.add(pool.submit(() -> {
          Table own = new Tables(new LocalFileIO()).load(location);
          AppendFiles append = own.newAppend().appendRecords(TableFixtures.events(first, rows));
          go.await();
          return append.commit();
        }));
      }
      for (Future<?> append : appends) {
        append.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Table t = new Tables(new LocalFileIO()).load(location);
    assertEquals(threads, t.snapshots().size());
    assertEachSnapshotCountsTheIdsOfItsHistory(t, rows);
    assertEquals(analyzed(t).get(1), (long) threads * rows);
    try (Stream<Path> files = Files.list(Path.of(location, "metadata"))) {
      assertEquals(threads + 1, files.filter(f -> f.toString().endsWith(".stats")).count(),
          "one statistics file per snapshot (plus ANALYZE's): a lost attempt's file is deleted");
    }
  }

  /**
   * Every snapshot's statistics file counts {@code idsPerAppend} new ids for itself and each of its ancestors: the
   * appends raced, and each added its rows to the file of the parent it landed on (also used by the multi-process
   * test, {@link ConcurrentCommitTest}).
   */
  static void assertEachSnapshotCountsTheIdsOfItsHistory(Table t, long idsPerAppend) {
    for (Snapshot s : t.snapshots()) {
      long history = Stream.iterate(s, p -> p != null,
          p -> p.parentSnapshotId() == null ? null : t.metadata().snapshot(p.parentSnapshotId())).count();
      assertEquals(history * idsPerAppend, ndvs(t, s).get(1), "snapshot " + s.snapshotId() + " counts its history");
    }
  }
}
