package io.floe.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.partition.Transform;
import io.floe.scan.TableScan;
import io.floe.table.EvolutionRows;
import io.floe.table.Table;
import io.floe.table.Tables;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema and partition evolution across engines: Apache Iceberg 1.12 reads a table whose schema (renamed, dropped,
 * added, widened columns, nested too) and partition spec Floe evolved, with the same rows as Floe at every
 * snapshot; Floe reads a table Iceberg evolved the same way, and evolves it further with ids Iceberg agrees on.
 */
class EvolutionInteropTest {
  static final Schema V0 = new Schema(
      NestedField.required(1, "id", Types.LONG),
      NestedField.required(2, "ts", Types.TIMESTAMP),
      NestedField.optional(3, "region", Types.STRING),
      NestedField.optional(4, "cnt", Types.INT),
      NestedField.optional(5, "amount", Types.decimal(10, 2)),
      NestedField.optional(6, "note", Types.STRING),
      NestedField.optional(7, "pt", Types.struct(
          NestedField.optional(8, "x", Types.DOUBLE),
          NestedField.optional(9, "y", Types.FLOAT))));

  static final LocalDateTime START = LocalDateTime.of(2025, 3, 1, 0, 0);

  @TempDir
  Path dir;

  /** Row k of a Floe schema, by column name (columns the schema lacks are skipped). */
  static Record floeRow(Schema schema, long k) {
    StructType s = schema.asStruct();
    io.floe.data.GenericRecord r = new io.floe.data.GenericRecord(s);
    Map<String, Object> values = new TreeMap<>();
    values.put("id", k);
    values.put("ts", START.plusHours(k % 72));
    values.put("region", k % 3 == 0 ? null : "r" + k % 5);
    values.put("area", k % 3 == 0 ? null : "r" + k % 5);
    values.put("cnt", k % 4 == 0 ? null : schema.findField("cnt").type().equals(Types.INT) ? (Object) (int) (k * 7) : (Object) (k * 7 + 5_000_000_000L));
    values.put("amount", BigDecimal.valueOf(k * 101, 2));
    values.put("note", "note " + k);
    values.put("email", "e" + k + "@x");
    for (int i = 0; i < s.fields().size(); i++) {
      NestedField f = s.fields().get(i);
      if (f.name().equals("pt")) {
        StructType pt = f.type().asStruct();
        io.floe.data.GenericRecord p = new io.floe.data.GenericRecord(pt);
        for (int j = 0; j < pt.fields().size(); j++) {
          switch (pt.fields().get(j).name()) {
            case "x", "px" -> p.set(j, k * 0.5);
            case "y" -> p.set(j, pt.fields().get(j).type().equals(Types.FLOAT) ? (Object) (k * 0.25f) : (Object) (double) (k * 0.25f));
            case "z" -> p.set(j, -k * 1.5);
            default -> { }
          }
        }
        r.set(i, k % 9 == 0 ? null : p);
      } else {
        r.set(i, values.get(f.name()));
      }
    }
    return r;
  }

  @Test
  void icebergReadsATableFloeEvolved() throws Exception {
    String location = dir.resolve("floe_table").toString();
    Table floe = new Tables(new LocalFileIO()).create(V0, PartitionSpec.builderFor(V0).day("ts").build(), location);
    List<Record> first = new ArrayList<>();
    for (long k = 0; k < 100; k++) {
      first.add(floeRow(V0, k));
    }
    Snapshot s1 = floe.newAppend().appendRecords(first).commit();
    floe.updateSchema()
        .renameColumn("region", "area")
        .deleteColumn("note")
        .addColumn("email", Types.STRING)
        .updateColumn("cnt", Types.LONG)
        .updateColumn("amount", Types.decimal(20, 2))
        .renameColumn("pt.x", "px")
        .updateColumn("pt.y", Types.DOUBLE)
        .addColumn("pt", "z", Types.DOUBLE)
        .moveAfter("email", "id")
        .commit();
    floe.updateSpec().removeField("ts_day").addField(new Transform.Hour(), "ts").addField(new Transform.Bucket(4), "id")
        .commit();
    List<Record> second = new ArrayList<>();
    for (long k = 100; k < 160; k++) {
      second.add(floeRow(floe.schema(), k));
    }
    Snapshot s2 = floe.newAppend().appendRecords(second).commit();
    Snapshot s3 = floe.newDelete().deleteFromRowFilter(Expressions.lessThan("cnt", 70L)).commit();

    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(location);
    assertEquals(1, iceberg.schema().schemaId());
    assertEquals(floe.schema().findField("area").id(), iceberg.schema().findField("area").fieldId());
    assertEquals(floe.schema().findField("pt.z").id(), iceberg.schema().findField("pt.z").fieldId());
    assertEquals(2, iceberg.specs().size());
    assertEquals(1, iceberg.spec().specId());
    assertEquals("[1001: ts_hour: hour(2), 1002: id_bucket_4: bucket[4](1)]",
        iceberg.spec().fields().stream().map(Object::toString).toList().toString());
    assertEquals(floe.metadata().lastColumnId(), ((org.apache.iceberg.HasTableOperations) iceberg).operations()
        .current().lastColumnId());

    for (Snapshot s : List.of(s1, s2, s3)) {
      Map<Long, Object> floeRows = EvolutionRows.byId(floe.newScan().useSnapshot(s.snapshotId()).records());
      Schema schema = floe.newScan().useSnapshot(s.snapshotId()).tableSchema();
      Map<Long, Object> icebergRows = new TreeMap<>();
      try (CloseableIterable<org.apache.iceberg.data.Record> rows =
               IcebergGenerics.read(iceberg).useSnapshot(s.snapshotId()).build()) {
        for (org.apache.iceberg.data.Record r : rows) {
          Record converted = (Record) FloeToIcebergTest.convert(schema.asStruct(), r);
          icebergRows.put((Long) r.getField("id"), EvolutionRows.normalize(converted));
        }
      }
      assertEquals(Long.parseLong(s.summary().get("total-records")), floeRows.size());
      assertEquals(floeRows, icebergRows, "snapshot " + s.snapshotId() + " (" + s.operation() + ")");
    }
    assertEquals(160 - 7, floe.newScan().records().size(),
        "the rows with cnt < 70 (ids 1 to 9 but not 4 and 8, whose cnt is null) are gone");

    // Iceberg prunes the files of both specs with a ts filter as Floe does
    LocalDateTime from = START.plusHours(20);
    LocalDateTime to = START.plusHours(23);
    TableScan floeScan = floe.newScan().filter(Expressions.and(Expressions.greaterThanOrEqual("ts", from),
        Expressions.lessThan("ts", to)));
    int floeFiles = floeScan.planFiles().size();
    org.apache.iceberg.expressions.Expression filter = org.apache.iceberg.expressions.Expressions.and(
        org.apache.iceberg.expressions.Expressions.greaterThanOrEqual("ts", from.toString()),
        org.apache.iceberg.expressions.Expressions.lessThan("ts", to.toString()));
    int icebergFiles = 0;
    try (CloseableIterable<FileScanTask> tasks = iceberg.newScan().filter(filter).planFiles()) {
      for (FileScanTask ignored : tasks) {
        icebergFiles++;
      }
    }
    assertEquals(floeFiles, icebergFiles);
    assertTrue(floeScan.metrics().filesSkippedByPartition() > 0, floeScan.metrics().toString());
  }

  @Test
  void floeReadsATableIcebergEvolved() throws Exception {
    org.apache.iceberg.Schema schema = new org.apache.iceberg.Schema(
        org.apache.iceberg.types.Types.NestedField.required(1, "id", org.apache.iceberg.types.Types.LongType.get()),
        org.apache.iceberg.types.Types.NestedField.required(2, "ts", org.apache.iceberg.types.Types.TimestampType.withoutZone()),
        org.apache.iceberg.types.Types.NestedField.optional(3, "region", org.apache.iceberg.types.Types.StringType.get()),
        org.apache.iceberg.types.Types.NestedField.optional(4, "cnt", org.apache.iceberg.types.Types.IntegerType.get()),
        org.apache.iceberg.types.Types.NestedField.optional(5, "amount", org.apache.iceberg.types.Types.DecimalType.of(10, 2)),
        org.apache.iceberg.types.Types.NestedField.optional(6, "note", org.apache.iceberg.types.Types.StringType.get()),
        org.apache.iceberg.types.Types.NestedField.optional(7, "pt", org.apache.iceberg.types.Types.StructType.of(
            org.apache.iceberg.types.Types.NestedField.optional(8, "x", org.apache.iceberg.types.Types.DoubleType.get()),
            org.apache.iceberg.types.Types.NestedField.optional(9, "y", org.apache.iceberg.types.Types.FloatType.get()))));
    String location = dir.resolve("iceberg_table").toString();
    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).create(schema,
        org.apache.iceberg.PartitionSpec.builderFor(schema).day("ts").build(), location);
    appendIceberg(iceberg, 0, 100);
    long s1 = iceberg.currentSnapshot().snapshotId();
    iceberg.updateSchema()
        .renameColumn("region", "area")
        .deleteColumn("note")
        .addColumn("email", org.apache.iceberg.types.Types.StringType.get())
        .updateColumn("cnt", org.apache.iceberg.types.Types.LongType.get())
        .updateColumn("amount", org.apache.iceberg.types.Types.DecimalType.of(20, 2))
        .renameColumn("pt.x", "px")
        .updateColumn("pt.y", org.apache.iceberg.types.Types.DoubleType.get())
        .addColumn("pt", "z", org.apache.iceberg.types.Types.DoubleType.get())
        .moveAfter("email", "id")
        .commit();
    iceberg.updateSpec().removeField("ts_day")
        .addField(org.apache.iceberg.expressions.Expressions.hour("ts"))
        .addField(org.apache.iceberg.expressions.Expressions.bucket("id", 4))
        .commit();
    appendIceberg(iceberg, 100, 60);
    long s2 = iceberg.currentSnapshot().snapshotId();

    Table floe = new Tables(new LocalFileIO()).load(location);
    assertEquals(List.of("id", "email", "ts", "area", "cnt", "amount", "pt"), floe.schema().columnNames());
    assertEquals(2, floe.metadata().specs().size());
    assertEquals(List.of("ts_hour", "id_bucket_4"), floe.spec().fields().stream().map(f -> f.name()).toList());
    for (long s : List.of(s1, s2)) {
      assertSameRows(iceberg, floe, s);
    }

    // filters on the new names and types, pruning files of both specs
    LocalDateTime from = START.plusHours(20);
    TableScan scan = floe.newScan().filter(Expressions.and(Expressions.greaterThanOrEqual("ts", from),
        Expressions.lessThan("ts", from.plusHours(3)), Expressions.notNull("area")));
    long expected = floe.newScan().records().stream().filter(r -> {
      long ts = (Long) r.get(2);
      long f = from.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L;
      return ts >= f && ts < f + 3 * 3_600_000_000L && r.get(3) != null;
    }).count();
    assertTrue(expected > 0);
    assertEquals(expected, scan.records().size());
    assertTrue(scan.metrics().filesSkippedByPartition() > 0, scan.metrics().toString());
    TableScan bigCounts = floe.newScan().filter(Expressions.greaterThan("cnt", 4_000_000_000L));
    assertEquals(60 - 15, bigCounts.records().size(), "only the new rows have cnt over 2^32 (every 4th is null)");
    assertTrue(bigCounts.metrics().filesSkippedByMetrics() > 0, "old int bounds prune: " + bigCounts.metrics());

    // Floe evolves it further; Iceberg agrees on the ids and reads Floe's rows
    int lastColumnId = ((org.apache.iceberg.HasTableOperations) iceberg).operations().current().lastColumnId();
    Schema evolved = floe.updateSchema().addColumn("extra", Types.LONG).deleteColumn("email").commit();
    assertEquals(lastColumnId + 1, evolved.findField("extra").id());
    floe.updateSpec().addField("area").commit();
    List<Record> more = new ArrayList<>();
    for (long k = 200; k < 210; k++) {
      Record r = floeRow(floe.schema(), k);
      r.set(floe.schema().columnNames().indexOf("extra"), k * 3);
      more.add(r);
    }
    Snapshot s3 = floe.newAppend().appendRecords(more).commit();
    iceberg.refresh();
    assertEquals(3, iceberg.specs().size());
    assertEquals(List.of("ts_hour", "id_bucket_4", "area"), iceberg.spec().fields().stream().map(f -> f.name()).toList());
    assertSameRows(iceberg, floe, s3.snapshotId());
  }

  private static void assertSameRows(org.apache.iceberg.Table iceberg, Table floe, long snapshotId) throws Exception {
    Schema schema = floe.newScan().useSnapshot(snapshotId).tableSchema();
    Map<Long, Object> icebergRows = new TreeMap<>();
    try (CloseableIterable<org.apache.iceberg.data.Record> rows = IcebergGenerics.read(iceberg).useSnapshot(snapshotId).build()) {
      for (org.apache.iceberg.data.Record r : rows) {
        icebergRows.put((Long) r.getField("id"), EvolutionRows.normalize(FloeToIcebergTest.convert(schema.asStruct(), r)));
      }
    }
    Map<Long, Object> floeRows = EvolutionRows.byId(floe.newScan().useSnapshot(snapshotId).records());
    assertTrue(!floeRows.isEmpty());
    assertEquals(icebergRows, floeRows, "snapshot " + snapshotId);
  }

  /** Appends rows [first, first+count) written by Iceberg with its current schema and spec. */
  private static void appendIceberg(org.apache.iceberg.Table iceberg, long first, int count) throws Exception {
    org.apache.iceberg.Schema schema = iceberg.schema();
    List<org.apache.iceberg.data.Record> rows = new ArrayList<>();
    for (long k = first; k < first + count; k++) {
      GenericRecord r = GenericRecord.create(schema);
      r.setField("id", k);
      r.setField("ts", START.plusHours(k % 72));
      boolean evolved = schema.findField("area") != null;
      r.setField(evolved ? "area" : "region", k % 3 == 0 ? null : "r" + k % 5);
      r.setField("cnt", k % 4 == 0 ? null : evolved ? (Object) (k * 7 + 5_000_000_000L) : (Object) (int) (k * 7));
      r.setField("amount", BigDecimal.valueOf(k * 101, 2));
      GenericRecord pt = GenericRecord.create(schema.findField("pt").type().asStructType());
      if (evolved) {
        r.setField("email", "e" + k + "@x");
        pt.setField("px", k * 0.5);
        pt.setField("y", (double) (k * 0.25f));
        pt.setField("z", -k * 1.5);
      } else {
        r.setField("note", "note " + k);
        pt.setField("x", k * 0.5);
        pt.setField("y", k * 0.25f);
      }
      r.setField("pt", k % 9 == 0 ? null : pt);
      rows.add(r);
    }
    List<DataFile> files = IcebergToFloeTest.write(iceberg, rows);
    var append = iceberg.newAppend();
    files.forEach(append::appendFile);
    append.commit();
  }
}
