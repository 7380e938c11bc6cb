package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.commit.ConflictException;
import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.manifest.DataFile;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dynamic partition overwrite: which files go, which stay, and its validation against concurrent commits. */
class ReplacePartitionsTest {
  @TempDir
  Path dir;

  private Table create(PartitionSpec spec, Map<String, String> props) {
    return new Tables(new LocalFileIO()).create(TableFixtures.EVENTS, spec, dir.resolve("t").toString(), props);
  }

  private Table byRegion() {
    Table t = create(PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), Map.of());
    t.newAppend().appendRecords(TableFixtures.events(0, 40)).commit();
    t.newAppend().appendRecords(TableFixtures.events(40, 40)).commit();
    return t;
  }

  /** Rows whose region is one of {@code regions}. */
  private static List<Record> inRegions(List<Record> rows, String... regions) {
    Set<String> wanted = new HashSet<>(List.of(regions));
    return rows.stream().filter(r -> wanted.contains((String) r.get(2))).toList();
  }

  private static Set<Long> ids(List<Record> rows) {
    return rows.stream().map(TableFixtures::id).collect(Collectors.toSet());
  }

  @Test
  void replacesOnlyThePartitionsThatReceiveNewFiles() {
    Table t = byRegion();
    List<Record> before = t.newScan().records();
    List<String> filesBefore = t.newScan().planFiles().stream().map(f -> f.file().path()).toList();
    List<Record> fresh = inRegions(TableFixtures.events(1000, 40), "EU", "US"); // 20 rows
    Snapshot s = t.newReplacePartitions().addRecords(fresh).commit();

    assertEquals("overwrite", s.operation());
    List<Record> after = t.refresh().newScan().records();
    Set<Long> expected = ids(fresh);
    for (Record r : before) {
      if (!"EU".equals(r.get(2)) && !"US".equals(r.get(2))) {
        expected.add(TableFixtures.id(r));
      }
    }
    assertEquals(expected, ids(after));
    assertEquals(expected.size(), after.size());
    long replacedFiles = filesBefore.stream().filter(p -> p.contains("region=EU") || p.contains("region=US")).count();
    assertTrue(replacedFiles >= 4, "both appends wrote files into EU and US");
    assertEquals(Long.toString(replacedFiles), s.summary().get("deleted-data-files"));
    assertEquals(Long.toString(expected.size()), s.summary().get("total-records"));
    // the APAC and null partitions keep their very files
    Set<String> kept = t.newScan().planFiles().stream().map(f -> f.file().path()).collect(Collectors.toSet());
    for (String p : filesBefore) {
      assertEquals(!(p.contains("region=EU") || p.contains("region=US")), kept.contains(p), p);
    }
    // the replaced snapshot is still readable as it was
    assertEquals(ids(before), ids(t.newScan().useSnapshot(s.parentSnapshotId()).records()));
  }

  @Test
  void unpartitionedTableIsReplacedWhole() {
    Table t = create(PartitionSpec.unpartitioned(TableFixtures.EVENTS), Map.of());
    t.newAppend().appendRecords(TableFixtures.events(0, 30)).commit();
    t.newAppend().appendRecords(TableFixtures.events(30, 30)).commit();
    t.newReplacePartitions().addRecords(TableFixtures.events(500, 7)).commit();
    assertEquals(ids(TableFixtures.events(500, 7)), ids(t.refresh().newScan().records()));
  }

  @Test
  void addFileWrittenElsewhereReplacesItsPartition() {
    Table t = byRegion();
    TableWriter writer = t.newWriter();
    writer.writeAll(inRegions(TableFixtures.events(2000, 8), "APAC"));
    List<DataFile> files = writer.complete();
    ReplacePartitions replace = t.newReplacePartitions();
    files.forEach(replace::addFile);
    replace.commit();
    List<Record> apac = t.refresh().newScan().filter(Expressions.equal("region", "APAC")).records();
    assertEquals(ids(inRegions(TableFixtures.events(2000, 8), "APAC")), ids(apac));
    assertEquals(20, t.newScan().filter(Expressions.equal("region", "EU")).records().size());
  }

  @Test
  void aFileOfAnotherSpecIsRefusedNamingIt() {
    Table t = byRegion();
    DataFile f = t.newScan().planFiles().get(0).file();
    DataFile otherSpec = new DataFile(f.content(), f.path(), f.format(), 7, f.partition(), f.recordCount(),
        f.fileSizeInBytes(), f.metrics(), f.splitOffsets(), null, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.newReplacePartitions().addFile(otherSpec));
    assertTrue(e.getMessage().contains(f.path()) && e.getMessage().contains("spec 7"), e.getMessage());
  }

  @Test
  void concurrentAppendToAReplacedPartitionIsAConflictAndTheNewFilesAreDeleted() throws Exception {
    Table t = byRegion();
    Table other = new Tables(new LocalFileIO()).load(t.location());
    ReplacePartitions replace = t.newReplacePartitions().addRecords(inRegions(TableFixtures.events(1000, 8), "EU"));
    List<String> written = writtenPaths(replace);
    assertFalse(written.isEmpty());
    written.forEach(p -> assertTrue(Files.exists(Path.of(p))));
    Snapshot append = other.newAppend().appendRecords(inRegions(TableFixtures.events(3000, 8), "EU")).commit();

    ConflictException e = assertThrows(ConflictException.class, replace::commit);
    assertTrue(e.getMessage().contains("replaces") && e.getMessage().contains(Long.toString(append.snapshotId())), e.getMessage());
    for (String p : written) {
      assertFalse(Files.exists(Path.of(p)), "new file of the failed replace was deleted: " + p);
    }
    Table reloaded = new Tables(new LocalFileIO()).load(t.location());
    assertEquals(append.snapshotId(), reloaded.currentSnapshot().snapshotId());
    assertEquals(82, reloaded.newScan().records().size());
  }

  @Test
  void concurrentChangesElsewhereDoNotConflict() {
    Table t = byRegion();
    Table other = new Tables(new LocalFileIO()).load(t.location());
    ReplacePartitions replace = t.newReplacePartitions().addRecords(inRegions(TableFixtures.events(1000, 8), "EU"));
    other.newAppend().appendRecords(inRegions(TableFixtures.events(3000, 8), "US")).commit();
    other.refresh().newDelete().deleteFromRowFilter(Expressions.equal("region", "APAC")).commit();
    replace.commit();
    Table r = t.refresh();
    assertEquals(2, r.newScan().filter(Expressions.equal("region", "EU")).records().size());
    assertEquals(22, r.newScan().filter(Expressions.equal("region", "US")).records().size());
    assertEquals(0, r.newScan().filter(Expressions.equal("region", "APAC")).records().size());
  }

  @Test
  void concurrentRemovalInAReplacedPartitionConflictsEvenUnderSnapshotIsolation() {
    Table t = byRegion();
    Table other = new Tables(new LocalFileIO()).load(t.location());
    ReplacePartitions replace = t.newReplacePartitions().isolationLevel(IsolationLevel.SNAPSHOT)
        .addRecords(inRegions(TableFixtures.events(1000, 8), "EU"));
    String euFile = t.newScan().filter(Expressions.equal("region", "EU")).planFiles().get(0).file().path();
    other.newDelete().deleteFile(euFile).commit();
    ConflictException e = assertThrows(ConflictException.class, replace::commit);
    assertTrue(e.getMessage().contains(euFile), e.getMessage());
  }

  @Test
  void snapshotIsolationKeepsAConcurrentAppendToAReplacedPartition() {
    Table t = create(PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(),
        Map.of(TableProperties.ISOLATION_LEVEL, "snapshot"));
    t.newAppend().appendRecords(TableFixtures.events(0, 40)).commit();
    Table other = new Tables(new LocalFileIO()).load(t.location());
    ReplacePartitions replace = t.newReplacePartitions().addRecords(inRegions(TableFixtures.events(1000, 8), "EU"));
    other.newAppend().appendRecords(inRegions(TableFixtures.events(3000, 8), "EU")).commit();
    replace.commit();
    Set<Long> eu = ids(t.refresh().newScan().filter(Expressions.equal("region", "EU")).records());
    Set<Long> expected = new HashSet<>(ids(inRegions(TableFixtures.events(1000, 8), "EU")));
    expected.addAll(ids(inRegions(TableFixtures.events(3000, 8), "EU")));
    assertEquals(expected, eu, "what was in EU at the start is replaced; the concurrent append stays");
  }

  @Test
  void replacingOnABranchLeavesMainAlone() {
    Table t = byRegion();
    long mainHead = t.currentSnapshot().snapshotId();
    Snapshot s = t.newReplacePartitions().toBranch("dev").addRecords(inRegions(TableFixtures.events(1000, 8), "EU")).commit();
    t.refresh();
    assertEquals(mainHead, t.currentSnapshot().snapshotId());
    assertEquals(s.snapshotId(), t.metadata().refs().get("dev").snapshotId());
    assertEquals(20, t.newScan().filter(Expressions.equal("region", "EU")).records().size());
    assertEquals(Set.of(1000L, 1004L), ids(t.newScan().useRef("dev").filter(Expressions.equal("region", "EU")).records()));
    assertEquals(62, t.newScan().useRef("dev").records().size());
  }

  private static List<String> writtenPaths(ReplacePartitions replace) {
    return replace.addedFiles().stream().map(DataFile::path).toList();
  }
}
