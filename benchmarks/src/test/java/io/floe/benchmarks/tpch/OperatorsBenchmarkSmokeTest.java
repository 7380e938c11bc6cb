package io.floe.benchmarks.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs each query of the operators benchmark once on each engine at scale factor 0.01 (rows compared, no timing). */
class OperatorsBenchmarkSmokeTest {
  @Test
  void everyQueryOnBothEngines() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "tpch-smoke"));
    System.setProperty("tpch.dir", dir.toString());
    OperatorsBenchmark bench = new OperatorsBenchmark();
    for (String query : OperatorsBenchmark.QUERIES.keySet()) {
      assertEquals(run(bench, query, "duckdb"), run(bench, query, "floe"), query + ": rows on Floe vs DuckDB");
    }
  }

  private static long run(OperatorsBenchmark bench, String query, String engine) throws Exception {
    OperatorsBenchmark.Run run = new OperatorsBenchmark.Run();
    run.query = query;
    run.engine = engine;
    run.scaleFactor = 0.01;
    run.open();
    try {
      return bench.query(run);
    } finally {
      run.close();
    }
  }
}
