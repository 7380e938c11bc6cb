package io.floe.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.table.ChildJvm;
import io.floe.table.Table;
import io.floe.table.TableFixtures;
import io.floe.table.Tables;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 8 writers committing to one table on S3, as threads and as processes: put-if-absent on the version file lets
 * exactly one writer win each version; no commit is lost or applied twice.
 */
class S3ConcurrentCommitTest {
  private static final String BUCKET = "floe-concurrent";
  private static final int WRITERS = 8;
  private static final Map<String, String> PATIENT = Map.of("commit.retry.num-retries", "400",
      "commit.retry.min-wait-ms", "2", "commit.retry.max-wait-ms", "200");
  private static S3Server server;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = S3Server.sharedWithBucket(BUCKET);
  }

  @Test
  void eightThreadsAppending() throws Exception {
    int appends = 5;
    try (S3FileIO io = new S3FileIO(server.properties())) {
      String location = "s3://" + BUCKET + "/threads";
      new Tables(io).create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS), location, PATIENT);
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> futures = new ArrayList<>();
      Set<Long> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
      for (int w = 0; w < WRITERS; w++) {
        int worker = w;
        futures.add(pool.submit(() -> {
          Table table = new Tables(io).load(location);
          for (int k = 0; k < appends; k++) {
            reported.add(table.newAppend().appendRecords(TableFixtures.events(worker * S3CommitWorker.RANGE + k * 10, 10))
                .commit().snapshotId());
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
      pool.shutdown();
      assertNoLostOrDuplicatedCommit(new Tables(io).load(location), reported, WRITERS * appends);
    }
  }

  @Test
  void eightProcessesAppending() throws Exception {
    int appends = 3;
    String location = "s3://" + BUCKET + "/processes";
    try (S3FileIO io = new S3FileIO(server.properties())) {
      new Tables(io).create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS), location, PATIENT);
      List<Process> processes = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        processes.add(ChildJvm.start(S3CommitWorker.class, dir.resolve("worker-" + w + ".log"),
            Integer.toString(server.port()), location, Integer.toString(w), Integer.toString(appends)));
      }
      Set<Long> reported = new HashSet<>();
      for (int w = 0; w < WRITERS; w++) {
        Process p = processes.get(w);
        Path log = dir.resolve("worker-" + w + ".log");
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "worker " + w + " finished");
        assertEquals(0, p.exitValue(), "worker " + w + " failed: " + Files.readString(log));
        reported.addAll(committedSnapshots(log));
      }
      assertNoLostOrDuplicatedCommit(new Tables(io).load(location), reported, WRITERS * appends);
    }
  }

  static Set<Long> committedSnapshots(Path log) throws java.io.IOException {
    Set<Long> ids = new HashSet<>();
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("committed ")) {
        ids.add(Long.parseLong(line.split(" ")[1]));
      }
    }
    return ids;
  }

  /** Exactly {@code commits} snapshots, every reported one present, 10 distinct rows per commit, history readable. */
  static void assertNoLostOrDuplicatedCommit(Table t, Set<Long> reported, int commits) {
    assertEquals(commits, t.snapshots().size(), "one snapshot per commit, none lost or doubled");
    assertEquals(commits, reported.size(), "every writer reported each of its commits");
    for (long id : reported) {
      assertNotNull(t.snapshot(id), "reported snapshot " + id + " is in the table");
    }
    List<Record> rows = t.newScan().records();
    Set<Long> ids = new HashSet<>();
    rows.forEach(r -> ids.add(TableFixtures.id(r)));
    assertEquals(commits * 10, rows.size());
    assertEquals(commits * 10, ids.size(), "no duplicated rows");
    List<Snapshot> history = t.snapshots();
    for (Snapshot s : List.of(history.get(0), history.get(history.size() / 2), history.get(history.size() - 1))) {
      assertEquals(Long.parseLong(s.summary().get("total-records")), t.newScan().useSnapshot(s.snapshotId()).records().size(),
          "snapshot " + s.snapshotId() + " reads back");
    }
  }
}
