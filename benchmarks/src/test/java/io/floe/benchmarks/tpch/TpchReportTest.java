package io.floe.benchmarks.tpch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's table from a JMH CSV: ratios per query and their geometric mean; a missing result shows as failed. */
class TpchReportTest {
  @Test
  void ratiosAndGeometricMean() {
    String header = "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\","
        + "\"Param: engine\",\"Param: query\",\"Param: scaleFactor\"";
    List<String> csv = List.of(header,
        "\"io.floe.benchmarks.tpch.TpchBenchmark.query\",\"ss\",1,1,200.0,NaN,\"ms/op\",floe,q01,1",
        "\"io.floe.benchmarks.tpch.TpchBenchmark.query:cpuMs\",\"ss\",1,1,400.0,NaN,\"#\",floe,q01,1",
        "\"io.floe.benchmarks.tpch.TpchBenchmark.query\",\"ss\",1,1,100.0,NaN,\"ms/op\",duckdb,q01,1",
        "\"io.floe.benchmarks.tpch.TpchBenchmark.query:cpuMs\",\"ss\",1,1,100.0,NaN,\"#\",duckdb,q01,1",
        "\"io.floe.benchmarks.tpch.TpchBenchmark.query\",\"ss\",1,1,800.0,NaN,\"ms/op\",floe,q02,1",
        "\"io.floe.benchmarks.tpch.TpchBenchmark.query:cpuMs\",\"ss\",1,1,1600.0,NaN,\"#\",floe,q02,1",
        "\"io.floe.benchmarks.tpch.TpchBenchmark.query\",\"ss\",1,1,100.0,NaN,\"ms/op\",duckdb,q02,1",
        "\"io.floe.benchmarks.tpch.TpchBenchmark.query:cpuMs\",\"ss\",1,1,100.0,NaN,\"#\",duckdb,q02,1",
        "\"io.floe.benchmarks.tpch.TpchBenchmark.query\",\"ss\",1,1,50.0,NaN,\"ms/op\",duckdb,q03,1",
        "\"io.floe.benchmarks.tpch.TpchBenchmark.query:cpuMs\",\"ss\",1,1,50.0,NaN,\"#\",duckdb,q03,1");
    String table = TpchReport.table(csv);
    assertTrue(table.contains("| q01 | 200 | 100 | 2.0 | 400 | 100 | 4.0 |"), table);
    assertTrue(table.contains("| q02 | 800 | 100 | 8.0 | 1600 | 100 | 16.0 |"), table);
    assertTrue(table.contains("| q03 | failed | 50 | - | failed | 50 | - |"), table);
    assertTrue(table.contains("| geometric mean | | | 4.0 (2 queries) | | | 8.0 (2 queries) |"), table);
  }
}
