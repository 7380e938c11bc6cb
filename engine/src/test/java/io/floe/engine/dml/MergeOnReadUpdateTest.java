package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UPDATE and MERGE on a table whose {@code write.update.mode} and {@code write.merge.mode} are merge-on-read: the
 * changed rows are listed in position delete files and their new values appended, no data file is rewritten; the rows
 * equal DuckDB's after the same statements, Apache Iceberg's reader reads the same, and compaction applies the
 * delete files.
 */
class MergeOnReadUpdateTest {
  @TempDir
  Path dir;
  DmlFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new DmlFixture(dir);
    // partitioned by grp (4 groups + null): 2 appends -> 2 files per partition
    fx.createItemsByGroup("items", 800, 4, 2);
    fx.createItemRange("changes", 700, 900, 3);
    fx.floe("ALTER TABLE items SET PROPERTIES 'write.update.mode' = 'merge-on-read'");
    fx.floe("ALTER TABLE items SET PROPERTIES 'write.merge.mode' = 'merge-on-read'");
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  /**
   * Runs {@code statement} in Floe and DuckDB and asserts it changed more than {@code atLeast} rows, wrote delete
   * files and rewrote no data file: it added only the rows it changed (a rewrite would add the unchanged rows of the
   * files too), and that Iceberg reads Floe's rows.
   */
  private void assertMergedOnRead(String statement, long atLeast) throws Exception {
    long changed = fx.both(statement);
    assertTrue(changed > atLeast, statement);
    assertTrue(fx.summaryCount("items", "added-position-deletes") > 0, statement);
    assertTrue(fx.summaryCount("items", "added-records") <= changed, statement);
    fx.assertSameRows("items");
    fx.assertIcebergReadsTheSameItems("items");
  }

  @Test
  void updatesListTheOldRowsAndAppendTheNew() throws Exception {
    for (String sql : List.of(
        "UPDATE items SET price = price * 2, name = 'doubled' WHERE grp = 1 AND id < 500",
        // the same rows again: their positions are now in the files the first UPDATE appended
        "UPDATE items SET price = price + 1 WHERE grp = 1 AND id < 300",
        "UPDATE items t SET dt = (SELECT max(c.dt) FROM changes c WHERE c.grp = t.grp) WHERE id > 700",
        // a partition column changes: the new rows land in other partitions
        "UPDATE items SET grp = 9 WHERE id % 10 = 3")) {
      assertMergedOnRead(sql, 0);
    }
    List<List<Object>> before = fx.rows("SELECT * FROM items");
    fx.rows("CALL system.rewrite_data_files(table => 'db.items')");
    assertEquals(0L, fx.rows("SELECT count(*) FROM \"items$files\" WHERE content = 1").get(0).get(0),
        "compaction applied the delete files");
    assertEquals(DmlFixture.sorted(before), DmlFixture.sorted(fx.rows("SELECT * FROM items")));
  }

  @Test
  void mergeDeletesUpdatesAndInsertsWithoutRewriting() throws Exception {
    String merge = "MERGE INTO items t USING changes s ON t.id = s.id "
        + "WHEN MATCHED AND s.grp = 0 THEN DELETE "
        + "WHEN MATCHED AND s.grp = 1 THEN UPDATE SET name = s.name, price = t.price + s.price "
        + "WHEN NOT MATCHED AND s.id % 2 = 0 THEN INSERT (id, grp, name) VALUES (s.id, s.grp, 'new')";
    // ids 701..800 match (a third of them choose no clause: their rows stay), 801..900 insert half
    assertMergedOnRead(merge, 50);
    assertEquals(0, fx.both("MERGE INTO items t USING changes s ON t.id = s.id AND s.grp = 2 "
        + "WHEN MATCHED AND t.price < 0 THEN DELETE"), "no clause chosen: nothing committed");
    String bySource = "MERGE INTO items t USING (SELECT * FROM changes WHERE id < 760) s ON t.id = s.id "
        + "WHEN MATCHED THEN UPDATE SET price = s.price "
        + "WHEN NOT MATCHED BY SOURCE AND t.id % 3 = 0 THEN DELETE "
        + "WHEN NOT MATCHED BY SOURCE AND t.id % 3 = 1 THEN UPDATE SET name = 'unsourced'";
    assertMergedOnRead(bySource, 300);
  }
}
