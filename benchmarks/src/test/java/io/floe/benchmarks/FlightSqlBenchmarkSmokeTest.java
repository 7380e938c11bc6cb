package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Runs FlightSqlBenchmark's setup, each benchmark method once on 1,000 rows, and its teardown. */
class FlightSqlBenchmarkSmokeTest {
  @Test
  void everyMethodReturnsTheTablesRows() throws Exception {
    FlightSqlBenchmark bench = new FlightSqlBenchmark();
    FlightSqlBenchmark.TransferEndpoints endpoints = new FlightSqlBenchmark.TransferEndpoints();
    endpoints.rows = 1000;
    endpoints.setUp();
    try {
      assertEquals(1000, bench.transferEmbedded(endpoints));
      assertEquals(1000, bench.transferFlightSqlArrow(endpoints));
      long checksum = 0;
      for (long id = 0; id < 1000; id++) {
        String tag = new String[] {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}[(int) (id % 8)];
        checksum += id + id % 1000 + (long) (id * 0.25) + tag.length();
      }
      assertEquals(checksum, bench.transferFlightSqlJdbc(endpoints));
    } finally {
      endpoints.tearDown();
    }
    assertFalse(Files.exists(endpoints.dir));
    FlightSqlBenchmark.LookupEndpoints lookups = new FlightSqlBenchmark.LookupEndpoints();
    lookups.setUp();
    try {
      assertEquals(1, bench.lookupEmbedded(lookups));
      assertEquals(1, bench.lookupFlightSqlArrow(lookups));
      assertEquals(1, bench.lookupFlightSqlJdbcPrepared(lookups));
    } finally {
      lookups.tearDown();
    }
  }
}
