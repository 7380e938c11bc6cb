package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.engine.FloeSession;
import io.floe.partition.PartitionSpec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent DML from several threads (one session each) and several processes: increments of the same rows
 * either all apply or fail with 40001, never a lost update; concurrent INSERTs all land.
 */
class ConcurrentDmlTest {
  private static final String INCREMENT = "UPDATE items SET price = price + 1 WHERE id <= 10";
  /** The same increment as a MERGE. */
  private static final String MERGE_INCREMENT = "MERGE INTO items t USING (SELECT id FROM items WHERE id <= 10) s "
      + "ON t.id = s.id WHEN MATCHED THEN UPDATE SET price = t.price + 1";
  /** The same increment through a correlated subquery (its rows found by row id, {@link MatchedRows}). */
  private static final String CORRELATED_INCREMENT = "UPDATE items t SET price = price + "
      + "(SELECT count(*) FROM items s WHERE s.id = t.id) WHERE id <= 10";

  @TempDir
  Path dir;
  DmlFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new DmlFixture(dir);
    List<Record> rows = new ArrayList<>();
    for (long id = 1; id <= 20; id++) {
      rows.add(GenericRecord.of(DmlFixture.ITEMS.asStruct(), id, (int) (id % 2), "n" + id, BigDecimal.ZERO, null));
    }
    fx.createItems("items", PartitionSpec.unpartitioned(DmlFixture.ITEMS), rows, 1);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void concurrentUpdatesFromThreadsNeverLoseAnUpdate() throws Exception {
    List<String> outcomes = inThreads(3, 3, (thread, i) -> INCREMENT);
    assertNoLostUpdate(outcomes);
  }

  @Test
  void concurrentPlainCorrelatedAndMergeUpdatesFromThreadsNeverLoseAnUpdate() throws Exception {
    List<String> increments = List.of(INCREMENT, CORRELATED_INCREMENT, MERGE_INCREMENT);
    List<String> outcomes = inThreads(3, 3, (thread, i) -> increments.get((thread + i) % 3));
    assertNoLostUpdate(outcomes);
  }

  @Test
  void concurrentInsertsFromThreadsAllLand() throws Exception {
    List<String> outcomes = inThreads(3, 4, (thread, i) -> "INSERT INTO items (id, name) VALUES ("
        + (1000 + thread * 100 + i) + ", 't" + thread + "'), (" + (2000 + thread * 100 + i) + ", 'u')");
    assertEquals(List.of(), outcomes.stream().filter(o -> !o.equals("ok 2")).toList(), "INSERTs never conflict");
    assertEquals(List.of(List.of(44L)), fx.rows("SELECT count(*) FROM items"));
  }

  @Test
  void concurrentDmlFromProcesses() throws Exception {
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    List<String> increments = List.of(INCREMENT, CORRELATED_INCREMENT, MERGE_INCREMENT);
    for (int p = 0; p < increments.size(); p++) {
      Path log = dir.resolve("update-" + p + ".log");
      logs.add(log);
      processes.add(start(log, "2", increments.get(p)));
    }
    Path insertLog = dir.resolve("insert.log");
    processes.add(start(insertLog, "3", "INSERT INTO items (id, name) VALUES (500, 'p')"));
    for (Process p : processes) {
      assertTrue(p.waitFor(10, TimeUnit.MINUTES), "worker process finished");
    }
    List<String> outcomes = new ArrayList<>();
    for (int p = 0; p < processes.size(); p++) {
      Path log = p < logs.size() ? logs.get(p) : insertLog;
      assertEquals(0, processes.get(p).exitValue(), Files.readString(log));
      if (p < logs.size()) {
        outcomes.addAll(outcomeLines(log));
      } else {
        assertEquals(List.of("ok 1", "ok 1", "ok 1"), outcomeLines(log), "INSERTs never conflict");
      }
    }
    assertNoLostUpdate(outcomes);
    assertEquals(List.of(List.of(3L)), fx.rows("SELECT count(*) FROM items WHERE id = 500"));
  }

  private void assertNoLostUpdate(List<String> outcomes) throws Exception {
    long applied = outcomes.stream().filter(o -> o.equals("ok 10")).count();
    long conflicts = outcomes.stream().filter(o -> o.equals("conflict")).count();
    assertEquals(outcomes.size(), applied + conflicts, "every run applied or conflicted: " + outcomes);
    assertTrue(applied >= 1, "at least one increment applies: " + outcomes);
    List<List<Object>> prices = fx.rows("SELECT DISTINCT price FROM items WHERE id <= 10");
    assertEquals(1, prices.size(), prices.toString());
    assertEquals(0, new BigDecimal(applied).compareTo((BigDecimal) prices.get(0).get(0)),
        "price " + prices + " after " + applied + " applied increments: " + outcomes);
    assertEquals(List.of(List.of(10L)), fx.rows("SELECT count(*) FROM items WHERE id > 10 AND id <= 20 AND price = 0"));
  }

  /** Statement {@code i} of thread {@code thread}. */
  private interface ThreadStatements {
    String sql(int thread, int i);
  }

  private List<String> inThreads(int threads, int times, ThreadStatements sql) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> run(times, i -> sql.sql(thread, i))));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<List<String>> f : futures) {
        outcomes.addAll(f.get(10, TimeUnit.MINUTES));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<String> run(int times, java.util.function.IntFunction<String> sql) throws Exception {
    List<String> outcomes = new ArrayList<>();
    try (FloeSession session = FloeSession.open(dir, "db")) {
      for (int i = 0; i < times; i++) {
        outcomes.add(DmlWorker.runOnce(session, sql.apply(i)));
      }
    }
    return outcomes;
  }

  private static List<String> outcomeLines(Path log) throws Exception {
    return Files.readAllLines(log).stream().filter(l -> l.equals("conflict") || l.startsWith("ok ")).toList();
  }

  private Process start(Path log, String times, String sql) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        DmlWorker.class.getName(), dir.toString(), times, sql));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
