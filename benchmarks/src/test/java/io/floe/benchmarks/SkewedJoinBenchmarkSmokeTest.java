package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Runs the skewed-join benchmark's setup, both methods once and its teardown on a small table. */
class SkewedJoinBenchmarkSmokeTest {
  @Test
  void saltedAndUnsaltedJoinAllRows() throws Exception {
    SkewedJoinBenchmark bench = new SkewedJoinBenchmark();
    SkewedJoinBenchmark.SkewedTables tables = new SkewedJoinBenchmark.SkewedTables();
    tables.rows = 20_000;
    tables.workers = 4;
    tables.create();
    try {
      assertEquals(20_000, bench.salted(tables), "every fact row has a dimension row");
      assertEquals(20_000, bench.unsalted(tables));
    } finally {
      tables.delete();
    }
    assertFalse(Files.exists(tables.dir));
  }
}
