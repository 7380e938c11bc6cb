package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

/**
 * Compaction running against appends and row deletes, as separate processes and as threads: the final rows are
 * exactly what the workers report they committed: no append lost, no deleted row resurrected.
 */
class ConcurrentMaintenanceTest {
  private static final int INITIAL_APPENDS = 20;
  private static final int INITIAL_ROWS_PER_APPEND = 12;
  private static final long INITIAL_ROWS = INITIAL_APPENDS * INITIAL_ROWS_PER_APPEND;
  private static final int APPENDERS = 2;
  private static final int APPENDS = 25;
  private static final Map<String, String> PATIENT = Map.of("commit.retry.num-retries", "200",
      "commit.retry.min-wait-ms", "2", "commit.retry.max-wait-ms", "100");

  @TempDir
  Path dir;

  private Table table() {
    Table t = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), dir.resolve("t").toString(), PATIENT);
    for (int i = 0; i < INITIAL_APPENDS; i++) {
      t.newAppend().appendRecords(TableFixtures.events((long) i * INITIAL_ROWS_PER_APPEND, INITIAL_ROWS_PER_APPEND)).commit();
    }
    return t;
  }

  /** The worker arguments: appenders, one deleter of slices of the initial rows, one compactor. */
  private List<String[]> workers(Table t) {
    List<String[]> workers = new ArrayList<>();
    for (int w = 1; w <= APPENDERS; w++) {
      workers.add(new String[] {"append", t.location(), Integer.toString(w), Integer.toString(APPENDS)});
    }
    workers.add(new String[] {"delete", t.location(), "0", Long.toString(INITIAL_ROWS / 2), "10", "300"});
    workers.add(new String[] {"compact", t.location(), dir.resolve("stop").toString()});
    return workers;
  }

  @Test
  void processes() throws Exception {
    Table t = table();
    List<String[]> workers = workers(t);
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      processes.add(ChildJvm.start(MaintenanceWorker.class, dir.resolve("worker-" + i + ".log"), workers.get(i)));
    }
    for (int i = 0; i < workers.size() - 1; i++) {
      waitFor(processes.get(i), i);
    }
    Files.createFile(dir.resolve("stop"));
    waitFor(processes.get(workers.size() - 1), workers.size() - 1);
    List<String> reports = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      reports.addAll(Files.readAllLines(dir.resolve("worker-" + i + ".log")));
    }
    check(t, reports);
  }

  private void waitFor(Process p, int i) throws Exception {
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "worker " + i + " finished");
    assertEquals(0, p.exitValue(), "worker " + i + " failed: " + Files.readString(dir.resolve("worker-" + i + ".log")));
  }

  @Test
  void threads() throws Exception {
    Table t = table();
    List<String[]> workers = workers(t);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    List<Future<?>> futures = new ArrayList<>();
    for (String[] args : workers) {
      futures.add(pool.submit(() -> {
        MaintenanceWorker.run(args, out);
        return null;
      }));
    }
    for (int i = 0; i < futures.size() - 1; i++) {
      futures.get(i).get(5, TimeUnit.MINUTES);
    }
    Files.createFile(dir.resolve("stop"));
    futures.get(futures.size() - 1).get(5, TimeUnit.MINUTES);
    pool.shutdown();
    check(t, List.of(bytes.toString(StandardCharsets.UTF_8).split("\n")));
  }

  /** The table holds exactly the initial rows, minus the reported deletes, plus the reported appends. */
  private static void check(Table t, List<String> reports) {
    Set<Long> expected = new HashSet<>();
    for (long id = 0; id < INITIAL_ROWS; id++) {
      expected.add(id);
    }
    int appends = 0;
    int deletes = 0;
    int rewrites = 0;
    int conflicts = 0;
    for (String line : reports) {
      String[] f = line.split(" ");
      switch (f[0]) {
        case "appended" -> {
          appends++;
          for (long id = Long.parseLong(f[2]); id < Long.parseLong(f[2]) + 10; id++) {
            expected.add(id);
          }
        }
        case "deleted" -> {
          deletes++;
          for (long id = Long.parseLong(f[2]); id < Long.parseLong(f[3]); id++) {
            expected.remove(id);
          }
        }
        case "rewrote" -> rewrites++;
        case "conflict" -> conflicts++;
        default -> {
        }
      }
    }
    System.out.printf("concurrent maintenance: %d appends, %d deletes, %d compactions, %d conflicts%n", appends, deletes,
        rewrites, conflicts);
    assertEquals(APPENDERS * APPENDS, appends, "every append reported");
    assertEquals(INITIAL_ROWS / 2 / 10, deletes, "every slice deleted");
    assertTrue(rewrites >= 1, "at least one compaction committed");
    Table r = new Tables(new LocalFileIO()).load(t.location());
    List<Record> rows = r.newScan().records();
    assertEquals(expected, ConcurrentCommitTest.idSet(rows), "nothing lost, nothing resurrected");
    assertEquals(expected.size(), rows.size(), "no duplicated row");
    long replaces = r.snapshots().stream().filter(s -> "replace".equals(s.operation())).count();
    assertEquals(rewrites, replaces, "every reported compaction is a replace snapshot, and no other");
    ConcurrentCommitTest.assertSampledSnapshotsReadable(r, 12);
  }
}
