package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process killed with SIGKILL at random points of its commits leaves the table readable at its last
 * committed snapshot: every commit it reported is there, no partial snapshot is visible, no row is duplicated.
 */
class CrashSafetyTest {
  @TempDir
  Path dir;

  @Test
  void killedWritersNeverLeaveAPartialSnapshot() throws Exception {
    Table table = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.builderFor(TableFixtures.EVENTS).day("ts").build(), dir.resolve("t").toString(),
        Map.of("commit.retry.num-retries", "100"));
    Random random = new Random(7);
    Set<Long> reported = new HashSet<>();
    long nextBatch = 0;
    int kills = 6;
    for (int round = 0; round < kills; round++) {
      Path log = dir.resolve("round-" + round + ".log");
      Path logB = dir.resolve("round-" + round + "-b.log");
      // two writers per round, so kills also land while another process is committing
      Process a = ChildJvm.start(CommitWorker.class, log, table.location(), "1", "0", "forever", Long.toString(nextBatch));
      Process b = ChildJvm.start(CommitWorker.class, logB, table.location(), "2", "0", "forever", Long.toString(nextBatch));
      try {
        // either writer may win the first race; optimistic concurrency promises progress, not fairness
        waitForFirstCommit(Map.of(log, a, logB, b));
        Thread.sleep(20 + random.nextInt(400));
      } finally {
        a.destroyForcibly();
        b.destroyForcibly();
      }
      assertTrue(a.waitFor(30, TimeUnit.SECONDS) && b.waitFor(30, TimeUnit.SECONDS));
      for (Path l : List.of(log, logB)) {
        for (String line : Files.readAllLines(l)) {
          if (line.startsWith("committed ")) {
            reported.add(Long.parseLong(line.split(" ")[1]));
          }
        }
      }
      nextBatch += 10_000; // each round writes fresh ids (10 per batch, well inside a worker's id range)

      Table t = new Tables(new LocalFileIO()).load(table.location());
      for (long id : reported) {
        assertTrue(t.snapshot(id) != null, "round " + round + ": reported commit " + id + " is in the table");
      }
      List<Record> rows = t.newScan().records();
      Set<Long> ids = ConcurrentCommitTest.idSet(rows);
      assertEquals(rows.size(), ids.size(), "no duplicated rows");
      assertEquals(10L * t.snapshots().size(), rows.size(), "every snapshot added exactly its 10 rows");
      ConcurrentCommitTest.assertSampledSnapshotsReadable(t, 8);
    }
    assertTrue(reported.size() >= kills, "writers committed between kills: " + reported.size());
  }

  private static void waitForFirstCommit(Map<Path, Process> writers) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000; // generous: a loaded 2-core machine starts JVMs slowly
    while (System.currentTimeMillis() < deadline) {
      for (Map.Entry<Path, Process> w : writers.entrySet()) {
        Path log = w.getKey();
        if (Files.exists(log) && Files.readString(log).contains("committed ")) {
          return;
        }
        if (!w.getValue().isAlive()) {
          throw new AssertionError("writer died: " + Files.readString(log));
        }
      }
      Thread.sleep(20);
    }
    StringBuilder logs = new StringBuilder();
    for (Path log : writers.keySet()) {
      logs.append('\n').append(log.getFileName()).append(": ").append(Files.exists(log) ? Files.readString(log) : "(none)");
    }
    throw new AssertionError("no writer made a commit within 180 s:" + logs);
  }
}
