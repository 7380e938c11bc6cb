package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.expressions.Expressions;
import io.floe.io.FileIO;
import io.floe.io.InputFile;
import io.floe.io.LocalFileIO;
import io.floe.io.OutputFile;
import io.floe.partition.PartitionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orphan-file removal: only unreferenced files older than the threshold go; a dry run deletes nothing. */
class DeleteOrphanFilesTest {
  private static final long DAY = 24L * 60 * 60 * 1000;

  @TempDir
  Path dir;

  private Table table(Map<String, String> props) {
    Table t = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), dir.resolve("t").toString(), props);
    t.newAppend().appendRecords(TableFixtures.events(0, 40)).commit();
    t.newDelete().deleteFromRowFilter(Expressions.lessThan("id", 6L)).commit();
    t.newAppend().appendRecords(TableFixtures.events(40, 40)).commit();
    return t.refresh();
  }

  /** Sets every file of the table 10 days old, so that only references decide. */
  private void ageEverything() throws IOException {
    for (String f : MaintenanceFixtures.listFiles(dir.resolve("t"))) {
      Files.setLastModifiedTime(Path.of(f), FileTime.fromMillis(System.currentTimeMillis() - 10 * DAY));
    }
  }

  private Path plant(String relative, long ageMs) throws IOException {
    Path p = dir.resolve("t").resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[] {1, 2, 3});
    Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - ageMs));
    return p;
  }

  @Test
  void removesOnlyOldUnreferencedFilesAndADryRunDeletesNothing() throws Exception {
    Table t = table(Map.of());
    ageEverything();
    Set<String> old = new HashSet<>(List.of(
        plant("data/region=EU/stray-0.parquet", 5 * DAY).toString(),
        plant("data/orphan.parquet", 4 * DAY).toString(),
        plant("metadata/deadbeef-m0.avro", 5 * DAY).toString(),
        plant("metadata/snap-1-0-dead.avro", 5 * DAY).toString(),
        plant("metadata/v99.metadata.json.tmp", 5 * DAY).toString()));
    Path young = plant("data/region=US/in-flight.parquet", DAY);
    Set<String> before = MaintenanceFixtures.listFiles(dir.resolve("t"));

    DeleteOrphanFiles.Result dry = t.deleteOrphanFiles().dryRun(true).execute();
    assertEquals(old, new HashSet<>(dry.orphanFiles()));
    assertTrue(dry.dryRun());
    assertEquals(before, MaintenanceFixtures.listFiles(dir.resolve("t")), "a dry run deletes nothing");

    DeleteOrphanFiles.Result r = t.deleteOrphanFiles().execute();
    assertEquals(old, new HashSet<>(r.orphanFiles()));
    Set<String> expected = new HashSet<>(before);
    expected.removeAll(old);
    assertEquals(expected, MaintenanceFixtures.listFiles(dir.resolve("t")));
    assertTrue(Files.exists(young), "younger than the 3-day default: may belong to a commit in progress");
    Table reloaded = new Tables(new LocalFileIO()).load(t.location());
    ConcurrentCommitTest.assertEverySnapshotReadable(reloaded);
    assertEquals(74, reloaded.newScan().records().size());

    DeleteOrphanFiles.Result younger = t.deleteOrphanFiles().olderThan(System.currentTimeMillis()).execute();
    assertEquals(List.of(young.toString()), younger.orphanFiles());
  }

  @Test
  void findsExactlyWhatAnExpiryWithoutCleaningLeftBehind() throws Exception {
    Table t = table(Map.of());
    Set<String> before = MaintenanceFixtures.listFiles(dir.resolve("t"));
    t.expireSnapshots().expireOlderThan(System.currentTimeMillis() + 1).cleanExpiredFiles(false).commit();
    Set<String> leftBehind = new HashSet<>(before);
    leftBehind.removeAll(MaintenanceFixtures.reachableFiles(t.refresh()));
    leftBehind.removeIf(f -> f.endsWith(".metadata.json") || f.endsWith("version-hint.text"));
    assertTrue(leftBehind.size() >= 3, "two manifest lists and the deleted data file at least: " + leftBehind);

    DeleteOrphanFiles.Result r = t.deleteOrphanFiles().olderThan(System.currentTimeMillis() + 1).execute();
    assertEquals(leftBehind, new HashSet<>(r.orphanFiles()));
    ConcurrentCommitTest.assertEverySnapshotReadable(new Tables(new LocalFileIO()).load(t.location()));
  }

  @Test
  void oldMetadataVersionsOutsideTheLogAreOrphansButTheTableStillLoads() throws Exception {
    Table t = table(Map.of(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "1"));
    DeleteOrphanFiles.Result r = t.deleteOrphanFiles().olderThan(System.currentTimeMillis() + 1).execute();
    assertEquals(List.of("v1.metadata.json", "v2.metadata.json"),
        r.orphanFiles().stream().map(f -> f.substring(f.lastIndexOf('/') + 1)).sorted().toList());
    Table reloaded = new Tables(new LocalFileIO()).load(t.location());
    assertEquals(74, reloaded.newScan().records().size());
  }

  @Test
  void aFileIoThatCannotListIsNotSupportedAndGcDisabledRefuses() {
    Table t = table(Map.of(TableProperties.GC_ENABLED, "false"));
    IllegalStateException gc = assertThrows(IllegalStateException.class, () -> t.deleteOrphanFiles().execute());
    assertTrue(gc.getMessage().contains("gc.enabled"), gc.getMessage());

    LocalFileIO local = new LocalFileIO();
    FileIO noListing = new FileIO() {
      @Override
      public InputFile newInputFile(String location) {
        return local.newInputFile(location);
      }

      @Override
      public OutputFile newOutputFile(String location) {
        return local.newOutputFile(location);
      }

      @Override
      public void deleteFile(String location) {
        local.deleteFile(location);
      }
    };
    Table unlistable = new Tables(noListing).load(t.location());
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> unlistable.deleteOrphanFiles().execute());
    assertTrue(e.getMessage().startsWith("not supported:") && e.getMessage().contains("list"), e.getMessage());
  }

  @Test
  void fileUrisAndPlainPathsMatch() {
    assertEquals("/a/b", DeleteOrphanFiles.normalize("file:/a/b"));
    assertEquals("/a/b", DeleteOrphanFiles.normalize("file:///a/b"));
    assertEquals("/a/b", DeleteOrphanFiles.normalize("/a/b"));
    assertEquals("s3://bucket/a", DeleteOrphanFiles.normalize("s3://bucket/a"));
  }
}
