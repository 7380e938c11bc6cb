package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.data.Record;
import io.floe.partition.PartitionSpec;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MERGE checked against DuckDB running the same statements. */
class MergeTest {
  @TempDir
  Path dir;
  DmlFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new DmlFixture(dir);
    fx.createItems("items", PartitionSpec.builderFor(DmlFixture.ITEMS).identity("grp").build(), DmlFixture.items(600, 3), 2);
    // changes: ids 550..700 (51 existing, 100 new), other values
    List<Record> changes = new ArrayList<>();
    for (Record r : DmlFixture.items(700, 5)) {
      if ((long) r.get(0) >= 550) {
        changes.add(r);
      }
    }
    fx.createItems("changes", PartitionSpec.unpartitioned(DmlFixture.ITEMS), changes, 1);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void upsert() throws Exception {
    long rows = fx.both("MERGE INTO items t USING changes s ON t.id = s.id "
        + "WHEN MATCHED THEN UPDATE SET grp = s.grp, price = t.price + s.price "
        + "WHEN NOT MATCHED THEN INSERT (id, grp, name, price, dt) VALUES (s.id, s.grp, s.name, s.price, s.dt)");
    assertEquals(151, rows);
    fx.assertSameRows("items");
  }

  @Test
  void updateOnlyWithResidualCondition() throws Exception {
    fx.both("MERGE INTO items AS t USING (SELECT id, price FROM changes WHERE mod(id, 2) = 0) AS s "
        + "ON t.id = s.id AND t.price < s.price + 5 WHEN MATCHED THEN UPDATE SET name = 'merged'");
    fx.assertSameRows("items");
  }

  @Test
  void insertOnly() throws Exception {
    assertEquals(100, fx.both("MERGE INTO items t USING changes s ON t.id = s.id "
        + "WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id * 10, s.name)"));
    fx.assertSameRows("items");
  }

  @Test
  void targetRowMatchedTwiceIsACardinalityViolation() throws Exception {
    long before = fx.table("items").currentSnapshot().snapshotId();
    SQLException e = assertThrows(SQLException.class, () -> fx.floe("MERGE INTO items t USING changes s "
        + "ON t.grp = s.grp WHEN MATCHED THEN UPDATE SET name = s.name"));
    assertEquals("21000", e.getSQLState(), e.getMessage());
    assertEquals(before, fx.table("items").currentSnapshot().snapshotId());
  }
}
