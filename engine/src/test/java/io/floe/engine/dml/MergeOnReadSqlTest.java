package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.ResultRows;
import io.floe.table.IcebergDeleteWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL over a table whose rows were deleted merge-on-read by Apache Iceberg's writers (position and equality delete
 * files, as Spark and Trino write them): queries and Floe's own DML see the live rows, as DuckDB does over the same
 * rows deleted in its own table, and Iceberg reads what Floe's DML leaves.
 */
class MergeOnReadSqlTest {
  @TempDir
  Path dir;
  DmlFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new DmlFixture(dir);
    fx.createItemsByGroup("items", 600, 3, 3);
    fx.createItemRange("changes", 40, 80, 4);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void queriesAndDmlSeeTheRowsLeftByIcebergDeleteFiles() throws Exception {
    Table iceberg = new HadoopTables(new Configuration()).load(fx.table("items").location());
    // position deletes, one row delta each, in every partition and in several files
    for (long id : new long[] {3, 4, 5, 200, 201, 599, 600}) {
      IcebergDeleteWriter.deleteByPosition(iceberg, "id", id);
      duckdb("DELETE FROM items WHERE id = " + id);
    }
    // equality deletes of names in partition grp = 1, and of a NULL name there
    Record one = GenericRecord.create(iceberg.schema());
    one.setField("grp", 1);
    DeleteFile names = IcebergDeleteWriter.equalityDeletes(iceberg, IcebergDeleteWriter.partitionOf(iceberg, one),
        iceberg.schema().select("name"), List.of(new Object[] {"item-10"}, new Object[] {"item-13"},
            new Object[] {"item-11"}, new Object[] {null}));
    iceberg.newRowDelta().addDeletes(names).commit();
    duckdb("DELETE FROM items WHERE grp = 1 AND (name IN ('item-10', 'item-13', 'item-11') OR name IS NULL)");

    fx.assertSameRows("items");
    for (String sql : List.of(
        "SELECT count(*) FROM items",
        "SELECT grp, count(*), sum(price), min(id), max(id) FROM items GROUP BY grp",
        "SELECT id, name FROM items WHERE id BETWEEN 1 AND 20",
        "SELECT a.grp, count(*) FROM items a JOIN items b ON a.id = b.id + 1 GROUP BY a.grp",
        "SELECT count(*) FROM items WHERE grp = 1 AND name IS NULL")) {
      assertSameResult(sql);
    }
    String plan = fx.rows("EXPLAIN SELECT count(*) FROM items WHERE grp = 1").toString();
    assertTrue(plan.contains("files kept 3 of 12") && plan.contains("read with 2 delete files (merge-on-read)"), plan);
    assertEquals(List.of(List.of(0, 12L), List.of(1, 7L), List.of(2, 1L)),
        fx.rows("SELECT content, count(*) FROM \"items$files\" GROUP BY content ORDER BY content"));

    for (String sql : List.of(
        "UPDATE items SET price = price + 1 WHERE mod(id, 5) = 0",
        "DELETE FROM items WHERE id BETWEEN 190 AND 210",
        "MERGE INTO items t USING changes s ON t.id = s.id WHEN MATCHED THEN UPDATE SET name = 'm' "
            + "WHEN NOT MATCHED THEN INSERT VALUES (s.id + 10000, s.grp, s.name, s.price, s.dt)")) {
      fx.both(sql);
      fx.assertSameRows("items");
      iceberg.refresh();
      assertNull(ResultRows.difference(DmlFixture.sorted(fx.rows("SELECT * FROM items")),
          DmlFixture.sorted(DmlFixture.icebergRows(iceberg))), "Iceberg's rows after " + sql);
    }

    // compaction rewrites every partition's files and removes the delete files left applying to none of them
    List<List<Object>> compacted = fx.rows("CALL system.rewrite_data_files(table => 'db.items', "
        + "options => MAP['min-input-files', '2', 'target-file-size-bytes', '67108864'])");
    assertEquals(5, compacted.get(0).size());
    fx.assertSameRows("items");
    assertEquals(List.of(List.of(0L)), fx.rows("SELECT count(*) FROM \"items$files\" WHERE content > 0"),
        "removed: " + compacted);

    // a merge-on-read DELETE reads only the columns of its WHERE (not name): equality deletes on name still apply
    iceberg.refresh();
    Record two = GenericRecord.create(iceberg.schema());
    two.setField("grp", 2);
    iceberg.newRowDelta().addDeletes(IcebergDeleteWriter.equalityDeletes(iceberg, IcebergDeleteWriter.partitionOf(
        iceberg, two), iceberg.schema().select("name"), List.of(new Object[] {"item-20"}, new Object[] {"item-26"})))
        .commit();
    duckdb("DELETE FROM items WHERE grp = 2 AND name IN ('item-20', 'item-26')");
    fx.floe("ALTER TABLE items SET PROPERTIES 'write.delete.mode' = 'merge-on-read'");
    String delete = "DELETE FROM items WHERE grp = 2 AND id < 400";
    fx.both(delete);
    fx.assertSameRows("items");
    iceberg.refresh();
    List<List<Object>> icebergRows = DmlFixture.icebergRows(iceberg).stream().map(r -> r.subList(0, 5)).toList();
    assertNull(ResultRows.difference(DmlFixture.sorted(fx.rows("SELECT * FROM items")),
        DmlFixture.sorted(icebergRows)), "Iceberg's rows after " + delete);
  }

  private void assertSameResult(String sql) throws SQLException {
    List<List<Object>> expected;
    try (Statement st = fx.duckdb.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      expected = DmlFixture.sorted(ResultRows.of(rs));
    }
    assertNull(ResultRows.difference(expected, DmlFixture.sorted(fx.rows(sql))), sql);
  }

  private void duckdb(String sql) throws SQLException {
    try (Statement st = fx.duckdb.createStatement()) {
      st.executeUpdate(sql);
    }
  }
}
