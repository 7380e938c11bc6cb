package io.floe.table;

import static io.floe.table.RefTestSupport.append;
import static io.floe.table.RefTestSupport.concat;
import static io.floe.table.RefTestSupport.idsAt;
import static io.floe.table.RefTestSupport.load;
import static io.floe.table.RefTestSupport.range;
import static io.floe.table.RefTestSupport.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotLogEntry;
import io.floe.metadata.SnapshotRef;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branch and tag management, retention settings and rollback: each operation, its errors, and reads after it. */
class ManageSnapshotsTest {
  @TempDir
  Path dir;

  @Test
  void createsBranchesAndTagsAsAMetadataOnlyCommit() throws Exception {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    Snapshot s2 = append(t, 10, 10);
    TableMetadata before = t.metadata();

    TableMetadata after = t.manageSnapshots()
        .createBranch("dev")
        .createBranch("old", s1.snapshotId())
        .createTag("v1", s1.snapshotId())
        .commit();

    assertNotEquals(before.metadataFileLocation(), after.metadataFileLocation(), "a new metadata version");
    assertEquals(before.snapshots(), after.snapshots(), "no new snapshot");
    assertEquals(before.snapshotLog(), after.snapshotLog(), "main did not move");
    assertEquals(s2.snapshotId(), after.currentSnapshotId());
    Table r = load(t);
    assertEquals(Map.of("main", SnapshotRef.branch(s2.snapshotId()), "dev", SnapshotRef.branch(s2.snapshotId()),
        "old", SnapshotRef.branch(s1.snapshotId()), "v1", SnapshotRef.tag(s1.snapshotId())), r.refs());
    assertEquals(range(0, 20), idsAt(r, "dev"));
    assertEquals(range(0, 10), idsAt(r, "old"));
    assertEquals(range(0, 10), idsAt(r, "v1"));
    assertEquals(range(0, 20), sorted(r.newScan().records()));
  }

  @Test
  void replacesRemovesAndRenamesRefs() {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    Snapshot s2 = append(t, 10, 10);
    t.manageSnapshots().createBranch("dev", s1.snapshotId()).createTag("v1", s1.snapshotId())
        .createTag("gone", s2.snapshotId()).createBranch("tmp").commit();

    t.manageSnapshots().replaceBranch("dev", s2.snapshotId()).replaceTag("v1", s2.snapshotId()).removeTag("gone")
        .removeBranch("tmp").renameBranch("dev", "staging").commit();

    Table r = load(t);
    assertEquals(Map.of("main", SnapshotRef.branch(s2.snapshotId()), "staging", SnapshotRef.branch(s2.snapshotId()),
        "v1", SnapshotRef.tag(s2.snapshotId())), r.refs());
    assertEquals(2, r.snapshots().size(), "removing refs removes no snapshot");
    assertEquals(range(0, 20), idsAt(r, "staging"));
    assertEquals(range(0, 10), idsAt(r, s1.snapshotId()));
  }

  @Test
  void storesRetentionSettingsInTheRefs() throws Exception {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    TableMetadata m = t.manageSnapshots().createBranch("dev").createTag("v1", s1.snapshotId())
        .setMinSnapshotsToKeep("dev", 5).setMaxSnapshotAgeMs("dev", 3_600_000L).setMaxRefLifetimeMs("dev", 86_400_000L)
        .setMaxRefLifetimeMs("v1", 7_200_000L).setMinSnapshotsToKeep("main", 3).commit();

    JsonNode refs = new ObjectMapper().readTree(Path.of(m.metadataFileLocation()).toFile()).get("refs");
    assertEquals(5, refs.get("dev").get("min-snapshots-to-keep").asInt());
    assertEquals(3_600_000L, refs.get("dev").get("max-snapshot-age-ms").asLong());
    assertEquals(86_400_000L, refs.get("dev").get("max-ref-age-ms").asLong());
    assertEquals(7_200_000L, refs.get("v1").get("max-ref-age-ms").asLong());
    assertFalse(refs.get("v1").has("min-snapshots-to-keep"));
    assertEquals(3, refs.get("main").get("min-snapshots-to-keep").asInt());
    Table r = load(t);
    assertEquals(new SnapshotRef(s1.snapshotId(), SnapshotRef.Type.BRANCH, 5, 3_600_000L, 86_400_000L), r.refs().get("dev"));

    Snapshot s2 = append(r, 10, 10);
    assertEquals(new SnapshotRef(s2.snapshotId(), SnapshotRef.Type.BRANCH, 3, null, null), load(t).refs().get("main"),
        "a commit keeps the branch's retention settings");
  }

  @Test
  void badRefChangesFailNamingTheRefAndCommitNothing() {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    t.manageSnapshots().createBranch("dev").createTag("v1", s1.snapshotId()).commit();
    String version = load(t).metadata().metadataFileLocation();
    long s = s1.snapshotId();

    assertError("'main'", m -> m.removeBranch("main"));
    assertError("'main'", m -> m.renameBranch("main", "trunk"));
    assertError("'dev' of table " + t.location() + " already exists (a branch", m -> m.createBranch("dev"));
    assertError("'v1'", m -> m.createTag("v1", s));
    assertError("'v1'", m -> m.createBranch("v1", s));
    assertError("'v1' of table " + t.location() + " already exists (a tag", m -> m.renameBranch("dev", "v1"));
    assertError("'v1'", m -> m.renameBranch("v1", "x"));
    assertError("'main'", m -> m.renameBranch("main", "dev"));
    assertError("unknown snapshot id 42", m -> m.createTag("t2", 42));
    assertError("unknown snapshot id 42", m -> m.createBranch("b2", 42));
    assertError("unknown snapshot id 42", m -> m.replaceBranch("dev", 42));
    assertError("unknown snapshot id 42", m -> m.setCurrentSnapshot(42));
    assertError("'v1' of table " + t.location() + " is a tag, not a branch", m -> m.replaceBranch("v1", s));
    assertError("'dev' of table " + t.location() + " is a branch, not a tag", m -> m.replaceTag("dev", s));
    assertError("'v1'", m -> m.removeBranch("v1"));
    assertError("'dev'", m -> m.removeTag("dev"));
    assertError("no branch or tag 'nope'", m -> m.removeBranch("nope"));
    assertError("no branch or tag 'nope'", m -> m.removeTag("nope"));
    assertError("no branch or tag 'nope'", m -> m.setMaxRefLifetimeMs("nope", 1000));
    assertError("'v1'", m -> m.setMinSnapshotsToKeep("v1", 2));
    assertError("'v1'", m -> m.setMaxSnapshotAgeMs("v1", 2));
    assertError("min-snapshots-to-keep of branch 'dev'", m -> m.setMinSnapshotsToKeep("dev", 0));
    assertError("max-snapshot-age-ms of branch 'dev'", m -> m.setMaxSnapshotAgeMs("dev", -1));
    assertError("max-ref-age-ms of ref 'v1'", m -> m.setMaxRefLifetimeMs("v1", 0));
    assertError("must not be empty", m -> m.createBranch(" "));
    assertError("must not be empty", m -> m.createTag(null, s));

    // a failed change is dropped; the builder stays usable
    ManageSnapshots ms = t.manageSnapshots().createTag("ok", s);
    assertThrows(IllegalArgumentException.class, () -> ms.createTag("ok", s));
    ms.commit();
    assertEquals(SnapshotRef.tag(s), load(t).refs().get("ok"));
    assertNotEquals(version, load(t).metadata().metadataFileLocation());
    assertThrows(IllegalStateException.class, ms::commit, "a ManageSnapshots commits once");
  }

  @Test
  void refChangesOnAnEmptyTableSaySo() {
    Table t = RefTestSupport.create(dir);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.manageSnapshots().createBranch("dev"));
    assertTrue(e.getMessage().contains("toBranch(\"dev\")"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.manageSnapshots().rollbackTo(1));
    assertTrue(e.getMessage().contains("unknown snapshot id 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.manageSnapshots().rollbackToTime(System.currentTimeMillis()));
    assertTrue(e.getMessage().contains("no snapshot on main"), e.getMessage());
    assertEquals(t.metadata(), t.manageSnapshots().commit(), "no changes, no commit");
  }

  @Test
  void fastForwardsOnlyAlongHistory() {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    t.manageSnapshots().createBranch("feature").createBranch("stale").commit();
    Snapshot f1 = t.newAppend().toBranch("feature").appendRecords(TableFixtures.events(100, 5)).commit();
    Snapshot f2 = t.newAppend().toBranch("feature").appendRecords(TableFixtures.events(200, 5)).commit();
    assertEquals(s1.snapshotId(), t.refresh().currentSnapshot().snapshotId(), "main untouched by the branch commits");

    int logBefore = t.history().size();
    t.manageSnapshots().fastForwardBranch("main", "feature").fastForwardBranch("stale", "main").commit();
    Table r = load(t);
    assertEquals(f2.snapshotId(), r.currentSnapshot().snapshotId());
    assertEquals(f2.snapshotId(), r.refs().get("stale").snapshotId());
    assertEquals(logBefore + 1, r.history().size(), "main's move is in the snapshot-log");
    assertEquals(f2.snapshotId(), r.history().get(r.history().size() - 1).snapshotId());
    assertEquals(concat(range(0, 10), concat(range(100, 5), range(200, 5))), sorted(r.newScan().records()));

    // diverged: main moves on, a branch from f1 gets its own commit
    Snapshot m3 = append(r, 300, 5);
    r.manageSnapshots().createBranch("side", f1.snapshotId()).commit();
    Snapshot side = r.newAppend().toBranch("side").appendRecords(TableFixtures.events(400, 5)).commit();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.manageSnapshots().fastForwardBranch("main", "side"));
    assertTrue(e.getMessage().contains("cannot fast-forward branch 'main'") && e.getMessage().contains("'side'")
        && e.getMessage().contains(Long.toString(m3.snapshotId())) && e.getMessage().contains(Long.toString(side.snapshotId())),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> r.manageSnapshots().fastForwardBranch("nope", "main"));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    assertEquals(m3.snapshotId(), load(t).currentSnapshot().snapshotId());
  }

  @Test
  void rollsBackByIdAndTimeAndSetsAnySnapshotCurrent() throws Exception {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    Thread.sleep(3);
    Snapshot s2 = append(t, 10, 10);
    Thread.sleep(3);
    Snapshot s3 = append(t, 20, 10);

    t.manageSnapshots().rollbackTo(s1.snapshotId()).commit();
    Table r = load(t);
    assertEquals(s1.snapshotId(), r.currentSnapshot().snapshotId());
    assertEquals(s1.snapshotId(), r.refs().get("main").snapshotId());
    assertEquals(range(0, 10), sorted(r.newScan().records()));
    assertEquals(3, r.snapshots().size(), "rollback removes no snapshot");
    SnapshotLogEntry last = r.history().get(r.history().size() - 1);
    assertEquals(s1.snapshotId(), last.snapshotId());
    assertEquals(r.metadata().lastUpdatedMs(), last.timestampMs());
    assertEquals(range(0, 10), sorted(r.newScan().asOfTime(last.timestampMs()).records()), "time travel follows the log");
    assertEquals(range(0, 30), idsAt(r, s3.snapshotId()));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.manageSnapshots().rollbackTo(s3.snapshotId()));
    assertTrue(e.getMessage().contains("snapshot " + s3.snapshotId()) && e.getMessage().contains("not an ancestor"),
        e.getMessage());

    r.manageSnapshots().setCurrentSnapshot(s3.snapshotId()).commit();
    assertEquals(range(0, 30), sorted(load(t).newScan().records()));

    r.manageSnapshots().rollbackToTime(s3.timestampMs() - 1).commit();
    assertEquals(s2.snapshotId(), load(t).currentSnapshot().snapshotId(), "latest ancestor at or before the time");
    r.manageSnapshots().setCurrentSnapshot(s3.snapshotId()).rollbackToTime(s1.timestampMs()).commit();
    assertEquals(s1.snapshotId(), load(t).currentSnapshot().snapshotId(), "at the exact time");
    e = assertThrows(IllegalArgumentException.class, () -> r.manageSnapshots().rollbackToTime(s1.timestampMs() - 1));
    assertTrue(e.getMessage().contains("no snapshot in main's history"), e.getMessage());

    // a commit after a rollback builds on the rolled-back head
    Snapshot s4 = append(load(t), 40, 5);
    assertEquals(s1.snapshotId(), s4.parentSnapshotId());
    assertEquals(concat(range(0, 10), range(40, 5)), sorted(load(t).newScan().records()));
    assertEquals("15", s4.summary().get("total-records"));
  }

  @Test
  void refChangesRetryOnTheFreshStateAndRevalidate() throws Exception {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    Table other = load(t);

    ManageSnapshots tag = t.manageSnapshots().createTag("v1", s1.snapshotId());
    Snapshot s2 = append(other, 10, 10);
    tag.commit();
    Table r = load(t);
    assertEquals(SnapshotRef.tag(s1.snapshotId()), r.refs().get("v1"));
    assertEquals(s2.snapshotId(), r.currentSnapshot().snapshotId(), "the concurrent commit is kept");

    ManageSnapshots branch = t.refresh().manageSnapshots().createBranch("dev", s1.snapshotId());
    other.refresh().manageSnapshots().createBranch("dev", s2.snapshotId()).commit();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, branch::commit);
    assertTrue(e.getMessage().contains("'dev'") && e.getMessage().contains("already exists"), e.getMessage());
    assertEquals(s2.snapshotId(), load(t).refs().get("dev").snapshotId());
  }

  @Test
  void aRefChangeWhoseOutcomeWasUnknownIsNotAppliedTwice() throws Exception {
    FaultInjectingFileIO io = new FaultInjectingFileIO();
    Table t = new Tables(io).create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS),
        dir.resolve("f").toString(), Map.of("commit.retry.min-wait-ms", "1", "commit.retry.max-wait-ms", "5"));
    Snapshot s1 = append(t, 0, 10);
    int versions = versionFiles(t);
    io.failNextVersionCreates(1, FaultInjectingFileIO.Fault.AFTER_PUBLISH);
    io.failNextVersionReads(1); // the read-back after the error fails too: the outcome is unknown
    t.manageSnapshots().createTag("v1", s1.snapshotId()).commit();
    assertEquals(versions + 1, versionFiles(t), "one new metadata version");
    assertEquals(SnapshotRef.tag(s1.snapshotId()), new Tables(io).load(t.location()).refs().get("v1"));

    io.failNextVersionCreates(2, FaultInjectingFileIO.Fault.BEFORE_PUBLISH);
    t.manageSnapshots().rollbackTo(s1.snapshotId()).createBranch("dev").commit();
    assertEquals(versions + 2, versionFiles(t));
    assertEquals(SnapshotRef.branch(s1.snapshotId()), new Tables(io).load(t.location()).refs().get("dev"));
  }

  private static int versionFiles(Table t) throws Exception {
    try (var files = Files.list(Path.of(t.location(), "metadata"))) {
      return (int) files.filter(p -> p.getFileName().toString().matches("v\\d+\\.metadata\\.json")).count();
    }
  }

  @Test
  void concurrentRefChangesFromThreadsAllLand() throws Exception {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int n = i;
      futures.add(pool.submit(() -> {
        Table mine = load(t);
        ManageSnapshots ms = mine.manageSnapshots().createTag("tag-" + n, s1.snapshotId()).createBranch("branch-" + n);
        start.await();
        ms.commit();
        mine.newAppend().toBranch("branch-" + n).appendRecords(TableFixtures.events(1000L * (n + 1), 3)).commit();
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    Table r = load(t);
    assertEquals(1 + 2 * threads, r.refs().size());
    for (int i = 0; i < threads; i++) {
      assertEquals(SnapshotRef.tag(s1.snapshotId()), r.refs().get("tag-" + i));
      assertEquals(concat(range(0, 10), range(1000L * (i + 1), 3)), idsAt(r, "branch-" + i));
    }
    assertEquals(s1.snapshotId(), r.currentSnapshot().snapshotId());
    assertEquals(1, r.metadata().snapshotLog().size(), "main never moved");
  }

  private void assertError(String expected, Function<ManageSnapshots, ManageSnapshots> change) {
    Table t = new Tables(new LocalFileIO()).load(dir.resolve("t").toString());
    String version = t.metadata().metadataFileLocation();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.apply(t.manageSnapshots()).commit());
    assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should contain '" + expected + "'");
    assertEquals(version, load(t).metadata().metadataFileLocation(), "nothing committed");
  }
}
