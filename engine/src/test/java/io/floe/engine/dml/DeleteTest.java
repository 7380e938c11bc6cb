package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DELETE checked against DuckDB; the snapshot summary shows which files were dropped whole (not rewritten) and
 * which rewritten.
 */
class DeleteTest {
  @TempDir
  Path dir;
  DmlFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new DmlFixture(dir);
    // partitioned by grp (4 groups + null): 2 appends -> 2 files per partition
    fx.createItemsByGroup("items", 800, 4, 2);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void deleteWholePartitionDropsFilesWithoutRewriting() throws Exception {
    assertEquals(194, fx.both("DELETE FROM items WHERE grp = 1"));
    fx.assertSameRows("items");
    assertEquals(2, fx.summaryCount("items", "deleted-data-files"));
    assertEquals(0, fx.summaryCount("items", "added-data-files"));
  }

  @Test
  void deleteSomeRowsRewritesOnlyAffectedFiles() throws Exception {
    long deleted = fx.both("DELETE FROM items WHERE grp = 2 AND id < 100");
    assertEquals(24, deleted);
    fx.assertSameRows("items");
    assertEquals(1, fx.summaryCount("items", "deleted-data-files"), "only the file of grp 2 holding ids < 400");
    assertEquals(1, fx.summaryCount("items", "added-data-files"));
  }

  @Test
  void deleteWithEngineOnlyPredicate() throws Exception {
    long deleted = fx.both("DELETE FROM items WHERE mod(id, 3) = 0 OR upper(name) LIKE '%7'");
    fx.assertSameRows("items");
    assertEquals(true, deleted > 200);
  }

  @Test
  void whereRunsOnTypedKernelsWithoutBoxedFallback() throws Exception {
    java.util.Map<String, Long> before = io.floe.engine.expr.BoxedFallback.counts();
    long deleted = fx.both("DELETE FROM items WHERE CASE WHEN grp IS NULL THEN id < 300 ELSE mod(id, 5) = 0 END "
        + "AND (substring(name FROM 1 FOR 2) IN ('it', 'xx') OR price * 2 > 10.00) "
        + "AND extract(month FROM dt) BETWEEN 1 AND 12 AND CAST(id AS VARCHAR) NOT LIKE '%9'");
    fx.assertSameRows("items");
    assertEquals(true, deleted > 50, "deleted " + deleted);
    assertEquals(before, io.floe.engine.expr.BoxedFallback.counts(), "the WHERE ran on typed columns");
  }

  @Test
  void deleteNullsAndComparisons() throws Exception {
    fx.both("DELETE FROM items WHERE name IS NULL");
    fx.assertSameRows("items");
    fx.both("DELETE FROM items WHERE price > 5.00 AND dt < DATE '2024-06-01'");
    fx.assertSameRows("items");
    fx.both("DELETE FROM items WHERE grp IS NULL");
    fx.assertSameRows("items");
  }

  @Test
  void deleteWithUncorrelatedSubqueries() throws Exception {
    assertEquals(true, fx.both("DELETE FROM items WHERE id IN (SELECT id * 2 FROM items WHERE grp = 1)") > 0);
    fx.assertSameRows("items");
    // the subquery holds a NULL name: NOT IN is never TRUE, nothing is deleted
    assertEquals(0, fx.both("DELETE FROM items WHERE name NOT IN (SELECT name FROM items WHERE id < 20)"));
    assertEquals(true, fx.both("DELETE FROM items WHERE price > (SELECT avg(price) FROM items) "
        + "AND EXISTS (SELECT 1 FROM items WHERE grp = 3)") > 0);
    fx.assertSameRows("items");
  }

  @Test
  void deleteEverything() throws Exception {
    assertEquals(800, fx.both("DELETE FROM items"));
    fx.assertSameRows("items");
    assertEquals(0, fx.summaryCount("items", "added-data-files"));
    assertEquals("0", fx.current("items").summary().get("total-records"));
  }

  @Test
  void deleteNothingCommitsNothing() throws Exception {
    long before = fx.current("items").snapshotId();
    assertEquals(0, fx.both("DELETE FROM items WHERE id > 100000"));
    assertEquals(before, fx.current("items").snapshotId());
  }
}
