package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.partition.PartitionSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UPDATE checked against DuckDB. */
class UpdateTest {
  @TempDir
  Path dir;
  DmlFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new DmlFixture(dir);
    fx.createItemsByGroup("items", 800, 4, 2);
    fx.createItems("flat", PartitionSpec.unpartitioned(DmlFixture.ITEMS), DmlFixture.items(300, 3), 3);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void updateWithWhere() throws Exception {
    assertEquals(24, fx.both("UPDATE items SET price = price * 2, name = name || '!' WHERE grp = 2 AND id < 100"));
    fx.assertSameRows("items");
    assertEquals(1, Integer.parseInt(fx.table("items").currentSnapshot().summary().get("deleted-data-files")));
  }

  @Test
  void updateSeesOldValuesInEveryExpression() throws Exception {
    fx.both("UPDATE flat SET id = id + 1000, price = id / 4.0 WHERE mod(id, 2) = 0");
    fx.assertSameRows("flat");
  }

  @Test
  void updateMovesRowsBetweenPartitions() throws Exception {
    fx.both("UPDATE items SET grp = 3 WHERE grp = 1 AND id > 700");
    fx.assertSameRows("items");
    fx.both("UPDATE items SET grp = NULL, dt = DATE '2020-01-01' WHERE name IS NULL");
    fx.assertSameRows("items");
  }

  @Test
  void updateAllRowsRoundsToColumnScale() throws Exception {
    assertEquals(300, fx.both("UPDATE flat SET price = price / 3"));
    fx.assertSameRows("flat");
  }

  @Test
  void updateWithUncorrelatedSubqueries() throws Exception {
    fx.both("UPDATE flat SET price = (SELECT max(price) FROM items WHERE grp = 1), name = 'top' "
        + "WHERE id IN (SELECT id FROM items WHERE grp = 2 AND id < 100)");
    fx.assertSameRows("flat");
  }

  @Test
  void updateNothing() throws Exception {
    long before = fx.table("flat").currentSnapshot().snapshotId();
    assertEquals(0, fx.both("UPDATE flat SET price = 0 WHERE id < 0"));
    assertEquals(before, fx.table("flat").currentSnapshot().snapshotId());
  }
}
