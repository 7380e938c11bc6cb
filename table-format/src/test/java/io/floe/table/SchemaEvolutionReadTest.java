package io.floe.table;

import static io.floe.table.EvolutionRows.byId;
import static io.floe.table.EvolutionRows.normalize;
import static io.floe.table.EvolutionRows.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.scan.TableScan;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written before a schema change are read through the new schema without being rewritten: renamed, dropped,
 * added and widened columns, top-level and nested (in structs, list elements and map values), with filters and
 * pruning on the new names and wider types, and time travel back to the old schema.
 */
class SchemaEvolutionReadTest {
  static final Schema V0 = new Schema(
      NestedField.required(1, "id", Types.LONG),
      NestedField.optional(2, "i", Types.INT),
      NestedField.optional(3, "f", Types.FLOAT),
      NestedField.optional(4, "dec", Types.decimal(5, 2)),
      NestedField.optional(5, "name", Types.STRING),
      NestedField.optional(6, "loc", Types.struct(
          NestedField.optional(7, "lat", Types.DOUBLE),
          NestedField.optional(8, "lon", Types.DOUBLE))),
      NestedField.optional(9, "pts", Types.list(10, Types.struct(
          NestedField.optional(11, "x", Types.INT),
          NestedField.optional(12, "y", Types.INT)), false)),
      NestedField.optional(13, "attrs", Types.map(14, Types.STRING, 15, Types.struct(
          NestedField.optional(16, "v", Types.INT)), false)),
      NestedField.optional(17, "score", Types.FLOAT));

  @TempDir
  Path dir;

  private Table table;
  private Snapshot before;

  static Record oldRow(long k) {
    StructType s = V0.asStruct();
    StructType loc = s.field("loc").type().asStruct();
    StructType pt = ((ListType) s.field("pts").type()).elementType().asStruct();
    StructType attr = ((MapType) s.field("attrs").type()).valueType().asStruct();
    return rec(s, "id", k, "i", (int) k * 10, "f", k + 0.5f, "dec", BigDecimal.valueOf(k * 100 + 1, 2),
        "name", "n" + k, "loc", rec(loc, "lat", k + 0.25, "lon", (double) -k),
        "pts", List.of(rec(pt, "x", (int) k, "y", (int) k + 1)),
        "attrs", Map.of("a", rec(attr, "v", (int) k)), "score", k + 0.5f);
  }

  static Record newRow(Schema schema, long k) {
    StructType s = schema.asStruct();
    StructType loc = s.field("loc").type().asStruct();
    StructType pt = ((ListType) s.field("pts").type()).elementType().asStruct();
    StructType attr = ((MapType) s.field("attrs").type()).valueType().asStruct();
    return rec(s, "email", "e" + k, "id", k, "i", k * 10 + 3_000_000_000L, "dec", BigDecimal.valueOf(k * 1_000_000 + 1, 2),
        "full_name", "n" + k, "loc", rec(loc, "latitude", k + 0.25, "alt", k * 2.0, "lon", (double) -k),
        "pts", List.of(rec(pt, "x", (int) k, "z", (int) k * 3)),
        "attrs", Map.of("a", rec(attr, "v", (int) k, "w", k * 4L)), "score", k + 0.125d);
  }

  /** What an old row looks like through the evolved schema. */
  static Map<String, Object> oldRowEvolved(long k) {
    Map<String, Object> loc = new TreeMap<>();
    loc.put("latitude", k + 0.25);
    loc.put("alt", null);
    loc.put("lon", (double) -k);
    Map<String, Object> pt = new TreeMap<>();
    pt.put("x", (int) k);
    pt.put("z", null);
    Map<String, Object> attr = new TreeMap<>();
    attr.put("v", (int) k);
    attr.put("w", null);
    Map<String, Object> row = new TreeMap<>();
    row.put("email", null);
    row.put("id", k);
    row.put("i", k * 10);
    row.put("dec", BigDecimal.valueOf(k * 100 + 1, 2));
    row.put("full_name", "n" + k);
    row.put("loc", loc);
    row.put("pts", List.of(pt));
    row.put("attrs", new TreeMap<>(Map.of("a", attr)));
    row.put("score", (double) (k + 0.5f));
    return row;
  }

  @BeforeEach
  void evolve() {
    table = new Tables(new LocalFileIO()).create(V0, PartitionSpec.unpartitioned(V0), dir.resolve("t").toString());
    List<Record> rows = new ArrayList<>();
    for (long k = 0; k < 10; k++) {
      rows.add(oldRow(k));
    }
    before = table.newAppend().appendRecords(rows).commit();
    table.updateSchema()
        .renameColumn("name", "full_name")
        .deleteColumn("f")
        .addColumn("email", Types.STRING)
        .updateColumn("i", Types.LONG)
        .updateColumn("dec", Types.decimal(10, 2))
        .updateColumn("score", Types.DOUBLE)
        .addColumn("loc", "alt", Types.DOUBLE)
        .renameColumn("loc.lat", "latitude")
        .addColumn("pts", "z", Types.INT)
        .deleteColumn("pts.element.y")
        .addColumn("attrs", "w", Types.LONG)
        .moveFirst("email")
        .moveBefore("loc.alt", "loc.lon")
        .commit();
    List<Record> newRows = new ArrayList<>();
    for (long k = 10; k < 20; k++) {
      newRows.add(newRow(table.schema(), k));
    }
    table.newAppend().appendRecords(newRows).commit();
  }

  @Test
  void theEvolvedSchemaHasNewIdsAndOrder() {
    Schema s = table.schema();
    assertEquals(List.of("email", "id", "i", "dec", "full_name", "loc", "pts", "attrs", "score"), s.columnNames());
    assertEquals(18, s.findField("email").id());
    assertEquals(19, s.findField("loc.alt").id());
    assertEquals(20, s.findField("pts.element.z").id());
    assertEquals(21, s.findField("attrs.value.w").id());
    assertEquals(7, s.findField("loc.latitude").id());
    assertEquals(List.of("latitude", "alt", "lon"),
        s.findField("loc").type().asStruct().fields().stream().map(NestedField::name).toList());
    assertEquals(21, table.metadata().lastColumnId());
    assertEquals(1, table.metadata().currentSchemaId());
    assertEquals(Types.LONG, s.findField("i").type());
    assertEquals(Types.decimal(10, 2), s.findField("dec").type());
    assertNull(s.findField("f"));
    assertNull(s.findField("pts.element.y"));
  }

  @Test
  void oldAndNewFilesReadTogetherThroughTheNewSchema() {
    Map<Long, Object> rows = byId(table.newScan().records());
    assertEquals(20, rows.size());
    for (long k = 0; k < 10; k++) {
      assertEquals(oldRowEvolved(k), rows.get(k), "old row " + k);
    }
    for (long k = 10; k < 20; k++) {
      assertEquals(normalize(newRow(table.schema(), k)), rows.get(k), "new row " + k);
    }
    // a fresh load reads the same
    Table reloaded = new Tables(new LocalFileIO()).load(table.location());
    assertEquals(rows, byId(reloaded.newScan().records()));
  }

  @Test
  void filtersUseTheNewNamesAndTypes() {
    assertEquals(List.of(3L), ids(table.newScan().filter(Expressions.equal("full_name", "n3"))));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), ids(table.newScan().filter(Expressions.isNull("email"))));
    assertEquals(List.of(17L, 18L, 19L), ids(table.newScan().filter(Expressions.greaterThan("loc.latitude", 16.5))));
    assertEquals(List.of(0L, 1L, 2L), ids(table.newScan().filter(Expressions.lessThan("score", 3.0))));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> table.newScan().filter(Expressions.equal("name", "n3")).records());
    assertTrue(e.getMessage().contains("unknown column 'name'"), e.getMessage());
  }

  @Test
  void boundsOfOldFilesStillPruneAfterWidening() {
    TableScan bigInts = table.newScan().filter(Expressions.greaterThan("i", 2_000_000_000L));
    assertEquals(10, bigInts.records().size());
    assertEquals(1, bigInts.metrics().filesSkippedByMetrics(), "the old file's 4-byte int bounds prune: " + bigInts.metrics());

    TableScan smallInts = table.newScan().filter(Expressions.lessThan("i", 25L));
    assertEquals(List.of(0L, 1L, 2L), ids(smallInts));
    assertEquals(1, smallInts.metrics().filesSkippedByMetrics(), smallInts.metrics().toString());

    TableScan bigDecimals = table.newScan().filter(Expressions.greaterThan("dec", new BigDecimal("1000.00")));
    assertEquals(10, bigDecimals.records().size());
    assertEquals(1, bigDecimals.metrics().filesSkippedByMetrics(), bigDecimals.metrics().toString());

    TableScan smallScores = table.newScan().filter(Expressions.lessThan("score", 2.0));
    assertEquals(List.of(0L, 1L), ids(smallScores));
    assertEquals(1, smallScores.metrics().filesSkippedByMetrics(), "float bounds read as double: " + smallScores.metrics());

    TableScan renamed = table.newScan().filter(Expressions.greaterThan("loc.latitude", 16.5));
    assertEquals(List.of(17L, 18L, 19L), ids(renamed));
    assertEquals(1, renamed.metrics().filesSkippedByMetrics(), renamed.metrics().toString());
  }

  @Test
  void selectedColumnsOfOldFiles() {
    List<Record> rows = table.newScan().select("full_name", "i", "email").filter(Expressions.equal("id", 4L)).records();
    assertEquals(1, rows.size());
    assertEquals(List.of("n4", 40L), List.of(rows.get(0).get(0), rows.get(0).get(1)));
    assertNull(rows.get(0).get(2));
  }

  @Test
  void timeTravelBeforeTheChangeReadsTheOldSchema() {
    TableScan old = table.newScan().useSnapshot(before.snapshotId());
    assertTrue(old.tableSchema().sameColumns(V0), old.tableSchema().toString());
    Map<Long, Object> rows = byId(old.records());
    assertEquals(10, rows.size());
    for (long k = 0; k < 10; k++) {
      assertEquals(normalize(oldRow(k)), rows.get(k));
    }
    assertEquals(List.of(3L), ids(table.newScan().useSnapshot(before.snapshotId()).filter(Expressions.equal("name", "n3"))));
    assertEquals(10, table.newScan().asOfTime(before.timestampMs()).records().size());
  }

  @Test
  void aDroppedAndReAddedColumnIsANewColumn() {
    table.updateSchema().deleteColumn("score").commit();
    table.updateSchema().addColumn("score", Types.DOUBLE).commit();
    assertEquals(22, table.schema().findField("score").id());
    for (Record r : table.newScan().records()) {
      assertNull(r.get(r.struct().fields().size() - 1), "the old values of the dropped column are not read");
    }
  }

  @Test
  void partitionsOnAWidenedColumnPruneOldAndNewFiles() {
    Schema schema = new Schema(NestedField.required(1, "id", Types.LONG), NestedField.optional(2, "k", Types.INT),
        NestedField.optional(3, "d", Types.decimal(4, 1)));
    Table t = new Tables(new LocalFileIO()).create(schema,
        PartitionSpec.builderFor(schema).identity("k").truncate("d", 100).build(), dir.resolve("p").toString());
    List<Record> rows = new ArrayList<>();
    for (long i = 0; i < 20; i++) {
      rows.add(rec(schema.asStruct(), "id", i, "k", (int) (i % 4), "d", BigDecimal.valueOf(i * 7, 1)));
    }
    t.newAppend().appendRecords(rows).commit();
    t.updateSchema().updateColumn("k", Types.LONG).updateColumn("d", Types.decimal(12, 1)).commit();
    assertEquals(Types.LONG, t.spec().partitionType().fields().get(0).type(), "the spec follows the widened column");
    List<Record> more = new ArrayList<>();
    for (long i = 20; i < 30; i++) {
      more.add(rec(t.schema().asStruct(), "id", i, "k", 5_000_000_000L + i % 2, "d", new BigDecimal("12345678901.5")));
    }
    t.newAppend().appendRecords(more).commit();
    for (Table table : List.of(t, new Tables(new LocalFileIO()).load(t.location()))) {
      TableScan two = table.newScan().filter(Expressions.equal("k", 2L));
      assertEquals(List.of(2L, 6L, 10L, 14L, 18L), ids(two));
      assertEquals(2, two.metrics().filesOpened(), "k=2 with d truncated to 0 and to 10.0: " + two.metrics());
      assertEquals(6, two.metrics().filesSkippedByPartition(), two.metrics().toString());
      TableScan big = table.newScan().filter(Expressions.greaterThan("k", 4_000_000_000L));
      assertEquals(10, big.records().size());
      assertEquals(2, big.metrics().filesOpened(), big.metrics().toString());
      assertEquals(1, big.metrics().manifestsSkipped(), "the old manifest's int partition bounds prune: " + big.metrics());
      TableScan bigDecimal = table.newScan().filter(Expressions.greaterThan("d", new BigDecimal("1000000.0")));
      assertEquals(10, bigDecimal.records().size());
      assertEquals(2, bigDecimal.metrics().filesOpened(), bigDecimal.metrics().toString());
    }
    // rewriting a manifest that holds files of the int era keeps their partition values
    t.newDelete().deleteFromRowFilter(Expressions.equal("k", 3L)).commit();
    assertEquals(25, t.newScan().records().size());
    assertEquals(List.of(1L, 5L, 9L, 13L, 17L), ids(t.newScan().filter(Expressions.equal("k", 1L))));
  }

  @Test
  void rowGroupsOfOldFilesAreSkippedByWidenedStatistics() {
    Schema schema = new Schema(NestedField.required(1, "id", Types.LONG), NestedField.optional(2, "n", Types.INT),
        NestedField.optional(3, "pad", Types.STRING));
    Table t = new Tables(new LocalFileIO()).create(schema, PartitionSpec.unpartitioned(schema), dir.resolve("rg").toString(),
        Map.of(TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, "4096"));
    List<Record> rows = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      rows.add(rec(schema.asStruct(), "id", i, "n", (int) i, "pad", "row " + i));
    }
    t.newAppend().appendRecords(rows).commit();
    t.updateSchema().updateColumn("n", Types.LONG).renameColumn("n", "num").commit();
    TableScan scan = t.newScan().filter(Expressions.greaterThan("num", 19_990L));
    assertEquals(9, scan.records().size());
    assertTrue(scan.metrics().rowGroupsSkipped() > 0, scan.metrics().toString());
    assertTrue(scan.metrics().rowsRead() < 20_000, scan.metrics().toString());
  }

  @Test
  void anAppendStartedBeforeASchemaChangeCommitsAfterIt() {
    AppendFiles append = table.newAppend().appendRecords(List.of(newRow(table.schema(), 100)));
    Table other = new Tables(new LocalFileIO()).load(table.location());
    other.updateSchema().addColumn("late", Types.STRING).renameColumn("full_name", "who").commit();
    Snapshot s = append.commit();
    assertEquals(other.refresh().metadata().currentSchemaId(), s.schemaId());
    Map<Long, Object> rows = byId(other.newScan().records());
    assertEquals(21, rows.size());
    @SuppressWarnings("unchecked")
    Map<String, Object> row = (Map<String, Object>) rows.get(100L);
    assertEquals("n100", row.get("who"));
    assertTrue(row.containsKey("late") && row.get("late") == null);
  }

  private static List<Long> ids(TableScan scan) {
    List<Long> ids = new ArrayList<>(byId(scan.records()).keySet());
    return ids;
  }
}
