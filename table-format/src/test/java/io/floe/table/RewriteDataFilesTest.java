package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.commit.ConflictException;
import io.floe.data.Record;
import io.floe.data.Records;
import io.floe.expressions.Expressions;
import io.floe.io.FileIO;
import io.floe.io.LocalFileIO;
import io.floe.manifest.DataFile;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.scan.FileScanTask;
import io.floe.types.Comparators;
import io.floe.types.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction: identical rows in fewer files, per partition, sorted when asked, and safe against concurrent commits. */
class RewriteDataFilesTest {
  private static final PartitionSpec BY_REGION = PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build();

  @TempDir
  Path dir;

  private Table manySmallFiles(FileIO io, int appends, int rowsPerAppend) {
    Table t = new Tables(io).create(TableFixtures.EVENTS, BY_REGION, dir.resolve("t").toString(), Map.of());
    for (int i = 0; i < appends; i++) {
      t.newAppend().appendRecords(TableFixtures.events((long) i * rowsPerAppend, rowsPerAppend)).commit();
    }
    return t;
  }

  private Table manySmallFiles(int appends, int rowsPerAppend) {
    return manySmallFiles(new LocalFileIO(), appends, rowsPerAppend);
  }

  /** Rows sorted by id, compared by all their values. */
  static List<Record> sortedRows(List<Record> rows) {
    List<Record> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingLong(TableFixtures::id));
    return sorted;
  }

  private static List<DataFile> liveFiles(Table t) {
    return t.newScan().planFiles().stream().map(FileScanTask::file).toList();
  }

  private static Map<Object, Long> filesPerPartition(Table t) {
    return liveFiles(t).stream().collect(Collectors.groupingBy(f -> String.valueOf(f.partition()), Collectors.counting()));
  }

  @Test
  void compactsManySmallFilesIntoOnePerPartitionWithIdenticalRows() {
    Table t = manySmallFiles(30, 12);
    List<Record> before = sortedRows(t.newScan().records());
    Snapshot start = t.currentSnapshot();
    assertEquals(120, liveFiles(t).size());

    RewriteDataFiles.Result result = t.rewriteDataFiles().execute();

    assertEquals(120, result.rewrittenFiles());
    assertEquals(4, result.addedFiles());
    assertEquals(360, result.rows());
    Snapshot s = result.snapshot();
    assertEquals("replace", s.operation());
    assertEquals("120", s.summary().get("deleted-data-files"));
    assertEquals("4", s.summary().get("added-data-files"));
    assertEquals("360", s.summary().get("total-records"));
    assertEquals(Long.toString(result.addedBytes()), s.summary().get("added-files-size"));
    t.refresh();
    assertEquals(s.snapshotId(), t.currentSnapshot().snapshotId());
    assertEquals(before, sortedRows(t.newScan().records()), "the same rows, value by value");
    assertEquals(4, liveFiles(t).size());
    filesPerPartition(t).values().forEach(n -> assertEquals(1L, n));
    assertEquals(before, sortedRows(t.newScan().useSnapshot(start.snapshotId()).records()), "the old snapshot reads as before");
    // pruning still works on the new files
    assertEquals(90, t.newScan().filter(Expressions.equal("region", "EU")).planFiles().get(0).file().recordCount());
  }

  @Test
  void aSmallTargetSizeRollsTheOutputIntoSeveralFiles() {
    Table t = manySmallFiles(40, 240);
    List<Record> before = sortedRows(t.newScan().records());
    long largestInput = liveFiles(t).stream().mapToLong(DataFile::fileSizeInBytes).max().orElseThrow();
    RewriteDataFiles.Result result = t.rewriteDataFiles().targetFileSizeBytes(largestInput * 4).execute();
    assertEquals(160, result.rewrittenFiles());
    assertTrue(result.addedFiles() >= 8, "2400 rows per partition roll into 2 or more files: " + result.addedFiles());
    assertTrue(result.addedFiles() < 160);
    assertEquals(before, sortedRows(t.refresh().newScan().records()));
  }

  @Test
  void onlySmallFilesInGroupsOfEnoughFilesAreRewritten() {
    Table t = manySmallFiles(3, 12);
    assertNull(t.rewriteDataFiles().minInputFiles(4).execute().snapshot(), "3 files per partition are not enough");
    assertEquals(3, t.refresh().snapshots().size(), "nothing was committed");
    // a partition with a single file is left alone
    t.newAppend().appendRecords(List.of(TableFixtures.events(1001, 1).get(0))).commit(); // region US (1001 % 4 == 1)
    RewriteDataFiles.Result r = t.rewriteDataFiles().execute();
    assertEquals(13, r.rewrittenFiles(), "EU 3, US 4, APAC 3, null 3");
    t.refresh();
    assertNull(t.rewriteDataFiles().execute().snapshot(), "one file per partition: nothing left to do");
    // files at or above 75% of the target are not small
    long size = liveFiles(t).stream().mapToLong(DataFile::fileSizeInBytes).min().orElseThrow();
    t.newAppend().appendRecords(TableFixtures.events(5000, 8)).commit();
    RewriteDataFiles.Result again = t.refresh().rewriteDataFiles().targetFileSizeBytes(size).execute();
    assertEquals(0, again.rewrittenFiles(), "the compacted files are not small against this target, so no pair is left");
  }

  @Test
  void aFilterLimitsTheRewriteToMatchingFiles() {
    Table t = manySmallFiles(10, 12);
    List<Record> before = sortedRows(t.newScan().records());
    RewriteDataFiles.Result r = t.rewriteDataFiles().filter(Expressions.equal("region", "EU")).execute();
    assertEquals(10, r.rewrittenFiles());
    assertEquals(1, r.addedFiles());
    Map<Object, Long> perPartition = filesPerPartition(t.refresh());
    assertEquals(1L, perPartition.get("[EU]"));
    assertEquals(10L, perPartition.get("[US]"));
    assertEquals(before, sortedRows(t.newScan().records()));
  }

  @Test
  void sortedRewriteWritesFilesInTheRequestedOrder() throws Exception {
    Table t = manySmallFiles(20, 24);
    List<Record> before = sortedRows(t.newScan().records());
    long largestInput = liveFiles(t).stream().mapToLong(DataFile::fileSizeInBytes).max().orElseThrow();
    RewriteDataFiles.Result r = t.rewriteDataFiles().sortBy("amount", false).sortBy("id", true)
        .targetFileSizeBytes(largestInput * 100).execute();
    assertEquals(4, r.addedFiles());
    assertEquals(before, sortedRows(t.refresh().newScan().records()));
    Comparator<Object> decimals = Comparators.forType(Types.decimal(10, 2));
    Comparator<Record> expectedOrder = Comparator.<Record, Object>comparing(x -> x.get(3), Comparator.nullsLast(decimals.reversed()))
        .thenComparing(x -> (Long) x.get(0));
    try (BufferAllocator allocator = new RootAllocator()) {
      for (DataFile f : liveFiles(t)) {
        List<Record> rows = new ArrayList<>();
        DataFileRows.read(t.io(), new FileScanTask(f, 0), t.schema(), allocator, row -> rows.add(Records.copy(row)));
        List<Record> sorted = new ArrayList<>(rows);
        sorted.sort(expectedOrder);
        assertEquals(sorted, rows, "file " + f.path() + " is sorted by amount desc nulls last, then id");
        assertTrue(rows.get(rows.size() - 1).get(3) == null, "nulls last when descending");
      }
    }
  }

  @Test
  void compactingABranchLeavesMainAlone() {
    Table t = manySmallFiles(5, 12);
    t.manageSnapshots().createBranch("dev").commit();
    t.newAppend().toBranch("dev").appendRecords(TableFixtures.events(5000, 12)).commit();
    long mainHead = t.refresh().currentSnapshot().snapshotId();
    List<Record> devRows = sortedRows(t.newScan().useRef("dev").records());

    RewriteDataFiles.Result r = t.rewriteDataFiles().toBranch("dev").execute();

    assertEquals(24, r.rewrittenFiles());
    t.refresh();
    assertEquals(mainHead, t.currentSnapshot().snapshotId());
    assertEquals(20, liveFiles(t).size(), "main keeps its small files");
    assertEquals(r.snapshot().snapshotId(), t.metadata().refs().get("dev").snapshotId());
    assertEquals(4, t.newScan().useRef("dev").planFiles().size());
    assertEquals(devRows, sortedRows(t.newScan().useRef("dev").records()));
  }

  @Test
  void badSortColumnOrFilterNamesTheProblemAndCommitsNothing() {
    Table t = manySmallFiles(3, 12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.rewriteDataFiles().sortBy("nope", true).execute());
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.rewriteDataFiles().filter(Expressions.equal("missing", 1)).execute());
    assertTrue(e.getMessage().contains(t.name()), e.getMessage());
    assertEquals(3, t.refresh().snapshots().size());
  }

  @Test
  void aConcurrentAppendSurvivesTheRewrite() {
    HookedFileIO io = new HookedFileIO();
    Table t = manySmallFiles(io, 10, 12);
    Table other = new Tables(new LocalFileIO()).load(t.location());
    Set<Long> expected = new HashSet<>(ConcurrentCommitTest.idSet(t.newScan().records()));
    expected.addAll(ConcurrentCommitTest.idSet(TableFixtures.events(9000, 8)));
    io.beforeNextDataFile(() -> other.newAppend().appendRecords(TableFixtures.events(9000, 8)).commit());

    RewriteDataFiles.Result r = t.rewriteDataFiles().execute();

    assertEquals(40, r.rewrittenFiles());
    t.refresh();
    assertEquals(12, t.snapshots().size(), "10 appends, the concurrent append, the rewrite");
    List<Record> rows = t.newScan().records();
    assertEquals(expected, ConcurrentCommitTest.idSet(rows));
    assertEquals(expected.size(), rows.size());
    ConcurrentCommitTest.assertEverySnapshotReadable(t);
  }

  @Test
  void aConcurrentDeleteOfARewrittenFileFailsTheRewriteCleanlyAndNoDeletedRowComesBack() throws Exception {
    HookedFileIO io = new HookedFileIO();
    Table t = manySmallFiles(io, 10, 12);
    Table other = new Tables(new LocalFileIO()).load(t.location());
    long[] deleted = new long[1];
    io.beforeNextDataFile(() -> deleted[0] = other.newDelete().deleteFromRowFilter(Expressions.equal("id", 5L)).commit().snapshotId());
    Set<String> filesBefore = listFiles();

    ConflictException e = assertThrows(ConflictException.class, () -> t.rewriteDataFiles().execute());
    assertTrue(e.getMessage().contains(Long.toString(deleted[0])), e.getMessage());

    Table reloaded = new Tables(new LocalFileIO()).load(t.location());
    assertEquals(deleted[0], reloaded.currentSnapshot().snapshotId(), "the rewrite committed nothing");
    Set<Long> ids = ConcurrentCommitTest.idSet(reloaded.newScan().records());
    assertFalse(ids.contains(5L), "the deleted row stays deleted");
    assertEquals(119, ids.size());
    Set<String> leftover = listFiles();
    leftover.removeAll(filesBefore);
    leftover.removeIf(p -> !p.endsWith(".parquet"));
    liveFiles(reloaded).forEach(f -> leftover.remove(f.path()));
    assertEquals(Set.of(), leftover, "the rewrite's new data files were deleted");
  }

  @Test
  void theCommitValidatesAgainstConcurrentRemovalsButNotAppends() {
    Table t = manySmallFiles(4, 12);
    List<DataFile> files = liveFiles(t);
    DataFile victim = files.get(0);
    RewriteFiles rewrite = new RewriteFiles(t.operations());
    new Tables(new LocalFileIO()).load(t.location()).newDelete().deleteFile(victim.path()).commit();
    rewrite.rewrite(files, List.of(), () -> { });
    ConflictException e = assertThrows(ConflictException.class, rewrite::commit);
    assertTrue(e.getMessage().contains(victim.path()), e.getMessage());
  }

  private Set<String> listFiles() throws java.io.IOException {
    try (var walk = Files.walk(dir.resolve("t"))) {
      return walk.filter(Files::isRegularFile).map(Path::toString).collect(Collectors.toCollection(HashSet::new));
    }
  }
}
