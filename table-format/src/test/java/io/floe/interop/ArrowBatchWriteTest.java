package io.floe.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.arrow.ArrowRows;
import io.floe.arrow.ArrowSchemas;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.data.Values;
import io.floe.io.LocalFileIO;
import io.floe.manifest.DataFile;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.puffin.ColumnThetaSketches;
import io.floe.table.Table;
import io.floe.table.TableProperties;
import io.floe.table.TableWriter;
import io.floe.table.Tables;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arrow batches written with {@link TableWriter#write(VectorSchemaRoot)} (column by column for tables without nested
 * columns, row by row otherwise) give the rows, file metrics and distinct counts that writing the same rows as
 * records gives, and Apache Iceberg's generic reader reads them back.
 */
class ArrowBatchWriteTest {
  /** Every primitive column of {@link AllTypes}, plus a decimal stored as INT32. */
  static final Schema FLAT = flatSchema();

  @TempDir
  Path dir;

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close(); // fails if a batch leaked
  }

  private static Schema flatSchema() {
    List<NestedField> fields = new ArrayList<>(AllTypes.SCHEMA.columns().stream()
        .filter(f -> f.type().isPrimitive()).toList());
    fields.add(NestedField.optional(24, "small", Types.decimal(7, 2)));
    return new Schema(fields);
  }

  /** Row {@code id} of {@link AllTypes} cut to {@link #FLAT}'s columns. */
  private static List<Record> flatRows(long first, int count) {
    List<Record> rows = new ArrayList<>();
    for (Record full : AllTypes.rows(first, count)) {
      GenericRecord row = new GenericRecord(FLAT.asStruct());
      for (int c = 0; c < FLAT.columns().size() - 1; c++) {
        row.set(c, full.get(AllTypes.SCHEMA.columns().indexOf(FLAT.columns().get(c))));
      }
      long id = (Long) full.get(0);
      long small = id * 12_345 % 9_999_999 - 4_999_999;
      row.set(FLAT.columns().size() - 1, id % 5 == 1 ? null : BigDecimal.valueOf(small, 2));
      rows.add(Values.toInternal(FLAT.asStruct(), row));
    }
    return rows;
  }

  private static List<Record> internal(Schema schema, List<Record> rows) {
    return rows.stream().map(r -> (Record) Values.toInternal(schema.asStruct(), r)).toList();
  }

  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of("unpartitioned", (Function<Schema, PartitionSpec>) PartitionSpec::unpartitioned),
        Arguments.of("identity", (Function<Schema, PartitionSpec>) s -> PartitionSpec.builderFor(s)
            .identity("b").identity("dt").build()),
        Arguments.of("bucket", (Function<Schema, PartitionSpec>) s -> PartitionSpec.builderFor(s)
            .bucket("s", 5).bucket("u", 3).build()),
        Arguments.of("truncate-day", (Function<Schema, PartitionSpec>) s -> PartitionSpec.builderFor(s)
            .truncate("dec", 100000).day("tstz").build()));
  }

  private Table create(String name, Schema schema, PartitionSpec spec, Map<String, String> properties) {
    return new Tables(new LocalFileIO()).create(schema, spec, dir.resolve(name).toString(), properties);
  }

  /** Writes {@code rows} as Arrow batches of {@code batchRows} rows through one append writer and commits them. */
  private Snapshot appendBatches(Table table, List<Record> rows, int batchRows) {
    TableWriter writer = table.newAppendWriter();
    for (int from = 0; from < rows.size(); from += batchRows) {
      List<Record> slice = rows.subList(from, Math.min(rows.size(), from + batchRows));
      try (VectorSchemaRoot batch = ArrowRows.toRoot(table.schema(), slice, allocator)) {
        writer.write(batch);
      }
    }
    return table.newAppend().appendWritten(writer).commit();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void batchesWriteWhatRecordsWrite(String name, Function<Schema, PartitionSpec> spec) throws IOException {
    List<Record> rows = flatRows(0, 300);
    Table byRecords = create(name + "-records", FLAT, spec.apply(FLAT), Map.of());
    TableWriter recordWriter = byRecords.newAppendWriter();
    recordWriter.writeAll(rows);
    Snapshot recordSnapshot = byRecords.newAppend().appendWritten(recordWriter).commit();
    Table byBatches = create(name + "-batches", FLAT, spec.apply(FLAT), Map.of());
    Snapshot batchSnapshot = appendBatches(byBatches, rows, 64);

    assertEquals(rows.size(), icebergRows(byBatches, FLAT).size());
    Map<Long, Record> read = icebergRows(byBatches, FLAT);
    for (Record expected : rows) {
      FloeToIcebergTest.assertRowEquals(expected, read.get((Long) expected.get(0)), name + " row " + expected.get(0));
    }
    List<DataFile> recordFiles = files(byRecords);
    List<DataFile> batchFiles = files(byBatches);
    assertEquals(recordFiles.size(), batchFiles.size(), name + ": files (one per partition)");
    for (int f = 0; f < recordFiles.size(); f++) {
      DataFile expected = recordFiles.get(f);
      DataFile actual = batchFiles.get(f);
      assertEquals(expected.partition(), actual.partition(), name);
      assertEquals(expected.recordCount(), actual.recordCount(), name + " " + expected.partition());
      assertEquals(expected.metrics().valueCounts(), actual.metrics().valueCounts(), name);
      assertEquals(expected.metrics().nullValueCounts(), actual.metrics().nullValueCounts(), name);
      assertEquals(expected.metrics().nanValueCounts(), actual.metrics().nanValueCounts(), name);
      assertEquals(expected.metrics().lowerBounds(), actual.metrics().lowerBounds(), name);
      assertEquals(expected.metrics().upperBounds(), actual.metrics().upperBounds(), name);
    }
    assertEquals(distinctCounts(byRecords, recordSnapshot), distinctCounts(byBatches, batchSnapshot), name);
  }

  @Test
  void filesRollAtTheTargetSize() throws IOException {
    Table table = create("rolled", FLAT, PartitionSpec.unpartitioned(FLAT),
        Map.of(TableProperties.TARGET_FILE_SIZE_BYTES, "30000"));
    List<Record> rows = flatRows(0, 6000);
    appendBatches(table, rows, 4000);
    List<DataFile> files = files(table);
    assertTrue(files.size() >= 3, "a 30 KB target splits 6,000 rows into several files: " + files.size());
    assertEquals(6000, files.stream().mapToLong(DataFile::recordCount).sum());
    assertEquals(6000, icebergRows(table, FLAT).size());
  }

  @Test
  void nestedColumnsAreWrittenRowByRow() throws IOException {
    Table table = create("nested", AllTypes.SCHEMA, PartitionSpec.builderFor(AllTypes.SCHEMA).bucket("id", 2).build(),
        Map.of());
    List<Record> rows = internal(AllTypes.SCHEMA, AllTypes.rows(0, 120));
    appendBatches(table, rows, 50);
    Map<Long, Record> read = icebergRows(table, AllTypes.SCHEMA);
    assertEquals(rows.size(), read.size());
    for (Record expected : rows) {
      FloeToIcebergTest.assertRowEquals(expected, read.get((Long) expected.get(0)), "row " + expected.get(0));
    }
  }

  @Test
  void aBatchOfAnotherShapeOrWithANullInARequiredColumnFailsBeforeWritingAndLosesNothing() throws IOException {
    Table table = create("checked", FLAT, PartitionSpec.unpartitioned(FLAT), Map.of());
    TableWriter writer = table.newAppendWriter();
    try (VectorSchemaRoot good = ArrowRows.toRoot(FLAT, flatRows(0, 10), allocator)) {
      writer.write(good);
    }
    // column 3 ('i', int) given as a bigint
    List<Field> fields = new ArrayList<>(ArrowSchemas.toArrow(FLAT).getFields());
    fields.set(2, new Field("i", FieldType.nullable(new ArrowType.Int(64, true)), null));
    try (VectorSchemaRoot wrongType = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields),
        allocator)) {
      wrongType.allocateNew();
      wrongType.setRowCount(0);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.write(wrongType));
      assertTrue(e.getMessage().contains("'i'") && e.getMessage().contains(table.name()), e.getMessage());
    }
    try (VectorSchemaRoot nullId = ArrowRows.toRoot(FLAT, flatRows(10, 5), allocator)) {
      ((BigIntVector) nullId.getVector(0)).setNull(3);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.write(nullId));
      assertTrue(e.getMessage().contains("required column 'id'"), e.getMessage());
    }
    try (VectorSchemaRoot more = ArrowRows.toRoot(FLAT, flatRows(20, 5), allocator)) {
      writer.write(more);
    }
    table.newAppend().appendWritten(writer).commit();
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 20L, 21L, 22L, 23L, 24L),
        new ArrayList<>(icebergRows(table, FLAT).keySet()));
  }

  @Test
  void aDecimalBeyondItsPrecisionFailsNamingTheColumnAndAbortDeletesTheFiles() throws IOException {
    Table table = create("overflow", FLAT, PartitionSpec.unpartitioned(FLAT), Map.of());
    TableWriter writer = table.newAppendWriter();
    try (VectorSchemaRoot batch = ArrowRows.toRoot(FLAT, flatRows(0, 10), allocator)) {
      org.apache.arrow.vector.DecimalVector small = (org.apache.arrow.vector.DecimalVector) batch.getVector("small");
      small.getDataBuffer().setLong(16L * 4, 123_456_789L); // 1234567.89 in a decimal(7, 2)
      small.getDataBuffer().setLong(16L * 4 + 8, 0L);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.write(batch));
      assertTrue(e.getMessage().contains("1234567.89") && e.getMessage().contains("'small'"), e.getMessage());
    }
    writer.abort();
    try (Stream<Path> files = Files.walk(dir.resolve("overflow"))) {
      assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".parquet")).toList());
    }
    assertEquals(null, table.refresh().currentSnapshot());
  }

  private static List<DataFile> files(Table table) {
    return table.refresh().newScan().planFiles().stream().map(t -> t.file())
        .sorted(Comparator.comparing(f -> String.valueOf(f.partition()))).toList();
  }

  private static Map<Integer, Long> distinctCounts(Table table, Snapshot snapshot) {
    return ColumnThetaSketches.distinctCounts(table.refresh().metadata().statisticsFile(snapshot.snapshotId()));
  }

  /** The table's rows read by Apache Iceberg, by id, in Floe's internal values. */
  private static Map<Long, Record> icebergRows(Table table, Schema schema) throws IOException {
    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(table.location());
    Map<Long, Record> rows = new TreeMap<>();
    try (CloseableIterable<org.apache.iceberg.data.Record> read = IcebergGenerics.read(iceberg).build()) {
      for (org.apache.iceberg.data.Record r : read) {
        Record converted = (Record) FloeToIcebergTest.convert(schema.asStruct(), r);
        rows.put((Long) converted.get(0), converted);
      }
    }
    return rows;
  }
}
