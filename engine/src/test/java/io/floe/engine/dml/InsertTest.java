package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INSERT ... VALUES and INSERT ... SELECT, checked against DuckDB running the same statements. */
class InsertTest {
  @TempDir
  Path dir;
  DmlFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new DmlFixture(dir);
    fx.createItemsByGroup("items", 500, 4, 2);
    fx.createItems("target", PartitionSpec.unpartitioned(DmlFixture.ITEMS), List.of(), 1);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void insertValuesCommitsOneSnapshot() throws Exception {
    Table table = fx.table("target");
    int before = table.snapshots().size();
    assertEquals(3, fx.both("INSERT INTO target VALUES (1, 1, 'a', 1.5, DATE '2024-02-29'), "
        + "(2, NULL, NULL, NULL, NULL), (3, 7, 'c', 12345678.99, DATE '1999-12-31')"));
    assertEquals(before + 1, fx.table("target").snapshots().size());
    fx.assertSameRows("target");
  }

  @Test
  void insertWithColumnListFillsNulls() throws Exception {
    assertEquals(2, fx.both("INSERT INTO target (name, id) VALUES ('x', 10), ('y', 11)"));
    fx.assertSameRows("target");
  }

  @Test
  void insertSelectWithExpressionsAndCasts() throws Exception {
    assertEquals(500, fx.both("INSERT INTO target SELECT id + 1000, grp * 2, upper(name), price * 3, dt FROM items"));
    fx.assertSameRows("target");
    assertEquals(1, fx.both("INSERT INTO target (id, price) VALUES (5, 2.345)"));
    fx.assertSameRows("target");
  }

  @Test
  void insertSelectIntoPartitionedTableFansOutByPartition() throws Exception {
    long rows = fx.both("INSERT INTO items SELECT id + 500, grp, name, price, dt FROM items WHERE id <= 300");
    assertEquals(300, rows);
    fx.assertSameRows("items");
    String added = fx.table("items").currentSnapshot().summary().get("added-data-files");
    assertEquals(true, Integer.parseInt(added) >= 5, "one file per partition at least: " + added);
  }

  @Test
  void insertSelectNothingChangesNothing() throws Exception {
    Table table = fx.table("target");
    assertEquals(0, fx.both("INSERT INTO target SELECT * FROM items WHERE id < 0"));
    assertEquals(table.snapshots().size(), fx.table("target").snapshots().size());
  }
}
