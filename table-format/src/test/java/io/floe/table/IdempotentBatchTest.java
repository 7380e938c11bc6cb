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

import io.floe.expressions.Expressions;
import io.floe.manifest.DataFile;
import io.floe.metadata.Snapshot;
import io.floe.scan.FileScanTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idempotent batch writes: a batch (application id, batch version) lands at most once on a branch, when re-run
 * after a crash and when several copies race as threads or processes; skipped copies leave no files behind.
 */
class IdempotentBatchTest {
  @TempDir
  Path dir;

  @Test
  void aReRunOfACommittedBatchCommitsNothingAndDeletesItsFiles() throws Exception {
    Table t = RefTestSupport.create(dir);
    AppendFiles first = t.newAppend().appendRecords(TableFixtures.events(0, 10)).idempotent("etl", 7);
    Snapshot s1 = first.commit();
    assertFalse(first.skippedAsDuplicate());
    assertEquals("etl", s1.summary().get(SummaryKeys.APP_ID));
    assertEquals("7", s1.summary().get(SummaryKeys.BATCH_VERSION));

    AppendFiles again = load(t).newAppend().appendRecords(TableFixtures.events(0, 10)).idempotent("etl", 7);
    List<String> written = writtenFiles(again);
    Snapshot result = again.commit();
    assertTrue(again.skippedAsDuplicate());
    assertEquals(s1.snapshotId(), result.snapshotId(), "returns the earlier snapshot");
    for (String f : written) {
      assertFalse(Files.exists(Path.of(f)), "the skipped batch's data file is deleted: " + f);
    }
    Table r = load(t);
    assertEquals(1, r.snapshots().size());
    assertEquals(range(0, 10), sorted(r.newScan().records()));
    assertEquals(liveFiles(r), dataFilesOnDisk(r), "no leftover files");
    assertThrows(IllegalStateException.class, again::commit);
  }

  @Test
  void olderVersionsAreSkippedNewerOnesAndOtherApplicationsCommit() throws Exception {
    Table t = RefTestSupport.create(dir);
    t.newAppend().appendRecords(TableFixtures.events(0, 10)).idempotent("etl", 5).commit();

    AppendFiles older = t.newAppend().appendRecords(TableFixtures.events(100, 10)).idempotent("etl", 4);
    older.commit();
    assertTrue(older.skippedAsDuplicate(), "a batch version below the last committed one is skipped");

    AppendFiles newer = t.newAppend().appendRecords(TableFixtures.events(200, 10)).idempotent("etl", 6);
    newer.commit();
    assertFalse(newer.skippedAsDuplicate());
    AppendFiles otherApp = t.newAppend().appendRecords(TableFixtures.events(300, 10)).idempotent("other", 5);
    otherApp.commit();
    assertFalse(otherApp.skippedAsDuplicate());
    AppendFiles plain = t.newAppend().appendRecords(TableFixtures.events(400, 10)).applicationId("etl");
    plain.commit();
    assertFalse(plain.skippedAsDuplicate(), "a commit without a batch version is never skipped");

    // a row-level operation too: its rewritten files go away with it
    OverwriteFiles dupOverwrite = load(t).newOverwrite().overwriteByRowFilter(Expressions.lessThan("id", 5L))
        .addRecords(TableFixtures.events(900, 3)).idempotent("etl", 6);
    dupOverwrite.commit();
    assertTrue(dupOverwrite.skippedAsDuplicate());

    Table r = load(t);
    assertEquals(4, r.snapshots().size());
    assertEquals(concat(range(0, 10), concat(range(200, 10), concat(range(300, 10), range(400, 10)))),
        sorted(r.newScan().records()));
    assertEquals(liveFiles(r), dataFilesOnDisk(r), "no leftover files");
    assertThrows(IllegalArgumentException.class, () -> t.newAppend().idempotent("etl", -1));
    assertThrows(IllegalArgumentException.class, () -> t.newAppend().idempotent(" ", 1));
  }

  @Test
  void batchesAreTrackedPerBranchHistory() {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    t.manageSnapshots().createBranch("dev").commit();
    t.newAppend().toBranch("dev").appendRecords(TableFixtures.events(100, 10)).idempotent("etl", 1).commit();

    AppendFiles onMain = t.newAppend().appendRecords(TableFixtures.events(100, 10)).idempotent("etl", 1);
    onMain.commit();
    assertFalse(onMain.skippedAsDuplicate(), "main's history does not hold the batch committed to dev");
    AppendFiles onDev = t.newAppend().toBranch("dev").appendRecords(TableFixtures.events(100, 10)).idempotent("etl", 1);
    onDev.commit();
    assertTrue(onDev.skippedAsDuplicate());

    // rolling main back past the batch takes it out of main's history: a re-run lands again
    load(t).manageSnapshots().rollbackTo(s1.snapshotId()).commit();
    AppendFiles rerun = load(t).newAppend().appendRecords(TableFixtures.events(100, 10)).idempotent("etl", 1);
    rerun.commit();
    assertFalse(rerun.skippedAsDuplicate());
    Table r = load(t);
    assertEquals(concat(range(0, 10), range(100, 10)), sorted(r.newScan().records()), "the batch is back on main");
    assertEquals(concat(range(0, 10), range(100, 10)), idsAt(r, "dev"));
  }

  @Test
  void threadsRacingTheSameBatchCommitItOnce() throws Exception {
    Table t = RefTestSupport.create(dir);
    append(t, 0, 10);
    int threads = 8;
    for (int round = 0; round < 3; round++) {
      long version = round;
      long firstId = 1000L * (round + 1);
      CyclicBarrier go = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<long[]>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          AppendFiles op = load(t).newAppend().appendRecords(TableFixtures.events(firstId, 10)).idempotent("job", version);
          go.await();
          Snapshot s = op.commit();
          return new long[] {s.snapshotId(), op.skippedAsDuplicate() ? 0 : 1};
        }));
      }
      Set<Long> returned = new HashSet<>();
      int committed = 0;
      for (Future<long[]> f : futures) {
        long[] result = f.get(2, TimeUnit.MINUTES);
        returned.add(result[0]);
        committed += (int) result[1];
      }
      pool.shutdown();
      assertEquals(1, committed, "round " + round + ": exactly one copy committed");
      assertEquals(Set.of(batchSnapshot(load(t), version).snapshotId()), returned, "all return the batch's snapshot");
    }
    Table r = load(t);
    assertEquals(4, r.snapshots().size());
    assertEquals(concat(range(0, 10), concat(range(1000, 10), concat(range(2000, 10), range(3000, 10)))),
        sorted(r.newScan().records()));
    assertEquals(liveFiles(r), dataFilesOnDisk(r), "the skipped copies deleted their files");
  }

  @Test
  void fourProcessesRacingTheSameBatchCommitItOnce() throws Exception {
    Table t = RefTestSupport.create(dir);
    append(t, 0, 10);
    int processes = 4;
    for (int round = 0; round < 2; round++) {
      Path go = dir.resolve("go-" + round);
      List<Process> procs = new ArrayList<>();
      List<Path> logs = new ArrayList<>();
      for (int p = 0; p < processes; p++) {
        Path log = dir.resolve("race-" + round + "-" + p + ".log");
        logs.add(log);
        procs.add(ChildJvm.start(BatchWorker.class, log, t.location(), "main", "nightly", Integer.toString(round),
            Long.toString(1000L * (round + 1)), "1", "wait:" + go));
      }
      for (int p = 0; p < processes; p++) {
        waitFor(logs.get(p), procs.get(p), "ready");
      }
      Files.createFile(go);
      int committed = 0;
      int skipped = 0;
      Set<String> snapshotIds = new HashSet<>();
      for (int p = 0; p < processes; p++) {
        assertTrue(procs.get(p).waitFor(3, TimeUnit.MINUTES), "worker " + p + " finished");
        String out = Files.readString(logs.get(p));
        assertEquals(0, procs.get(p).exitValue(), out);
        for (String line : out.split("\n")) {
          if (line.startsWith("committed ")) {
            committed++;
            snapshotIds.add(line.substring("committed ".length()));
          } else if (line.startsWith("skipped ")) {
            skipped++;
            snapshotIds.add(line.substring("skipped ".length()));
          }
        }
      }
      assertEquals(1, committed, "round " + round + ": exactly one process committed");
      assertEquals(processes - 1, skipped);
      assertEquals(1, snapshotIds.size(), "all report the same snapshot");
    }
    Table r = load(t);
    assertEquals(3, r.snapshots().size(), "one snapshot per batch");
    assertEquals(concat(range(0, 10), concat(range(1000, 10), range(2000, 10))), sorted(r.newScan().records()));
    assertEquals(liveFiles(r), dataFilesOnDisk(r), "the skipped processes deleted their files");
  }

  @Test
  void aJobKilledAfterItsCommitAndReRunLoadsItsDataOnce() throws Exception {
    Table t = RefTestSupport.create(dir);
    // killed right after its commit (before it could record its progress anywhere), then re-run
    Path log = dir.resolve("killed.log");
    Process killed = ChildJvm.start(BatchWorker.class, log, t.location(), "main", "loader", "1", "0", "1", "hang");
    waitFor(log, killed, "done");
    killed.destroyForcibly();
    assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
    String rerun = runToEnd(t, "rerun.log", "1", "0", 1);
    assertTrue(rerun.contains("skipped "), rerun);
    assertEquals(range(0, 10), sorted(load(t).newScan().records()));

    // killed at random points of a run of 3 batches (before, during or after commits), then re-run until done
    Random random = new Random(11);
    for (int round = 0; round < 3; round++) {
      long version = 10L * (round + 1);
      long firstId = 10_000L * (round + 1);
      Path roundLog = dir.resolve("round-" + round + ".log");
      Process p = ChildJvm.start(BatchWorker.class, roundLog, t.location(), "main", "loader", Long.toString(version),
          Long.toString(firstId), "3", "exit");
      waitFor(roundLog, p, "ready");
      Thread.sleep(random.nextInt(600));
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      runToEnd(t, "round-" + round + "-rerun.log", Long.toString(version), Long.toString(firstId), 3);
      List<Long> ids = sorted(load(t).newScan().records());
      assertEquals(new HashSet<>(ids).size(), ids.size(), "round " + round + ": no row loaded twice");
      assertTrue(ids.containsAll(range(firstId, 30)), "round " + round + ": every batch loaded");
    }
    Table r = load(t);
    assertEquals(1 + 3 * 3, r.snapshots().size(), "one snapshot per batch");
    assertEquals(10 + 3 * 3 * 10, r.newScan().records().size());
  }

  private String runToEnd(Table t, String logName, String version, String firstId, int batches) throws Exception {
    Path log = dir.resolve(logName);
    Process p = ChildJvm.start(BatchWorker.class, log, t.location(), "main", "loader", version, firstId,
        Integer.toString(batches), "exit");
    assertTrue(p.waitFor(3, TimeUnit.MINUTES));
    String out = Files.readString(log);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("done"), out);
    return out;
  }

  private static Snapshot batchSnapshot(Table t, long version) {
    Snapshot found = null;
    for (Snapshot s : t.snapshots()) {
      if (Long.toString(version).equals(s.summary().get(SummaryKeys.BATCH_VERSION))) {
        assertEquals(null, found, "one snapshot of batch " + version);
        found = s;
      }
    }
    assertNotEquals(null, found);
    return found;
  }

  private static List<String> writtenFiles(AppendFiles op) {
    List<String> files = new ArrayList<>();
    for (DataFile f : op.addedFiles()) {
      files.add(f.path());
    }
    assertFalse(files.isEmpty());
    return files;
  }

  private static Set<String> liveFiles(Table t) {
    Set<String> files = new HashSet<>();
    for (FileScanTask task : t.newScan().planFiles()) {
      files.add(task.file().path());
    }
    return files;
  }

  private static Set<String> dataFilesOnDisk(Table t) throws Exception {
    try (Stream<Path> walk = Files.walk(Path.of(t.location(), "data"))) {
      Set<String> files = new HashSet<>();
      walk.filter(p -> p.toString().endsWith(".parquet")).forEach(p -> files.add(p.toString()));
      return files;
    }
  }

  private static void waitFor(Path log, Process p, String line) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(line)) {
        return;
      }
      if (!p.isAlive()) {
        throw new AssertionError("worker died before '" + line + "': " + Files.readString(log));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("worker did not print '" + line + "' within 120 s: " + Files.readString(log));
  }
}
