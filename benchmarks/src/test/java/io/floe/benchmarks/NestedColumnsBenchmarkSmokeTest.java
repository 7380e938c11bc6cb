package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs {@link NestedColumnsBenchmark}'s setup (which checks Floe's answers against DuckDB's) and each query. */
class NestedColumnsBenchmarkSmokeTest {
  @Test
  void everyQueryGivesDuckDbsAnswer() throws Exception {
    NestedColumnsBenchmark bench = new NestedColumnsBenchmark();
    for (String query : NestedColumnsBenchmark.QUERIES.keySet()) {
      NestedColumnsBenchmark.Tables tables = new NestedColumnsBenchmark.Tables();
      tables.rows = 4_000;
      tables.query = query;
      tables.workers = 2;
      tables.write();
      try {
        String floe = bench.floe(tables);
        assertTrue(floe.length() > 4, query + ": " + floe);
        assertEquals(bench.duckdb(tables), floe, query);
      } finally {
        tables.delete();
      }
    }
  }
}
