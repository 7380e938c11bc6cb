package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs the catalog benchmark's setup, each benchmark method once and the teardown, for every catalog it measures. */
class CatalogBenchmarkSmokeTest {
  @Test
  void everyCatalogCommits() throws Exception {
    for (String kind : new String[] {"floe-warehouse", "iceberg-hadoop", "floe-sqlite", "iceberg-jdbc-sqlite",
        "floe-postgres", "iceberg-jdbc-postgres"}) {
      CatalogBenchmark bench = new CatalogBenchmark();
      bench.catalog = kind;
      bench.open();
      try {
        bench.newTable();
        CatalogBenchmark.Writer writer = new CatalogBenchmark.Writer();
        writer.load(bench);
        bench.commitLatency(writer);
        bench.concurrentCommits(writer);
        assertEquals(2, bench.snapshotCount(), kind);
      } finally {
        bench.close();
      }
    }
  }
}
