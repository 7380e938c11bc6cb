package io.floe.benchmarks.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    TpchBenchmark.CpuTime floeCpu = new TpchBenchmark.CpuTime();
    TpchBenchmark.CpuTime duckDbCpu = new TpchBenchmark.CpuTime();
    for (String query : IntStream.rangeClosed(1, 22).mapToObj(i -> String.format("q%02d", i)).toList()) {
      long floeRows = run(bench, query, "floe", floeCpu);
      long duckDbRows = run(bench, query, "duckdb", duckDbCpu);
      assertEquals(duckDbRows, floeRows, query + ": rows on Floe vs DuckDB");
    }
    // the process CPU clock ticks in milliseconds: a single tiny query may read 0, all 22 on Floe do not
    assertTrue(floeCpu.cpuMs > 0, "Floe's CPU time: " + floeCpu.cpuMs);
    assertTrue(duckDbCpu.cpuMs >= 0, "DuckDB's CPU time: " + duckDbCpu.cpuMs);
  }

  @Test
  void serverRoundsRunEveryQueryBeforeTheMeasuredOne() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "tpch-smoke"));
    System.setProperty("tpch.dir", dir.toString());
    for (String engine : List.of("floe", "duckdb")) {
      TpchBenchmark.Run run = new TpchBenchmark.Run();
      run.query = "q06";
      run.engine = engine;
      run.scaleFactor = 0.01;
      run.serverRounds = 2;
      run.open();
      try {
        assertEquals(44, run.serverQueries, engine + ": 22 queries per round");
        assertEquals(1, new TpchBenchmark().query(run, new TpchBenchmark.CpuTime()), engine + ": q06's one row");
      } finally {
        run.close();
      }
    }
  }

  private static long run(TpchBenchmark bench, String query, String engine, TpchBenchmark.CpuTime cpu)
      throws Exception {
    TpchBenchmark.Run run = new TpchBenchmark.Run();
    run.query = query;
    run.engine = engine;
    run.scaleFactor = 0.01;
    run.open();
    try {
      return bench.query(run, cpu);
    } finally {
      run.close();
    }
  }
}
