package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs {@link DmlBenchmark}'s setup, each benchmark method twice and the teardown on a small table. */
class DmlBenchmarkSmokeTest {
  @Test
  void everyDmlBenchmarkRunsInBothDeleteModes() throws Exception {
    DmlBenchmark bench = new DmlBenchmark();
    long[] deletedBy = new long[2];
    String[] modes = {"copy-on-write", "merge-on-read"};
    for (int m = 0; m < modes.length; m++) {
      DmlBenchmark.Warehouse w = new DmlBenchmark.Warehouse();
      w.rows = 30_000;
      w.workers = 2;
      w.writeMode = modes[m];
      w.load();
      try {
        for (int i = 0; i < 2; i++) {
          w.reset();
          assertEquals(30_000, bench.floeInsertSelect(w));
          assertEquals(30_000, bench.duckdbCopyToParquet(w));
          w.dropCopy();
          w.reset();
          long deleted = bench.floeDeleteOnePercent(w);
          assertTrue(deleted > 100 && deleted < 600, "about 1% deleted: " + deleted);
          deletedBy[m] = deleted;
          w.dropCopy();
          w.reset();
          assertEquals(deleted, bench.floeUpdateOnePercent(w), "the same rows updated after the rollback");
          w.dropCopy();
          w.reset();
          assertEquals(deleted, bench.floeDeleteCorrelated(w), "the correlated DELETE deletes the same rows");
          w.dropCopy();
          w.reset();
          assertEquals(deleted, bench.floeMergeDelete(w), "so does the MERGE");
          w.dropCopy();
          w.reset();
          assertEquals(deleted, bench.floeUpdateCorrelated(w));
          w.dropCopy();
          w.reset();
          assertEquals(deleted, bench.floeMergeUpdate(w));
          w.dropCopy();
          assertEquals(deleted, bench.duckdbDeleteCorrelated(w), "DuckDB deletes as many");
          assertEquals(deleted, bench.duckdbDeleteCorrelated(w), "after its rollback");
        }
      } finally {
        w.delete();
      }
    }
    assertEquals(deletedBy[0], deletedBy[1], "both delete modes delete the same rows");
  }
}
