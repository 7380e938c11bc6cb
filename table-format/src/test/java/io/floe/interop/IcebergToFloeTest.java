package io.floe.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.scan.TableScan;
import io.floe.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables written by Apache Iceberg 1.12 (partitioned, several snapshots) read by Floe give the same rows. */
class IcebergToFloeTest {
  static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "id", Types.LongType.get()),
      Types.NestedField.required(2, "ts", Types.TimestampType.withoutZone()),
      Types.NestedField.optional(3, "region", Types.StringType.get()),
      Types.NestedField.optional(4, "amount", Types.DecimalType.of(10, 2)),
      Types.NestedField.optional(5, "tags", Types.ListType.ofOptional(6, Types.StringType.get())),
      Types.NestedField.optional(7, "pt", Types.StructType.of(
          Types.NestedField.optional(8, "x", Types.DoubleType.get()),
          Types.NestedField.optional(9, "y", Types.DoubleType.get()))));

  @TempDir
  Path dir;

  @Test
  void floeReadsEverySnapshotOfAnIcebergTable() throws Exception {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).day("ts").bucket("id", 4).build();
    String location = dir.resolve("iceberg_table").toString();
    Table iceberg = new HadoopTables(new Configuration()).create(SCHEMA, spec, location);

    List<DataFile> batch1 = write(iceberg, rows(0, 120));
    var append1 = iceberg.newAppend();
    batch1.forEach(append1::appendFile);
    append1.commit();
    List<DataFile> batch2 = write(iceberg, rows(120, 80));
    var append2 = iceberg.newFastAppend();
    batch2.forEach(append2::appendFile);
    append2.commit();
    var overwrite = iceberg.newOverwrite().deleteFile(batch1.get(0));
    write(iceberg, rows(1000, 10)).forEach(overwrite::addFile);
    overwrite.commit();
    iceberg.newDelete().deleteFile(batch2.get(1)).commit();

    io.floe.table.Table floe = new io.floe.table.Tables(new LocalFileIO()).load(location);
    int snapshots = 0;
    for (Snapshot s : iceberg.snapshots()) {
      snapshots++;
      Map<Long, List<Object>> expected = new TreeMap<>();
      try (CloseableIterable<org.apache.iceberg.data.Record> rows = IcebergGenerics.read(iceberg).useSnapshot(s.snapshotId()).build()) {
        for (org.apache.iceberg.data.Record r : rows) {
          expected.put((Long) r.get(0), asList((Record) FloeToIcebergTest.convert(floeStruct(floe), r)));
        }
      }
      Map<Long, List<Object>> actual = new TreeMap<>();
      for (Record r : floe.newScan().useSnapshot(s.snapshotId()).records()) {
        actual.put((Long) r.get(0), asList(r));
      }
      assertEquals(expected, actual, "snapshot " + s.snapshotId() + " (" + s.operation() + ")");
      assertEquals(Long.parseLong(s.summary().get("total-records")), actual.size());
    }
    assertEquals(4, snapshots);
    assertEquals(floe.snapshots().size(), snapshots);

    // partition pruning works on Iceberg-written partition values
    LocalDateTime day = LocalDateTime.of(2025, 3, 2, 0, 0);
    TableScan oneDay = floe.newScan().filter(Expressions.and(Expressions.greaterThanOrEqual("ts", day),
        Expressions.lessThan("ts", day.plusDays(1))));
    List<Record> dayRows = oneDay.records();
    long dayStart = day.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L;
    long inDay = floe.newScan().records().stream()
        .filter(r -> (Long) r.get(1) >= dayStart && (Long) r.get(1) < dayStart + 86_400_000_000L).count();
    assertTrue(inDay > 0);
    assertEquals(inDay, dayRows.size(), oneDay.metrics().toString());
    assertTrue(oneDay.metrics().filesSkippedByPartition() > 0, oneDay.metrics().toString());
  }

  private static StructType floeStruct(io.floe.table.Table floe) {
    return floe.schema().asStruct();
  }

  private static List<Object> asList(Record r) {
    @SuppressWarnings("unchecked")
    List<Object> values = (List<Object>) FloeToIcebergTest.normalize(r);
    return values;
  }

  static List<org.apache.iceberg.data.Record> rows(long first, int count) {
    List<org.apache.iceberg.data.Record> rows = new ArrayList<>();
    for (long id = first; id < first + count; id++) {
      GenericRecord r = GenericRecord.create(SCHEMA);
      r.set(0, id);
      r.set(1, LocalDateTime.of(2025, 3, 1, 0, 0).plusHours(id % 120));
      r.set(2, id % 3 == 0 ? null : "r" + (id % 5));
      r.set(3, id % 4 == 0 ? null : BigDecimal.valueOf(id * 101 % 100000, 2));
      r.set(4, id % 6 == 0 ? null : List.of("t" + id, "u"));
      GenericRecord pt = GenericRecord.create(SCHEMA.findField("pt").type().asStructType());
      pt.set(0, id * 0.5);
      pt.set(1, id % 2 == 0 ? null : -id * 0.25);
      r.set(5, id % 9 == 0 ? null : pt);
      rows.add(r);
    }
    return rows;
  }

  /** Writes rows into one Parquet file per partition with Iceberg's own writer. */
  static List<DataFile> write(Table table, List<org.apache.iceberg.data.Record> rows) throws Exception {
    PartitionKey key = new PartitionKey(table.spec(), table.schema());
    InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
    Map<PartitionKey, List<org.apache.iceberg.data.Record>> groups = new HashMap<>();
    for (org.apache.iceberg.data.Record r : rows) {
      key.partition(wrapper.wrap(r));
      groups.computeIfAbsent(key.copy(), k -> new ArrayList<>()).add(r);
    }
    List<DataFile> files = new ArrayList<>();
    for (Map.Entry<PartitionKey, List<org.apache.iceberg.data.Record>> g : groups.entrySet()) {
      OutputFile out = table.io().newOutputFile(
          table.locationProvider().newDataLocation(table.spec(), g.getKey(), UUID.randomUUID() + ".parquet"));
      DataWriter<org.apache.iceberg.data.Record> writer = Parquet.writeData(out)
          .schema(table.schema())
          .withSpec(table.spec())
          .withPartition(g.getKey())
          .createWriterFunc(mt -> GenericParquetWriter.create(table.schema(), mt))
          .overwrite()
          .build();
      try (writer) {
        g.getValue().forEach(writer::write);
      }
      files.add(writer.toDataFile());
    }
    return files;
  }
}
