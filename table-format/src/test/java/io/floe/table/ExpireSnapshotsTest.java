package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.metadata.MetadataFiles;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotLogEntry;
import io.floe.partition.PartitionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot expiry: the retention rules, the metadata it commits, and the files it deletes (only unreachable ones). */
class ExpireSnapshotsTest {
  private static final PartitionSpec BY_REGION = PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build();

  @TempDir
  Path dir;

  private Table create(Map<String, String> props) {
    return new Tables(new LocalFileIO()).create(TableFixtures.EVENTS, BY_REGION, dir.resolve("t").toString(), props);
  }

  /** Seven snapshots: appends, a row delete, an overwrite, a compaction, an append. */
  private Table history(Map<String, String> props) {
    Table t = create(props);
    for (int i = 0; i < 3; i++) {
      t.newAppend().appendRecords(TableFixtures.events(i * 40L, 40)).commit();
      MaintenanceFixtures.tick();
    }
    t.newDelete().deleteFromRowFilter(Expressions.lessThan("id", 10L)).commit();
    MaintenanceFixtures.tick();
    t.newOverwrite().overwriteByRowFilter(Expressions.equal("region", "APAC")).addRecords(TableFixtures.events(1002, 1)).commit();
    MaintenanceFixtures.tick();
    t.rewriteDataFiles().execute();
    MaintenanceFixtures.tick();
    t.newAppend().appendRecords(TableFixtures.events(500, 20)).commit();
    MaintenanceFixtures.tick();
    return t.refresh();
  }

  private static List<Long> ids(List<Snapshot> snapshots) {
    return snapshots.stream().map(Snapshot::snapshotId).toList();
  }

  @Test
  void expiresOldSnapshotsThenDeletesExactlyTheFilesNoKeptSnapshotReaches() {
    Table t = history(Map.of());
    List<Snapshot> all = t.snapshots();
    assertEquals(7, all.size());
    Set<String> before = MaintenanceFixtures.listFiles(dir.resolve("t"));
    List<Record> current = RewriteDataFilesTest.sortedRows(t.newScan().records());

    ExpireSnapshots.Result r = t.expireSnapshots().expireOlderThan(System.currentTimeMillis() + 1).retainLast(2).commit();

    assertEquals(ids(all.subList(0, 5)), r.expiredSnapshotIds());
    t.refresh();
    assertEquals(ids(all.subList(5, 7)), ids(t.snapshots()));
    Set<String> after = MaintenanceFixtures.listFiles(dir.resolve("t"));
    Set<String> reachable = MaintenanceFixtures.reachableFiles(t);
    assertTrue(after.containsAll(reachable), "every file a kept snapshot reaches is still there");
    Set<String> deleted = new HashSet<>(before);
    deleted.removeAll(after);
    for (String f : deleted) {
      assertFalse(reachable.contains(f), "deleted a file a kept snapshot reaches: " + f);
    }
    // and only metadata JSON files and the hint remain besides what kept snapshots reach
    Set<String> rest = new HashSet<>(after);
    rest.removeAll(reachable);
    rest.removeIf(f -> MetadataFiles.parseVersion(f) > 0 || f.endsWith("version-hint.text"));
    assertEquals(Set.of(), rest, "every file only expired snapshots reached was deleted");
    assertEquals(5, r.deletedManifestLists());
    assertTrue(r.deletedDataFiles() > 0 && r.deletedManifests() > 0, r.toString());
    assertEquals(3, r.deletedStatisticsFiles(), "the distinct counts of the three first appends");
    assertEquals(deleted.size(), r.deletedDataFiles() + r.deletedManifests() + r.deletedManifestLists()
        + r.deletedStatisticsFiles());
    // kept snapshots read completely, the current one as before
    for (Snapshot s : t.snapshots()) {
      assertEquals(Long.parseLong(s.summary().get("total-records")), t.newScan().useSnapshot(s.snapshotId()).records().size());
    }
    assertEquals(current, RewriteDataFilesTest.sortedRows(t.newScan().records()));
    // the snapshot-log keeps only the kept snapshots; time travel to an expired one says so
    assertEquals(ids(t.snapshots()), t.history().stream().map(SnapshotLogEntry::snapshotId).toList());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> t.newScan().useSnapshot(all.get(0).snapshotId()).records());
    assertTrue(e.getMessage().contains("unknown snapshot"), e.getMessage());
  }

  @Test
  void tagsAndBranchesKeepWhatTheirRetentionSays() {
    Table t = history(Map.of());
    List<Snapshot> s = t.snapshots();
    t.manageSnapshots().createTag("tag1", s.get(1).snapshotId())
        .createBranch("branch", s.get(3).snapshotId()).setMinSnapshotsToKeep("branch", 2)
        .createTag("stale", s.get(0).snapshotId()).setMaxRefLifetimeMs("stale", 1)
        .commit();
    MaintenanceFixtures.tick();

    ExpireSnapshots.Result r = t.expireSnapshots().expireOlderThan(System.currentTimeMillis()).commit();

    assertEquals(List.of("stale"), r.removedRefs(), "a ref older than its max-ref-age-ms is dropped");
    t.refresh();
    Set<Long> kept = new HashSet<>(ids(t.snapshots()));
    assertEquals(Set.of(s.get(6).snapshotId(), s.get(1).snapshotId(), s.get(3).snapshotId(), s.get(2).snapshotId()), kept,
        "main's head, the tag's snapshot, and the branch's head with one ancestor (min-snapshots-to-keep 2)");
    assertEquals(Set.of("main", "tag1", "branch"), t.metadata().refs().keySet());
    assertEquals(ids(List.of(s.get(0), s.get(4), s.get(5))), r.expiredSnapshotIds());
    for (Snapshot k : t.snapshots()) {
      assertEquals(Long.parseLong(k.summary().get("total-records")), t.newScan().useSnapshot(k.snapshotId()).records().size());
    }
    assertEquals(Long.parseLong(s.get(1).summary().get("total-records")), t.newScan().useRef("tag1").records().size());
    Set<String> after = MaintenanceFixtures.listFiles(dir.resolve("t"));
    assertTrue(after.containsAll(MaintenanceFixtures.reachableFiles(t)));
  }

  @Test
  void filesOfARolledBackLineageAndOfADroppedBranchAreDeletedToo() {
    Table t = create(Map.of());
    Snapshot s1 = t.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    t.newAppend().appendRecords(TableFixtures.events(10, 10)).commit();
    t.newDelete().deleteFromRowFilter(Expressions.lessThan("id", 3L)).commit();
    t.manageSnapshots().rollbackTo(s1.snapshotId()).commit();
    t.newAppend().appendRecords(TableFixtures.events(100, 10)).commit();
    t.newAppend().toBranch("dev").appendRecords(TableFixtures.events(200, 10)).commit();
    t.manageSnapshots().removeBranch("dev").commit();
    MaintenanceFixtures.tick();

    ExpireSnapshots.Result r = t.expireSnapshots().expireOlderThan(System.currentTimeMillis()).commit();

    assertEquals(4, r.expiredSnapshotIds().size(), "s1, the two rolled-back snapshots and the dropped branch's");
    t.refresh();
    assertEquals(1, t.snapshots().size());
    Set<String> rest = MaintenanceFixtures.listFiles(dir.resolve("t"));
    rest.removeAll(MaintenanceFixtures.reachableFiles(t));
    rest.removeIf(f -> MetadataFiles.parseVersion(f) > 0 || f.endsWith("version-hint.text"));
    assertEquals(Set.of(), rest, "nothing only expired snapshots reached is left");
    assertEquals(20, t.newScan().records().size());
  }

  @Test
  void anExplicitIdIsExpiredAndTheSnapshotLogLosesEverythingUpToIt() {
    Table t = history(Map.of());
    List<Snapshot> s = t.snapshots();
    ExpireSnapshots.Result r = t.expireSnapshots().expireSnapshotId(s.get(2).snapshotId()).commit();
    assertEquals(List.of(s.get(2).snapshotId()), r.expiredSnapshotIds(), "the others are younger than the default 5 days");
    t.refresh();
    assertEquals(6, t.snapshots().size());
    assertNotNull(t.snapshot(s.get(1).snapshotId()));
    assertEquals(ids(s.subList(3, 7)), t.history().stream().map(SnapshotLogEntry::snapshotId).toList(),
        "entries before an expired snapshot's entry go too, so time travel never lands on the wrong snapshot");
    for (Snapshot k : t.snapshots()) {
      assertEquals(Long.parseLong(k.summary().get("total-records")), t.newScan().useSnapshot(k.snapshotId()).records().size());
    }
  }

  @Test
  void refusesToExpireARefsSnapshotOrAnUnknownOne() {
    Table t = history(Map.of());
    long head = t.currentSnapshot().snapshotId();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.expireSnapshots().expireSnapshotId(head).commit());
    assertTrue(e.getMessage().contains("[main]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.expireSnapshots().expireSnapshotId(42L).commit());
    assertTrue(e.getMessage().contains("42"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.expireSnapshots().retainLast(0));
    assertEquals(7, t.refresh().snapshots().size());
  }

  @Test
  void defaultsKeepEverySnapshotYoungerThanFiveDays() {
    Table t = history(Map.of());
    String metadataFile = t.metadata().metadataFileLocation();
    ExpireSnapshots.Result r = t.expireSnapshots().commit();
    assertEquals(List.of(), r.expiredSnapshotIds());
    assertEquals(metadataFile, t.refresh().metadata().metadataFileLocation(), "nothing to do: nothing committed");
  }

  @Test
  void tablePropertiesSetTheDefaults() {
    Table t = history(Map.of(TableProperties.MIN_SNAPSHOTS_TO_KEEP, "3", TableProperties.MAX_SNAPSHOT_AGE_MS, "1"));
    t.expireSnapshots().commit();
    assertEquals(3, t.refresh().snapshots().size(), "min-snapshots-to-keep 3 with everything older than 1 ms");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> history2(Map.of(TableProperties.MAX_SNAPSHOT_AGE_MS, "-5")).expireSnapshots().commit());
    assertTrue(e.getMessage().contains(TableProperties.MAX_SNAPSHOT_AGE_MS), e.getMessage());
  }

  private Table history2(Map<String, String> props) {
    Table t = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS, BY_REGION, dir.resolve("t2").toString(), props);
    t.newAppend().appendRecords(TableFixtures.events(0, 4)).commit();
    return t;
  }

  @Test
  void withoutCleaningNoFileIsDeletedAndGcDisabledRefusesToClean() {
    Table t = history(Map.of(TableProperties.GC_ENABLED, "false"));
    Set<String> before = MaintenanceFixtures.listFiles(dir.resolve("t").resolve("data"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> t.expireSnapshots().expireOlderThan(System.currentTimeMillis()).commit());
    assertTrue(e.getMessage().contains("gc.enabled"), e.getMessage());
    ExpireSnapshots.Result r = t.expireSnapshots().expireOlderThan(System.currentTimeMillis()).cleanExpiredFiles(false).commit();
    assertEquals(6, r.expiredSnapshotIds().size());
    assertEquals(0, r.deletedDataFiles());
    assertEquals(1, t.refresh().snapshots().size());
    assertEquals(before, MaintenanceFixtures.listFiles(dir.resolve("t").resolve("data")));
  }

  @Test
  void oldMetadataFilesAreDeletedAfterCommitWhenEnabled() {
    Table t = create(Map.of(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true",
        TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "2"));
    for (int i = 0; i < 6; i++) {
      t.newAppend().appendRecords(TableFixtures.events(i * 10L, 10)).commit();
    }
    Set<Integer> versions = new HashSet<>();
    for (String f : MaintenanceFixtures.listFiles(dir.resolve("t").resolve("metadata"))) {
      if (MetadataFiles.parseVersion(f) > 0) {
        versions.add(MetadataFiles.parseVersion(f));
      }
    }
    assertEquals(Set.of(5, 6, 7), versions, "the current version and the two the metadata-log keeps");
    Table reloaded = new Tables(new LocalFileIO()).load(t.location());
    assertEquals(60, reloaded.newScan().records().size());
    ConcurrentCommitTest.assertEverySnapshotReadable(reloaded);
  }

  @Test
  void concurrentAppendsDuringRepeatedExpiryLoseNothingAndKeptSnapshotsStayReadable() throws Exception {
    Table t = create(Map.of("commit.retry.num-retries", "200", "commit.retry.min-wait-ms", "2",
        "commit.retry.max-wait-ms", "50"));
    t.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean appending = new AtomicBoolean(true);
    AtomicInteger expiries = new AtomicInteger();
    List<Future<?>> appenders = new ArrayList<>();
    for (int w = 1; w <= 3; w++) {
      int worker = w;
      appenders.add(pool.submit(() -> CommitWorker.run(t.location(), worker, 8, "append", 0)));
    }
    Future<?> expirer = pool.submit(() -> {
      Table mine = new Tables(new LocalFileIO()).load(t.location());
      while (appending.get()) {
        mine.expireSnapshots().expireOlderThan(System.currentTimeMillis()).retainLast(2).commit();
        expiries.incrementAndGet();
      }
      return null;
    });
    for (Future<?> f : appenders) {
      f.get(5, TimeUnit.MINUTES);
    }
    appending.set(false);
    expirer.get(5, TimeUnit.MINUTES);
    pool.shutdown();
    assertTrue(expiries.get() > 0);

    Table r = new Tables(new LocalFileIO()).load(t.location());
    assertEquals(10 + 3 * 8 * 10, r.newScan().records().size(), "no append lost");
    assertTrue(MaintenanceFixtures.listFiles(dir.resolve("t")).containsAll(MaintenanceFixtures.reachableFiles(r)));
    ConcurrentCommitTest.assertEverySnapshotReadable(r);
    r.expireSnapshots().expireOlderThan(System.currentTimeMillis()).retainLast(1).commit();
    assertEquals(1, r.refresh().snapshots().size());
    assertEquals(250, r.newScan().records().size());
    assertNull(r.currentSnapshot().parentSnapshotId() == null ? null : r.snapshot(r.currentSnapshot().parentSnapshotId()));
  }

  @Test
  void aWriterWhoseStaleBaseWasExpiredRetriesOnTheNewBase() {
    Table t = create(Map.of());
    t.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    Table stale = new Tables(new LocalFileIO()).load(t.location());
    String staleList = stale.currentSnapshot().manifestList();
    DeleteFiles preparedBefore = stale.newDelete().deleteFromRowFilter(Expressions.equal("id", 3L));
    assertEquals(1, preparedBefore.removedFiles().size(), "worked out against the starting snapshot before the expiry");
    DeleteFiles startedBefore = stale.newDelete().deleteFromRowFilter(Expressions.equal("id", 4L));
    for (int i = 1; i <= 3; i++) {
      t.newAppend().appendRecords(TableFixtures.events(i * 10L, 10)).commit();
    }
    t.expireSnapshots().expireOlderThan(System.currentTimeMillis() + 1).retainLast(1).commit();
    assertFalse(java.nio.file.Files.exists(Path.of(staleList)), "the stale base's manifest list was expired");

    stale.newAppend().appendRecords(TableFixtures.events(100, 10)).commit();
    assertEquals(50, new Tables(new LocalFileIO()).load(t.location()).newScan().records().size());

    io.floe.commit.ConflictException e = assertThrows(io.floe.commit.ConflictException.class, preparedBefore::commit);
    assertTrue(e.getMessage().contains("expired"), e.getMessage());
    // so does one that has not worked out its files yet: the manifest list it starts from was expired (this process
    // still has it decoded in its manifest cache, so it gets as far as validation)
    io.floe.commit.ConflictException late = assertThrows(io.floe.commit.ConflictException.class, startedBefore::commit);
    assertTrue(late.getMessage().contains("expired"), late.getMessage());
    assertEquals(50, new Tables(new LocalFileIO()).load(t.location()).newScan().records().size());
  }
}
