package io.floe.bench.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Runs the TPC-H benchmark's setup, each of the 22 queries once on each engine and the teardown at scale factor
 * 0.01, and checks that Floe and DuckDB return the same number of rows (no timing is checked).
 */
class TpchBenchmarkSmokeTest {
  @Test
  void everyQueryOnBothEngines() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "tpch-smoke"));
    System.setProperty("tpch.dir", dir.toString());
    TpchBenchmark bench = new TpchBenchmark();
    for (String query : IntStream.rangeClosed(1, 22).mapToObj(i -> String.format("q%02d", i)).toList()) {
      long floeRows = run(bench, query, "floe");
      long duckDbRows = run(bench, query, "duckdb");
      assertEquals(duckDbRows, floeRows, query + ": rows on Floe vs DuckDB");
    }
  }

  private static long run(TpchBenchmark bench, String query, String engine) throws Exception {
    TpchBenchmark.Run run = new TpchBenchmark.Run();
    run.query = query;
    run.engine = engine;
    run.scaleFactor = 0.01;
    run.open();
    TpchBenchmark.CpuTime cpu = new TpchBenchmark.CpuTime();
    try {
      long rows = bench.query(run, cpu);
      assertTrue(cpu.cpuMs > 0, query + " on " + engine + " used CPU time");
      return rows;
    } finally {
      run.close();
    }
  }
}
