package io.floe.benchmarks.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.engine.ResultRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs each query of the window benchmark once on each engine at scale factor 0.01 (no timing): the row counts
 * match, and so do the aggregated results of every query but {@code wholeRows}.
 */
class WindowBenchmarkSmokeTest {
  @Test
  void everyQueryOnBothEngines() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "tpch-smoke"));
    System.setProperty("tpch.dir", dir.toString());
    WindowBenchmark bench = new WindowBenchmark();
    for (String query : WindowBenchmark.QUERIES.keySet()) {
      assertEquals(run(bench, query, "duckdb"), run(bench, query, "floe"), query + ": rows on Floe vs DuckDB");
    }
  }

  @Test
  void aggregatedResultsMatchDuckDb() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "tpch-smoke"));
    System.setProperty("tpch.dir", dir.toString());
    WindowBenchmark.Run floe = open("wholeSum", "floe");
    WindowBenchmark.Run duckdb = open("wholeSum", "duckdb");
    try {
      for (var query : WindowBenchmark.QUERIES.entrySet()) {
        if (query.getKey().equals("wholeRows")) {
          continue;
        }
        List<List<Object>> expected;
        try (Statement st = duckdb.named.tables.duckdb.createStatement();
            ResultSet rs = st.executeQuery(query.getValue())) {
          expected = ResultRows.of(rs);
        }
        List<List<Object>> actual = ResultRows.query(floe.named.tables.floe, query.getValue());
        assertNull(ResultRows.difference(expected, actual), query.getKey());
      }
    } finally {
      floe.close();
      duckdb.close();
    }
  }

  private static WindowBenchmark.Run open(String query, String engine) throws Exception {
    WindowBenchmark.Run run = new WindowBenchmark.Run();
    run.query = query;
    run.engine = engine;
    run.scaleFactor = 0.01;
    run.open();
    return run;
  }

  private static long run(WindowBenchmark bench, String query, String engine) throws Exception {
    WindowBenchmark.Run run = open(query, engine);
    try {
      return bench.query(run, new TpchBenchmark.CpuTime());
    } finally {
      run.close();
    }
  }
}
