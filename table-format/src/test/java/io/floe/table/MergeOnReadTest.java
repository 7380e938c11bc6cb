package io.floe.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.commit.ConflictException;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.scan.ArrowScanReader;
import io.floe.scan.FileScanTask;
import io.floe.scan.ScanMetrics;
import io.floe.scan.TableScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables with merge-on-read delete files written by Apache Iceberg's own writers (as Spark and Trino write them):
 * Floe reads every snapshot as Iceberg does, keeps deleted rows deleted when it rewrites files (copy-on-write
 * deletes, compaction), and refuses a rewrite that a concurrent delete file, from another thread or process, would
 * undo.
 */
class MergeOnReadTest {
  static final Schema SCHEMA = new Schema(
      required(1, "id", Types.LongType.get()),
      optional(2, "region", Types.StringType.get()),
      optional(3, "qty", Types.IntegerType.get()),
      optional(4, "name", Types.StringType.get()));
  private static final int ROW_GROUP_BYTES = 2048;

  @TempDir
  Path dir;

  @Test
  void floeAppliesPositionAndEqualityDeletesByPartitionAndSequenceNumber() throws Exception {
    org.apache.iceberg.Table iceberg = create(PartitionSpec.builderFor(SCHEMA).identity("region").build());
    List<DataFile> first = IcebergDeleteWriter.writeData(iceberg, rows(0, 900), ROW_GROUP_BYTES);
    append(iceberg, first);
    DataFile r0 = fileOf(first, "r0");
    DataFile r1 = fileOf(first, "r1");
    // positions across row groups, and a path in the same partition that is no data file
    DeleteFile positions = IcebergDeleteWriter.positionDeletes(iceberg, r0,
        Map.of(r0.path().toString(), new long[] {0, 1, 2, 150, 151, 298, 299}, dir + "/elsewhere.parquet",
            new long[] {3}));
    // ids 1, 4, 7 are in r1; id 9 is in r0, which this delete file's partition excludes
    DeleteFile ids = IcebergDeleteWriter.equalityDeletes(iceberg,
        IcebergDeleteWriter.partitionOf(iceberg, row(1)), SCHEMA.select("id"),
        List.of(new Object[] {1L}, new Object[] {4L}, new Object[] {7L}, new Object[] {9L}));
    iceberg.newRowDelta().addDeletes(positions).addDeletes(ids).commit();
    // ids 1 and 4 come back in a later file, which the older equality deletes do not apply to
    List<DataFile> again = IcebergDeleteWriter.writeData(iceberg, List.of(row(1), row(4)), ROW_GROUP_BYTES);
    append(iceberg, again);
    DataFile r2 = fileOf(first, "r2");
    DeleteFile names = IcebergDeleteWriter.equalityDeletes(iceberg,
        IcebergDeleteWriter.partitionOf(iceberg, row(2)), SCHEMA.select("name"),
        List.of(new Object[] {null}, new Object[] {"n5"}));
    DeleteFile later = IcebergDeleteWriter.positionDeletes(iceberg, again.get(0),
        Map.of(again.get(0).path().toString(), new long[] {0}));
    // row 1019 (region r2, name n5) comes in the same commit as the equality delete of n5, which spares it
    List<DataFile> upserted = IcebergDeleteWriter.writeData(iceberg, List.of(row(1019)), ROW_GROUP_BYTES);
    iceberg.newRowDelta().addRows(upserted.get(0)).addDeletes(names).addDeletes(later).commit();

    Table floe = new Tables(new LocalFileIO()).load(iceberg.location());
    assertEquals(4, floe.snapshots().size());
    for (Snapshot s : iceberg.snapshots()) {
      assertEquals(icebergRows(iceberg, s.snapshotId(), null), floeRows(floe.newScan().useSnapshot(s.snapshotId())),
          "snapshot " + s.snapshotId() + " (" + s.operation() + ")");
    }
    Map<Long, List<Object>> current = floeRows(floe.newScan());
    assertFalse(current.containsKey(0L) || current.containsKey(7L), "deleted by position and by equality");
    assertTrue(current.containsKey(9L), "an equality delete applies to its own partition only");
    assertTrue(current.containsKey(1019L), "an equality delete spares the rows committed with it");
    assertFalse(current.containsKey(5L), "and deletes the older ones");
    assertEquals(1, current.keySet().stream().filter(id -> id == 1L || id == 4L).count(),
        "re-inserted ids survive the older equality deletes; the later position delete took one");
    long r2Rows = rows(0, 900).stream().filter(r -> "r2".equals(r.getField("region"))).count();
    assertTrue(current.values().stream().filter(r -> "r2".equals(r.get(1))).count() < r2Rows - 20);
    assertTrue(r1.recordCount() > 0 && r2.recordCount() > 0);

    // a filter on top of the deletes, in the scan and in the row groups it skips
    assertEquals(icebergRows(iceberg, null, org.apache.iceberg.expressions.Expressions.greaterThanOrEqual("qty", 20)),
        floeRows(floe.newScan().filter(Expressions.greaterThanOrEqual("qty", 20))));
    // split by row groups, each split finds the positions of its rows in the file
    TableScan scan = floe.newScan();
    Map<Long, List<Object>> bySplits = new TreeMap<>();
    int splits = 0;
    try (BufferAllocator allocator = new RootAllocator()) {
      for (FileScanTask task : scan.planFiles()) {
        for (int g = 0; g < task.rowGroupCount(); g++) {
          splits++;
          try (var batches = scan.batches(allocator, List.of(task.rowGroups(g, g + 1)))) {
            while (batches.hasNext()) {
              try (VectorSchemaRoot batch = batches.next()) {
                for (io.floe.data.Record r : io.floe.arrow.ArrowRows.toRecords(batch, floe.schema())) {
                  bySplits.put((Long) r.get(0), values(r));
                }
              }
            }
          }
        }
      }
    }
    assertTrue(splits > 8, "files of several row groups: " + splits);
    assertEquals(current, bySplits);
  }

  @Test
  void globalEqualityDeletesCompareSeveralColumnsWithNullsAndWidenedTypes() throws Exception {
    org.apache.iceberg.Table iceberg = create(PartitionSpec.unpartitioned());
    append(iceberg, IcebergDeleteWriter.writeData(iceberg, rows(0, 400), ROW_GROUP_BYTES));
    DeleteFile regionAndName = IcebergDeleteWriter.equalityDeletes(iceberg, null, SCHEMA.select("region", "name"),
        List.of(new Object[] {"r1", null}, new Object[] {"r2", "n3"}, new Object[] {null, "n1"}));
    DeleteFile qty = IcebergDeleteWriter.equalityDeletes(iceberg, null, SCHEMA.select("qty"),
        List.of(new Object[] {null}, new Object[] {17}));
    iceberg.newRowDelta().addDeletes(regionAndName).addDeletes(qty).commit();
    iceberg.updateSchema().updateColumn("qty", Types.LongType.get()).commit();
    List<Record> widened = new ArrayList<>();
    for (Record r : rows(400, 50)) {
      Record copy = GenericRecord.create(iceberg.schema());
      for (int i = 0; i < 4; i++) {
        copy.set(i, i == 2 && r.get(i) != null ? (Object) ((Integer) r.get(i)).longValue() : r.get(i));
      }
      widened.add(copy);
    }
    append(iceberg, IcebergDeleteWriter.writeData(iceberg, widened, ROW_GROUP_BYTES));

    Table floe = new Tables(new LocalFileIO()).load(iceberg.location());
    for (Snapshot s : iceberg.snapshots()) {
      assertEquals(icebergRows(iceberg, s.snapshotId(), null), floeRows(floe.newScan().useSnapshot(s.snapshotId())),
          "snapshot " + s.snapshotId());
    }
    Map<Long, List<Object>> current = floeRows(floe.newScan());
    assertFalse(current.values().stream().anyMatch(r -> r.get(2) == null && (Long) r.get(0) < 400));
    assertFalse(current.values().stream().anyMatch(r -> Long.valueOf(17).equals(r.get(2)) && (Long) r.get(0) < 400));
    assertTrue(current.values().stream().anyMatch(r -> r.get(2) == null), "rows appended after the delete stay");
  }

  @Test
  void floeRewritesKeepDeletedRowsDeleted() throws Exception {
    org.apache.iceberg.Table iceberg = create(PartitionSpec.builderFor(SCHEMA).identity("region").build());
    for (int batch = 0; batch < 3; batch++) {
      append(iceberg, IcebergDeleteWriter.writeData(iceberg, rows(batch * 300L, 300), ROW_GROUP_BYTES));
    }
    deleteSome(iceberg);

    Table floe = new Tables(new LocalFileIO()).load(iceberg.location());
    RewriteDataFiles.Result compacted = floe.rewriteDataFiles().targetFileSizeBytes(64L << 20).minInputFiles(2)
        .execute();
    assertEquals(9, compacted.rewrittenFiles());
    iceberg.refresh();
    Map<Long, List<Object>> compactedRows = floeRows(floe.refresh().newScan());
    assertEquals(icebergRows(iceberg, null, null), compactedRows);
    assertEquals(compacted.rows(), compactedRows.size());
    assertEquals(897, compactedRows.size());
    // every file the delete files applied to was rewritten: they went with them
    assertEquals(3, compacted.removedDeleteFiles());
    assertEquals("3", iceberg.currentSnapshot().summary().get("removed-delete-files"));
    assertEquals("0", iceberg.currentSnapshot().summary().get("total-delete-files"));
    assertEquals("897", iceberg.currentSnapshot().summary().get("total-records"));
    try (var tasks = iceberg.newScan().planFiles()) {
      for (var task : tasks) {
        assertTrue(task.deletes().isEmpty(), "Iceberg plans no delete file for " + task.file().path());
      }
    }
    long beforeCompaction = iceberg.currentSnapshot().parentId();
    assertEquals(icebergRows(iceberg, beforeCompaction, null),
        floeRows(floe.newScan().useSnapshot(beforeCompaction)), "the snapshot before keeps its delete files");

    floe.newDelete().deleteFromRowFilter(Expressions.equal("qty", 10)).commit();
    iceberg.refresh();
    Map<Long, List<Object>> after = floeRows(floe.refresh().newScan());
    assertEquals(icebergRows(iceberg, null, null), after);
    assertFalse(after.containsKey(0L) || after.containsKey(7L) || after.containsKey(310L));
    assertFalse(after.values().stream().anyMatch(r -> Integer.valueOf(10).equals(r.get(2))));
  }

  @Test
  void aCompactionOfOnePartitionRemovesOnlyTheDeleteFilesItLeftDangling() throws Exception {
    org.apache.iceberg.Table iceberg = create(PartitionSpec.builderFor(SCHEMA).identity("region").build());
    for (int batch = 0; batch < 3; batch++) {
      append(iceberg, IcebergDeleteWriter.writeData(iceberg, rows(batch * 300L, 300), ROW_GROUP_BYTES));
    }
    deleteSome(iceberg); // ids 0 (r0), 310 (r1) by position, 7 (r1) by equality
    Table floe = new Tables(new LocalFileIO()).load(iceberg.location());
    RewriteDataFiles.Result r0 = floe.rewriteDataFiles().filter(Expressions.equal("region", "r0"))
        .targetFileSizeBytes(64L << 20).minInputFiles(2).execute();
    assertEquals(3, r0.rewrittenFiles());
    assertEquals(1, r0.removedDeleteFiles(), "r0's position delete file; r1's two still apply");
    iceberg.refresh();
    Map<Long, List<Object>> rows = floeRows(floe.refresh().newScan());
    assertEquals(icebergRows(iceberg, null, null), rows);
    assertEquals(897, rows.size());
    assertEquals("2", iceberg.currentSnapshot().summary().get("total-delete-files"));

    // a copy-on-write delete that rewrites every file of r1 takes r1's delete files with it
    floe.newDelete().deleteFromRowFilter(Expressions.and(Expressions.equal("region", "r1"),
        Expressions.equal("qty", 10))).commit();
    iceberg.refresh();
    Map<Long, List<Object>> after = floeRows(floe.refresh().newScan());
    assertEquals(icebergRows(iceberg, null, null), after);
    assertFalse(after.containsKey(7L) || after.containsKey(310L), "the deleted rows stay deleted");
    assertEquals("0", iceberg.currentSnapshot().summary().get("total-delete-files"));
    assertEquals("2", iceberg.currentSnapshot().summary().get("removed-delete-files"));
  }

  @Test
  void aDeleteFileCommittedByAnotherThreadOrProcessDuringARewriteFailsTheRewrite() throws Exception {
    org.apache.iceberg.Table iceberg = create(PartitionSpec.builderFor(SCHEMA).identity("region").build());
    for (int batch = 0; batch < 3; batch++) {
      append(iceberg, IcebergDeleteWriter.writeData(iceberg, rows(batch * 300L, 300), ROW_GROUP_BYTES));
    }
    HookedFileIO io = new HookedFileIO();
    Table floe = new Tables(io).load(iceberg.location());

    // another thread deletes id 3 (region r0) by position while Floe compacts
    io.beforeNextDataFile(() -> {
      Thread other = new Thread(() -> deletePosition(iceberg.location(), 3L));
      other.start();
      join(other);
    });
    ConflictException byThread = assertThrows(ConflictException.class,
        () -> floe.rewriteDataFiles().targetFileSizeBytes(64L << 20).minInputFiles(2).execute());
    assertTrue(byThread.getMessage().contains("added delete file"), byThread.getMessage());

    // another process deletes id 6 while Floe deletes the rows of qty 12 (copy-on-write)
    Path log = dir.resolve("worker.log");
    io.beforeNextDataFile(() -> {
      try {
        Process worker = ChildJvm.start(PositionDeleteWorker.class, log, iceberg.location(), "6");
        assertTrue(worker.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, worker.exitValue(), Files.readString(log));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    ConflictException byProcess = assertThrows(ConflictException.class,
        () -> floe.refresh().newDelete().deleteFromRowFilter(Expressions.equal("qty", 12)).commit());
    assertTrue(byProcess.getMessage().contains("added delete file"), byProcess.getMessage());

    iceberg.refresh();
    Map<Long, List<Object>> rows = floeRows(floe.refresh().newScan());
    assertEquals(icebergRows(iceberg, null, null), rows);
    assertFalse(rows.containsKey(3L) || rows.containsKey(6L), "the concurrent deletes hold");
    assertEquals(898, rows.size(), "nothing else changed");
    // retried on the new head, both operations keep the rows deleted
    assertEquals(9, floe.rewriteDataFiles().targetFileSizeBytes(64L << 20).minInputFiles(2).execute().rewrittenFiles());
    floe.refresh().newDelete().deleteFromRowFilter(Expressions.equal("qty", 12)).commit();
    iceberg.refresh();
    Map<Long, List<Object>> retried = floeRows(floe.refresh().newScan());
    assertEquals(icebergRows(iceberg, null, null), retried);
    assertFalse(retried.containsKey(3L) || retried.containsKey(6L));
  }

  @Test
  void floeWritesPositionDeletesThatIcebergAndFloeApplyAndCompactionClears() throws Exception {
    org.apache.iceberg.Table iceberg = create(PartitionSpec.builderFor(SCHEMA).identity("region").build());
    for (int batch = 0; batch < 2; batch++) {
      append(iceberg, IcebergDeleteWriter.writeData(iceberg, rows(batch * 300L, 300), ROW_GROUP_BYTES));
    }
    deletePosition(iceberg.location(), 21L); // Iceberg's delete (qty 21) stays applied below Floe's
    Table floe = new Tables(new LocalFileIO()).load(iceberg.location());
    io.floe.types.Schema schema = floe.schema();

    // the rows of qty 21 or 22: their positions, read with the positions of the rows the reader returns
    OverwriteFiles delete = floe.newOverwrite().conflictDetectionFilter(Expressions.in("qty", 21, 22));
    long deleted = 0;
    int deleteFiles = 0;
    for (FileScanTask task : floe.newScan().planFiles()) {
      long[] matching = new long[(int) task.file().recordCount()];
      int count = 0;
      try (BufferAllocator allocator = new RootAllocator();
           ArrowScanReader reader = new ArrowScanReader(floe.io(), List.of(task), schema, schema,
               Expressions.alwaysTrue(), allocator, 37, new ScanMetrics()).trackingPositions()) {
        while (reader.hasNext()) {
          try (VectorSchemaRoot batch = reader.next()) {
            IntVector qty = (IntVector) batch.getVector("qty");
            for (int r = 0; r < batch.getRowCount(); r++) {
              if (!qty.isNull(r) && (qty.get(r) == 21 || qty.get(r) == 22)) {
                matching[count++] = reader.positions()[r];
              }
            }
          }
        }
      }
      if (count > 0) {
        delete.addPositionDeletes(PositionDeleteWriter.write(floe, task.file(), matching, count), task.file().path());
        deleted += count;
        deleteFiles++;
      }
    }
    io.floe.metadata.Snapshot s = delete.commit();
    assertEquals("delete", s.operation());
    assertEquals(Integer.toString(deleteFiles), s.summary().get("added-delete-files"));
    assertEquals(Long.toString(deleted), s.summary().get("added-position-deletes"));
    assertEquals(Integer.toString(deleteFiles + 1), s.summary().get("total-delete-files"));
    assertEquals("600", s.summary().get("total-records"), "data rows are counted as before, as Iceberg does");
    assertFalse(s.summary().containsKey("deleted-data-files"));

    iceberg.refresh();
    Map<Long, List<Object>> rows = floeRows(floe.refresh().newScan());
    assertEquals(icebergRows(iceberg, null, null), rows);
    assertEquals(600 - 1 - deleted, rows.size());
    assertFalse(rows.values().stream().anyMatch(r -> Long.valueOf(21).equals(r.get(2))
        || Long.valueOf(22).equals(r.get(2))));
    assertTrue(deleted >= 20, "rows of qty 22 in both appends: " + deleted);

    RewriteDataFiles.Result compacted = floe.rewriteDataFiles().targetFileSizeBytes(64L << 20).minInputFiles(1)
        .execute();
    assertEquals(deleteFiles + 1, compacted.removedDeleteFiles(), "Floe's and Iceberg's delete files are applied");
    iceberg.refresh();
    assertEquals(rows, floeRows(floe.refresh().newScan()));
    assertEquals(icebergRows(iceberg, null, null), rows);
  }

  @Test
  void aPositionDeleteOfAFileAnotherThreadOrProcessCompactedAwayFails() throws Exception {
    org.apache.iceberg.Table iceberg = create(PartitionSpec.unpartitioned());
    for (int batch = 0; batch < 2; batch++) {
      append(iceberg, IcebergDeleteWriter.writeData(iceberg, rows(batch * 100L, 100), ROW_GROUP_BYTES));
    }
    Table floe = new Tables(new LocalFileIO()).load(iceberg.location());
    for (boolean byProcess : new boolean[] {false, true}) {
      if (byProcess) { // the thread's compaction left one file: another to compact with it
        append(iceberg, IcebergDeleteWriter.writeData(iceberg, rows(200, 100), ROW_GROUP_BYTES));
      }
      FileScanTask task = floe.refresh().newScan().planFiles().get(0);
      OverwriteFiles delete = floe.newOverwrite()
          .addPositionDeletes(PositionDeleteWriter.write(floe, task.file(), new long[] {1, 2}, 2), task.file().path());
      if (byProcess) {
        Path log = dir.resolve("compact.log");
        Process worker = ChildJvm.start(CompactionWorker.class, log, iceberg.location());
        assertTrue(worker.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, worker.exitValue(), Files.readString(log));
      } else {
        Thread other = new Thread(() -> CompactionWorker.compact(iceberg.location()));
        other.start();
        join(other);
      }
      ConflictException conflict = assertThrows(ConflictException.class, delete::commit);
      assertTrue(conflict.getMessage().contains(task.file().path())
          && conflict.getMessage().contains("whose rows this operation deletes was removed"), conflict.getMessage());
      iceberg.refresh();
      assertEquals(byProcess ? 300 : 200, icebergRows(iceberg, null, null).size(), "no row was deleted");
      assertEquals("0", iceberg.currentSnapshot().summary().getOrDefault("total-delete-files", "0"));
    }
  }

  /** A second JVM compacting a table's files into one. */
  public static final class CompactionWorker {
    public static void main(String[] args) {
      compact(args[0]);
    }

    static void compact(String location) {
      new Tables(new LocalFileIO()).load(location).rewriteDataFiles().targetFileSizeBytes(64L << 20).minInputFiles(1)
          .execute();
    }
  }

  /** Deletes row {@code id} of an Iceberg table by position, as a merge-on-read engine does. */
  static void deletePosition(String location, long id) {
    try {
      IcebergDeleteWriter.deleteByPosition(new HadoopTables(new Configuration()).load(location), "id", id);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A second JVM deleting one row by position. */
  public static final class PositionDeleteWorker {
    public static void main(String[] args) {
      deletePosition(args[0], Long.parseLong(args[1]));
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void deleteSome(org.apache.iceberg.Table iceberg) throws Exception {
    deletePosition(iceberg.location(), 0L);
    deletePosition(iceberg.location(), 310L);
    iceberg.refresh();
    DeleteFile ids = IcebergDeleteWriter.equalityDeletes(iceberg,
        IcebergDeleteWriter.partitionOf(iceberg, row(7)), SCHEMA.select("id"), List.<Object[]>of(new Object[] {7L}));
    iceberg.newRowDelta().addDeletes(ids).commit();
  }

  private org.apache.iceberg.Table create(PartitionSpec spec) {
    return new HadoopTables(new Configuration()).create(SCHEMA, spec, Map.of("format-version", "2"),
        dir.resolve("t" + System.nanoTime()).toString());
  }

  private static void append(org.apache.iceberg.Table table, List<DataFile> files) {
    var append = table.newAppend();
    files.forEach(append::appendFile);
    append.commit();
  }

  private static DataFile fileOf(List<DataFile> files, String region) {
    return files.stream().filter(f -> region.equals(f.partition().get(0, String.class))).findFirst().orElseThrow();
  }

  static List<Record> rows(long first, int count) {
    List<Record> rows = new ArrayList<>();
    for (long id = first; id < first + count; id++) {
      rows.add(row(id));
    }
    return rows;
  }

  static Record row(long id) {
    GenericRecord r = GenericRecord.create(SCHEMA);
    r.set(0, id);
    r.set(1, "r" + (id % 3));
    r.set(2, id % 7 == 0 ? null : (int) (id % 50));
    r.set(3, id % 11 == 0 ? null : "n" + (id % 13));
    return r;
  }

  private static Map<Long, List<Object>> icebergRows(org.apache.iceberg.Table table, Long snapshot, Expression filter)
      throws Exception {
    var read = IcebergGenerics.read(table);
    if (snapshot != null) {
      read = read.useSnapshot(snapshot);
    }
    if (filter != null) {
      read = read.where(filter);
    }
    Map<Long, List<Object>> rows = new TreeMap<>();
    try (CloseableIterable<Record> records = read.build()) {
      for (Record r : records) {
        Object qty = r.getField("qty");
        rows.put((Long) r.get(0), Arrays.asList(r.get(0), r.get(1), qty instanceof Integer i ? (Object) i.longValue()
            : qty, r.get(3)));
      }
    }
    return rows;
  }

  private static Map<Long, List<Object>> floeRows(TableScan scan) {
    Map<Long, List<Object>> rows = new TreeMap<>();
    for (io.floe.data.Record r : scan.records()) {
      rows.put((Long) r.get(0), values(r));
    }
    return rows;
  }

  private static List<Object> values(io.floe.data.Record r) {
    Object qty = r.get(2);
    return Arrays.asList(r.get(0), r.get(1), qty instanceof Integer i ? (Object) i.longValue() : qty, r.get(3));
  }
}
