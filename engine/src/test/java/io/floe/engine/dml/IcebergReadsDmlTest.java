package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.engine.ResultRows;
import io.floe.table.Table;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.hadoop.HadoopTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apache Iceberg 1.12 reads the same rows as Floe (and DuckDB) after each kind of DML. */
class IcebergReadsDmlTest {
  @TempDir
  Path dir;
  DmlFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new DmlFixture(dir);
    fx.createItemsByGroup("items", 500, 3, 2);
    fx.createItemRange("changes", 40, 80, 4);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void icebergReadsTheRowsAfterEveryKindOfDml() throws Exception {
    List<String> statements = List.of(
        "INSERT INTO items SELECT id + 1000, grp, name, price, dt FROM items WHERE id <= 100",
        "INSERT INTO items VALUES (5000, NULL, 'v', 1.25, DATE '2025-01-01')",
        "DELETE FROM items WHERE grp = 2",
        "DELETE FROM items WHERE id BETWEEN 30 AND 60",
        "UPDATE items SET price = price + 1, name = 'u' WHERE mod(id, 7) = 0",
        "MERGE INTO items t USING changes s ON t.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name, grp = s.grp "
            + "WHEN NOT MATCHED THEN INSERT VALUES (s.id + 10000, s.grp, s.name, s.price, s.dt)",
        "MERGE INTO items t USING changes s ON t.id = s.id + 10000 WHEN MATCHED AND mod(s.id, 2) = 0 THEN DELETE "
            + "WHEN MATCHED THEN UPDATE SET name = 'm' WHEN NOT MATCHED AND mod(s.id, 5) = 0 "
            + "THEN INSERT VALUES (s.id + 20000, s.grp, s.name, s.price, s.dt)");
    for (String sql : statements) {
      fx.both(sql);
      fx.assertSameRows("items");
      assertIcebergReadsSameRows(sql);
    }
  }

  private void assertIcebergReadsSameRows(String after) throws Exception {
    Table floe = fx.table("items");
    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(floe.location());
    assertEquals(floe.currentSnapshot().snapshotId(), iceberg.currentSnapshot().snapshotId(), after);
    List<List<Object>> icebergRows = DmlFixture.icebergRows(iceberg);
    List<List<Object>> floeRows = fx.rows("SELECT * FROM items");
    assertNull(ResultRows.difference(DmlFixture.sorted(floeRows), DmlFixture.sorted(icebergRows)),
        "Iceberg's rows after " + after);
  }
}
