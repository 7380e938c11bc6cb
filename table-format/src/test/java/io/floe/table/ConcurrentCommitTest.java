package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.commit.ConflictException;
import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import java.nio.file.Files;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 8 writers, as threads and as processes, committing to one table: no lost or duplicated commit. */
class ConcurrentCommitTest {
  private static final int WRITERS = 8;
  private static final int APPENDS = 5;

  @TempDir
  Path dir;

  private Table create(PartitionSpec spec, Map<String, String> props) {
    return new Tables(new LocalFileIO()).create(TableFixtures.EVENTS, spec, dir.resolve("t").toString(), props);
  }

  private static final Map<String, String> PATIENT = Map.of("commit.retry.num-retries", "200",
      "commit.retry.min-wait-ms", "2", "commit.retry.max-wait-ms", "100");

  @Test
  void threadsAppendingAndOverwritingTheirOwnRows() throws Exception {
    Table table = create(PartitionSpec.unpartitioned(TableFixtures.EVENTS), PATIENT);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int worker = w;
      futures.add(pool.submit(() -> CommitWorker.run(table.location(), worker, APPENDS, "mixed", 0)));
    }
    for (Future<?> f : futures) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    Table t = new Tables(new LocalFileIO()).load(table.location());
    assertEquals(WRITERS * (APPENDS + 1), t.snapshots().size(), "one snapshot per commit, none lost");
    List<Record> rows = t.newScan().records();
    Set<Long> expected = new HashSet<>();
    for (int w = 0; w < WRITERS; w++) {
      for (long k = 0; k < 3; k++) {
        expected.add(w * CommitWorker.RANGE + CommitWorker.RANGE - 3 + k);
      }
    }
    assertEquals(expected.size(), rows.size(), "no duplicated rows");
    assertEquals(expected, idSet(rows));
    assertEverySnapshotReadable(t);
  }

  @Test
  void processesAppending() throws Exception {
    Table table = create(PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), PATIENT);
    List<Process> processes = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      processes.add(ChildJvm.start(CommitWorker.class, dir.resolve("worker-" + w + ".log"),
          table.location(), Integer.toString(w), Integer.toString(APPENDS), "append"));
    }
    for (int w = 0; w < WRITERS; w++) {
      Process p = processes.get(w);
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "worker " + w + " finished");
      assertEquals(0, p.exitValue(), "worker " + w + " failed: " + Files.readString(dir.resolve("worker-" + w + ".log")));
    }
    Table t = new Tables(new LocalFileIO()).load(table.location());
    assertEquals(WRITERS * APPENDS, t.snapshots().size());
    Set<Long> committedSnapshots = new HashSet<>();
    for (int w = 0; w < WRITERS; w++) {
      for (String line : Files.readAllLines(dir.resolve("worker-" + w + ".log"))) {
        if (line.startsWith("committed ")) {
          committedSnapshots.add(Long.parseLong(line.split(" ")[1]));
        }
      }
    }
    assertEquals(WRITERS * APPENDS, committedSnapshots.size());
    for (long id : committedSnapshots) {
      assertTrue(t.snapshot(id) != null, "reported snapshot " + id + " is in the table");
    }
    List<Record> rows = t.newScan().records();
    assertEquals(WRITERS * APPENDS * 10, rows.size());
    assertEquals(WRITERS * APPENDS * 10, idSet(rows).size(), "no duplicated rows");
    assertEverySnapshotReadable(t);
    AppendDistinctCountsTest.assertEachSnapshotCountsTheIdsOfItsHistory(t, 10);
  }

  @Test
  void trulyConflictingOverwritesFailCleanly() {
    Table table = create(PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), Map.of());
    table.newAppend().appendRecords(TableFixtures.events(0, 40)).commit();
    Table other = new Tables(new LocalFileIO()).load(table.location());

    OverwriteFiles first = table.newOverwrite().overwriteByRowFilter(Expressions.lessThan("id", 20L))
        .addRecords(TableFixtures.events(100, 1));
    OverwriteFiles second = other.newOverwrite().overwriteByRowFilter(Expressions.lessThan("id", 10L))
        .addRecords(TableFixtures.events(200, 1));
    Snapshot won = first.commit();
    long filesBefore = countFiles();
    ConflictException e = assertThrows(ConflictException.class, second::commit);
    assertTrue(e.getMessage().contains(table.location()), e.getMessage());
    Table t = new Tables(new LocalFileIO()).load(table.location());
    assertEquals(won.snapshotId(), t.currentSnapshot().snapshotId(), "the loser left no snapshot");
    assertEquals(21, t.newScan().records().size());
    assertTrue(countFiles() < filesBefore, "the loser's data and manifest files were removed");
  }

  @Test
  void serializableRefusesAConcurrentAppendOfMatchingDataButSnapshotIsolationAllowsIt() {
    Table table = create(PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), Map.of());
    table.newAppend().appendRecords(TableFixtures.events(0, 40)).commit();
    Table other = new Tables(new LocalFileIO()).load(table.location());
    OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(Expressions.equal("region", "EU"));
    other.newAppend().appendRecords(TableFixtures.events(1000, 1)).commit(); // id 1000 is EU
    assertThrows(ConflictException.class, overwrite::commit);

    Table again = new Tables(new LocalFileIO()).load(table.location());
    OverwriteFiles unrelated = again.newOverwrite().overwriteByRowFilter(Expressions.equal("region", "US"));
    other.refresh().newAppend().appendRecords(TableFixtures.events(1004, 1)).commit(); // EU again: no conflict with US
    unrelated.commit();
    assertEquals(0, again.refresh().newScan().filter(Expressions.equal("region", "US")).records().size());
    assertEquals(12, again.newScan().filter(Expressions.equal("region", "EU")).records().size());
  }

  private long countFiles() {
    try (var walk = Files.walk(dir.resolve("t"))) {
      return walk.filter(Files::isRegularFile).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Set<Long> idSet(List<Record> rows) {
    Set<Long> ids = new HashSet<>();
    for (Record r : rows) {
      ids.add(TableFixtures.id(r));
    }
    return ids;
  }

  static void assertEverySnapshotReadable(Table t) {
    assertSnapshotsReadable(t, t.snapshots());
  }

  /** Reads up to {@code max} snapshots spread over the history (always the first and the last). */
  static void assertSampledSnapshotsReadable(Table t, int max) {
    List<Snapshot> all = t.snapshots();
    List<Snapshot> sample = new ArrayList<>();
    for (int i = 0; i < max && !all.isEmpty(); i++) {
      Snapshot s = all.get((int) ((long) i * (all.size() - 1) / Math.max(1, max - 1)));
      if (!sample.contains(s)) {
        sample.add(s);
      }
    }
    assertSnapshotsReadable(t, sample);
  }

  private static void assertSnapshotsReadable(Table t, List<Snapshot> snapshots) {
    for (Snapshot s : snapshots) {
      long rows = t.newScan().useSnapshot(s.snapshotId()).records().size();
      assertEquals(Long.parseLong(s.summary().get("total-records")), rows, "snapshot " + s.snapshotId());
    }
  }
}
