package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.metadata.Snapshot;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DELETE and UPDATE whose WHERE or SET holds correlated subqueries (EXISTS, NOT EXISTS, IN, scalar), checked
 * against DuckDB running the same statements on the same rows: the rows are found by one decorrelated query over
 * the row ids ({@code _file}, {@code _pos}), and only the files holding them are rewritten (copy-on-write) or get a
 * position delete file (merge-on-read), in one snapshot.
 */
class CorrelatedDmlTest {
  @TempDir
  Path dir;
  DmlFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new DmlFixture(dir);
    // partitioned by grp (4 groups + null): 2 appends -> 2 files per partition
    fx.createItemsByGroup("items", 800, 4, 2);
    // ids 41..80 of another numbering: grp = id % 3 (NULL for id 74), prices and names of their own
    fx.createItemRange("changes", 40, 80, 3);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void deleteWithCorrelatedExistsRewritesOnlyTheFilesHoldingMatches() throws Exception {
    long before = fx.current("items").snapshotId();
    assertEquals(40, fx.both("DELETE FROM items t WHERE EXISTS (SELECT 1 FROM changes c WHERE c.id = t.id "
        + "AND c.price > 0)"));
    fx.assertSameRows("items");
    assertEquals(before, fx.current("items").parentSnapshotId(), "one snapshot");
    // ids 41..80 live in the first append's file of each of the 5 partitions
    assertEquals(5, fx.summaryCount("items", "deleted-data-files"));
    assertEquals(5, fx.summaryCount("items", "added-data-files"));
  }

  @Test
  void deleteWithEachKindOfCorrelatedSubquery() throws Exception {
    for (String sql : List.of(
        // NOT EXISTS with a second correlated column
        "DELETE FROM items t WHERE id < 200 AND NOT EXISTS (SELECT 1 FROM changes c WHERE c.id = t.id "
            + "AND c.grp = t.grp)",
        // the old unsupported case: the target against itself
        "DELETE FROM items t WHERE EXISTS (SELECT 1 FROM items s WHERE s.id = t.id + 1 AND s.grp = 3)",
        // IN with a correlated inner condition
        "DELETE FROM items t WHERE t.name IN (SELECT c.name FROM changes c WHERE c.grp = t.grp)",
        // a scalar subquery per group, compared
        "DELETE FROM items t WHERE price > (SELECT avg(s.price) * 1.5 FROM items s WHERE s.grp = t.grp)",
        // under OR with a plain condition, and correlation that is not an equality
        "DELETE FROM items t WHERE grp IS NULL OR EXISTS (SELECT 1 FROM changes c WHERE c.id > t.id + 700)")) {
      long deleted = fx.both(sql);
      assertTrue(deleted > 0, sql);
      fx.assertSameRows("items");
    }
  }

  @Test
  void updateSetsCorrelatedScalarSubqueryValues() throws Exception {
    long before = fx.current("items").snapshotId();
    // rows without a matching change get NULL, as in SQL
    assertEquals(800, fx.both("UPDATE items t SET price = (SELECT c.price FROM changes c WHERE c.id = t.id)"));
    fx.assertSameRows("items");
    assertEquals(before, fx.current("items").parentSnapshotId(), "one snapshot");
    assertEquals(true, fx.both("UPDATE items t SET name = 'top', price = (SELECT max(s.id) FROM items s "
        + "WHERE s.grp = t.grp) WHERE EXISTS (SELECT 1 FROM changes c WHERE c.name = t.name)") > 0);
    fx.assertSameRows("items");
  }

  @Test
  void updateWithCorrelatedWhereAndPlainSet() throws Exception {
    assertEquals(true, fx.both("UPDATE items t SET price = price * 2, dt = dt + INTERVAL '1' DAY "
        + "WHERE t.id > (SELECT min(c.id) FROM changes c WHERE c.grp = t.grp) AND t.id < 300") > 0);
    fx.assertSameRows("items");
  }

  @Test
  void nothingMatchedCommitsNothing() throws Exception {
    long before = fx.current("items").snapshotId();
    assertEquals(0, fx.both("DELETE FROM items t WHERE EXISTS (SELECT 1 FROM changes c WHERE c.id = t.id + 10000)"));
    assertEquals(0, fx.both("UPDATE items t SET price = 0 WHERE EXISTS (SELECT 1 FROM changes c "
        + "WHERE c.id = -t.id)"));
    assertEquals(before, fx.current("items").snapshotId());
  }

  @Test
  void aScalarSubqueryWithSeveralRowsFailsAndChangesNothing() throws Exception {
    long before = fx.current("items").snapshotId();
    SQLException e = assertThrows(SQLException.class, () -> fx.floe(
        "UPDATE items t SET price = (SELECT c.price FROM changes c WHERE c.grp = t.grp)"));
    assertEquals("21000", e.getSQLState(), e.getMessage());
    assertEquals(before, fx.current("items").snapshotId());
    fx.assertSameRows("items");
  }

  @Test
  void mergeOnReadDeleteListsTheMatchedPositionsAndIcebergAppliesThem() throws Exception {
    fx.floe("ALTER TABLE items SET PROPERTIES 'write.delete.mode' = 'merge-on-read'");
    // an uncorrelated delete first: the correlated one must find positions among the rows it left
    fx.both("DELETE FROM items WHERE id % 7 = 0");
    long deleted = fx.both("DELETE FROM items t WHERE EXISTS (SELECT 1 FROM changes c WHERE c.id = t.id) "
        + "OR t.price < (SELECT min(c.price) FROM changes c WHERE c.grp = t.grp)");
    assertTrue(deleted > 0);
    fx.assertSameRows("items");
    assertEquals(0, fx.summaryCount("items", "added-data-files"), "no data file rewritten");
    assertTrue(fx.summaryCount("items", "added-position-deletes") > 0, fx.current("items").summary().toString());
    // an UPDATE of the same table is copy-on-write over files with delete files
    fx.both("UPDATE items t SET name = (SELECT c.name FROM changes c WHERE c.id = t.id - 100) WHERE id < 300");
    fx.assertSameRows("items");
    fx.assertIcebergReadsTheSameItems("items");
  }
}
