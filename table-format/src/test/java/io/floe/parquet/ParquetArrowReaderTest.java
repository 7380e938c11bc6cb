package io.floe.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.arrow.ArrowRows;
import io.floe.arrow.ArrowSchemas;
import io.floe.data.GenericRecord;
import io.floe.data.Metrics;
import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.File;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetArrowReaderTest {
  @TempDir
  Path dir;

  private final LocalFileIO io = new LocalFileIO();
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked");
    allocator.close();
  }

  private File floeFile(Schema schema, List<Record> rows, ParquetWriteOptions options) {
    File file = dir.resolve("floe-" + System.nanoTime() + ".parquet").toFile();
    ParquetDataWriterTest.write(io, file, schema, rows, options);
    return file;
  }

  private List<Record> readAll(File file, Schema projection, int batchSize, Predicate<Metrics> filter) {
    List<Record> out = new ArrayList<>();
    try (ParquetBatchIterator batches = ParquetArrowReader.read(io.newInputFile(file.getPath()), projection, allocator,
        batchSize, filter)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          assertTrue(batch.getRowCount() <= batchSize);
          assertEquals(ArrowSchemas.toArrow(projection), batch.getSchema());
          out.addAll(ArrowRows.toRecords(batch, projection));
        }
      }
    }
    return out;
  }

  @Test
  void roundTripsEveryPrimitiveType() {
    Schema schema = SampleData.primitives();
    List<Record> rows = SampleData.rows(schema, 5000, 1);
    File file = floeFile(schema, rows, ParquetWriteOptions.defaults());
    assertEquals(rows, readAll(file, schema, 1024, null));
  }

  @Test
  void roundTripsWithoutDictionaryAndAcrossRowGroups() {
    Schema schema = SampleData.primitives();
    List<Record> rows = SampleData.rows(schema, 12000, 2);
    File file = floeFile(schema, rows, ParquetWriteOptions.defaults().withDictionary(false)
        .withRowGroupSize(32 * 1024).withPageSize(4096).withCompression(ParquetWriteOptions.Codec.SNAPPY));
    assertEquals(rows, readAll(file, schema, 777, null));
  }

  @Test
  void roundTripsNestedStructsListsAndMaps() {
    Schema schema = SampleData.nested();
    List<Record> rows = SampleData.rows(schema, 4000, 3);
    File file = floeFile(schema, rows, ParquetWriteOptions.defaults().withRowGroupSize(64 * 1024));
    assertEquals(rows, readAll(file, schema, 500, null));
  }

  @Test
  void readsFilesWrittenByIceberg() {
    for (Schema schema : List.of(SampleData.primitives(), SampleData.nested())) {
      List<Record> rows = SampleData.rows(schema, 3000, 4);
      File file = dir.resolve("iceberg-" + schema.columns().size() + ".parquet").toFile();
      IcebergInterop.write(file, schema, rows, Map.of("write.parquet.row-group-size-bytes", "65536"));
      assertEquals(rows, readAll(file, schema, 1000, null));
    }
  }

  @Test
  void projectsByFieldIdWithRenamedReorderedAndMissingColumns() {
    Schema written = SampleData.nested();
    List<Record> rows = SampleData.rows(written, 300, 5);
    File file = floeFile(written, rows, ParquetWriteOptions.defaults());
    Schema projection = new Schema(
        NestedField.optional(11, "attributes", Types.map(12, Types.STRING, 13, Types.LONG, false)),
        NestedField.optional(2, "pt", Types.struct(
            NestedField.optional(99, "added", Types.STRING),
            NestedField.optional(4, "name", Types.STRING))),
        NestedField.required(1, "key", Types.LONG),
        NestedField.optional(100, "new_col", Types.INT),
        NestedField.optional(101, "new_struct", Types.struct(NestedField.optional(102, "z", Types.INT))));
    List<Record> read = readAll(file, projection, 128, null);
    assertEquals(rows.size(), read.size());
    for (int i = 0; i < rows.size(); i++) {
      Record expected = rows.get(i);
      Record actual = read.get(i);
      assertEquals(expected.get(4), actual.get(0), "map by id, row " + i);
      Record point = (Record) expected.get(1);
      Record pt = (Record) actual.get(1);
      if (point == null) {
        assertNull(pt);
      } else {
        assertNull(pt.get(0));
        assertEquals(point.get(1), pt.get(1), "renamed struct field, row " + i);
      }
      assertEquals(expected.get(0), actual.get(2));
      assertNull(actual.get(3));
      assertNull(actual.get(4));
    }
  }

  @Test
  void structWithOnlyMissingFieldsKeepsItsNulls() {
    Schema written = SampleData.nested();
    List<Record> rows = SampleData.rows(written, 200, 6);
    File file = floeFile(written, rows, ParquetWriteOptions.defaults());
    Schema projection = new Schema(
        NestedField.optional(2, "point", Types.struct(NestedField.optional(200, "gone", Types.INT))));
    List<Record> read = readAll(file, projection, 64, null);
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.get(i).get(1) == null, read.get(i).get(0) == null, "row " + i);
    }
  }

  @Test
  void requiredMissingColumnIsAnError() {
    Schema written = new Schema(NestedField.required(1, "a", Types.INT));
    File file = floeFile(written, List.of(GenericRecord.of(written.asStruct(), 1)), ParquetWriteOptions.defaults());
    Schema projection = new Schema(NestedField.required(1, "a", Types.INT), NestedField.required(7, "b", Types.INT));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParquetArrowReader.read(io.newInputFile(file.getPath()), projection, allocator, 10, null));
    assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains(file.getPath()), e.getMessage());
  }

  @Test
  void incompatibleTypeIsAnError() {
    Schema written = new Schema(NestedField.required(1, "a", Types.STRING));
    File file = floeFile(written, List.of(GenericRecord.of(written.asStruct(), "x")), ParquetWriteOptions.defaults());
    Schema projection = new Schema(NestedField.required(1, "a", Types.LONG));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParquetArrowReader.read(io.newInputFile(file.getPath()), projection, allocator, 10, null));
    assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("long"), e.getMessage());
  }

  @Test
  void promotesIntFloatAndDecimal() {
    Schema written = new Schema(
        NestedField.optional(1, "i", Types.INT),
        NestedField.optional(2, "f", Types.FLOAT),
        NestedField.optional(3, "dec", Types.decimal(9, 2)),
        NestedField.optional(4, "s", Types.struct(NestedField.optional(5, "i", Types.INT))),
        NestedField.optional(6, "fl", Types.list(7, Types.FLOAT, false)));
    List<Record> rows = new ArrayList<>();
    for (int k = 0; k < 100; k++) {
      boolean isNull = k % 7 == 0;
      rows.add(GenericRecord.of(written.asStruct(), isNull ? null : k * 1000, isNull ? null : k / 4.0f,
          isNull ? null : new BigDecimal(k).movePointLeft(2), GenericRecord.of(written.findField(4).type().asStruct(), k),
          isNull ? null : java.util.Arrays.asList(1.5f, null)));
    }
    File file = floeFile(written, rows, ParquetWriteOptions.defaults());
    Schema widened = new Schema(
        NestedField.optional(1, "i", Types.LONG),
        NestedField.optional(2, "f", Types.DOUBLE),
        NestedField.optional(3, "dec", Types.decimal(30, 2)),
        NestedField.optional(4, "s", Types.struct(NestedField.optional(5, "i", Types.LONG))),
        NestedField.optional(6, "fl", Types.list(7, Types.DOUBLE, false)));
    List<Record> read = readAll(file, widened, 30, null);
    for (int k = 0; k < rows.size(); k++) {
      Record r = rows.get(k);
      Record w = read.get(k);
      assertEquals(r.get(0) == null ? null : ((Integer) r.get(0)).longValue(), w.get(0));
      assertEquals(r.get(1) == null ? null : ((Float) r.get(1)).doubleValue(), w.get(1));
      assertEquals(r.get(2), w.get(2));
      assertEquals((long) k, ((Record) w.get(3)).get(0));
      assertEquals(r.get(4) == null ? null : java.util.Arrays.asList(1.5d, null), w.get(4));
    }
  }

  @Test
  void skipsRowGroupsRejectedByTheirStatistics() {
    Schema schema = SampleData.primitives();
    List<Record> rows = SampleData.rows(schema, 20000, 8);
    File file = floeFile(schema, rows, ParquetWriteOptions.defaults().withRowGroupSize(16 * 1024));
    Schema projection = schema.select(List.of("id", "s"));
    List<Metrics> seen = new ArrayList<>();
    Predicate<Metrics> idAtLeast15000 = metrics -> {
      seen.add(metrics);
      int upper = metrics.upperBounds().get(1).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
      return upper >= 15000;
    };
    ParquetReadStats shared = new ParquetReadStats();
    List<Record> read = new ArrayList<>();
    long skipped;
    try (ParquetBatchIterator batches = ParquetArrowReader.read(io.newInputFile(file.getPath()), projection, allocator,
        4096, idAtLeast15000, shared)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          read.addAll(ArrowRows.toRecords(batch, projection));
        }
      }
      skipped = batches.stats().rowGroupsSkipped();
      assertEquals(seen.size(), batches.stats().rowGroupsRead() + skipped);
    }
    assertTrue(seen.size() > 3, "row groups: " + seen.size());
    assertTrue(skipped > 0 && skipped < seen.size(), "skipped " + skipped + " of " + seen.size());
    assertEquals(skipped, shared.rowGroupsSkipped());
    assertEquals(read.size(), shared.rowsRead());
    int firstId = (Integer) read.get(0).get(0);
    assertTrue(firstId <= 15000 && firstId > 0, "first id read " + firstId);
    assertEquals(20000 - firstId, read.size());
    assertEquals(19999, read.get(read.size() - 1).get(0));
    Metrics first = seen.get(0);
    assertEquals(0L, first.nullValueCounts().get(1));
    assertEquals(first.recordCount(), first.valueCounts().get(1));
    assertEquals(0, first.lowerBounds().get(1).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
    assertTrue(first.lowerBounds().containsKey(14) && !first.lowerBounds().containsKey(3), "only projected columns");
  }

  @Test
  void fileWithoutRowsHasNoBatches() {
    Schema schema = SampleData.nested();
    File file = dir.resolve("empty.parquet").toFile();
    WriteResult result = ParquetDataWriterTest.write(io, file, schema, List.of(), ParquetWriteOptions.defaults());
    assertEquals(0, result.metrics().recordCount());
    assertEquals(List.of(), result.splitOffsets());
    assertEquals(List.of(), readAll(file, schema, 10, m -> true));
    assertEquals(List.of(), IcebergInterop.read(file, schema));
  }

  @Test
  void emptyProjectionCountsRows() {
    Schema schema = SampleData.primitives();
    File file = floeFile(schema, SampleData.rows(schema, 2500, 9), ParquetWriteOptions.defaults());
    long rows = 0;
    try (ParquetBatchIterator batches = ParquetArrowReader.read(io.newInputFile(file.getPath()), new Schema(List.of()),
        allocator, 1000, null)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          rows += batch.getRowCount();
        }
      }
    }
    assertEquals(2500, rows);
  }

  @Test
  void corruptOrTruncatedFilesNameTheFile() throws Exception {
    File notParquet = dir.resolve("not-parquet.parquet").toFile();
    Files.writeString(notParquet.toPath(), "this is not a parquet file, just some text");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> ParquetArrowReader.read(io.newInputFile(notParquet.getPath()), SampleData.primitives(), allocator, 10, null));
    assertTrue(e.getMessage().contains(notParquet.getPath()), e.getMessage());

    Schema schema = SampleData.primitives();
    File good = floeFile(schema, SampleData.rows(schema, 1000, 10), ParquetWriteOptions.defaults());
    byte[] bytes = Files.readAllBytes(good.toPath());
    File truncated = dir.resolve("truncated.parquet").toFile();
    Files.write(truncated.toPath(), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    e = assertThrows(UncheckedIOException.class,
        () -> ParquetArrowReader.read(io.newInputFile(truncated.getPath()), schema, allocator, 10, null));
    assertTrue(e.getMessage().contains(truncated.getPath()), e.getMessage());

    File corrupt = dir.resolve("corrupt.parquet").toFile();
    byte[] damaged = bytes.clone();
    for (int i = 4; i < damaged.length / 2; i++) {
      damaged[i] = (byte) 0x5A;
    }
    Files.write(corrupt.toPath(), damaged);
    RuntimeException failure = assertThrows(RuntimeException.class,
        () -> readAll(corrupt, schema, 100, null));
    assertTrue(failure.getMessage().contains(corrupt.getPath()), failure.getMessage());

    File missing = dir.resolve("missing.parquet").toFile();
    e = assertThrows(UncheckedIOException.class,
        () -> ParquetArrowReader.read(io.newInputFile(missing.getPath()), schema, allocator, 10, null));
    assertTrue(e.getMessage().contains(missing.getPath()), e.getMessage());
  }

  @Test
  void rowGroupMetricsBoundsUseTheProjectedType() {
    Schema written = new Schema(NestedField.required(1, "i", Types.INT), NestedField.optional(2, "s", Types.STRING));
    List<Record> rows = new ArrayList<>();
    for (int k = 0; k < 50; k++) {
      rows.add(GenericRecord.of(written.asStruct(), k - 10, "value-" + "x".repeat(k)));
    }
    File file = floeFile(written, rows, ParquetWriteOptions.defaults());
    Schema projection = new Schema(NestedField.required(1, "i", Types.LONG), NestedField.optional(2, "s", Types.STRING));
    List<Metrics> seen = new ArrayList<>();
    readAll(file, projection, 100, m -> seen.add(m));
    assertEquals(1, seen.size());
    assertEquals(8, seen.get(0).lowerBounds().get(1).remaining());
    assertEquals(-10L, seen.get(0).lowerBounds().get(1).order(ByteOrder.LITTLE_ENDIAN).getLong(0));
    assertEquals(ByteBuffer.wrap(("value-" + "x".repeat(49)).getBytes()), seen.get(0).upperBounds().get(2));
  }

  // footers cached by ParquetFooters: a file read again is opened with its cached footer, a file rewritten at the
  // same location with another length is not

  @Test
  void aFileReadAgainUsesItsCachedFooterAndReadsTheSameRows() {
    Schema schema = SampleData.primitives();
    List<Record> rows = SampleData.rows(schema, 12000, 3);
    File file = dir.resolve("cached.parquet").toFile();
    ParquetDataWriterTest.write(io, file, schema, rows, ParquetWriteOptions.defaults());
    assertEquals(rows, readAll(file, schema, 1024, null));
    ParquetMetadata first = ParquetFooters.get(new ParquetFooters.Key(file.getPath(), file.length()));
    assertNotNull(first, "the footer is cached after the first read");
    assertEquals(rows, readAll(file, schema, 1024, null));
    assertSame(first, ParquetFooters.get(new ParquetFooters.Key(file.getPath(), file.length())),
        "the second read takes the cached footer");
  }

  @Test
  void aFileRewrittenWithAnotherLengthIsReadWithItsNewFooter() {
    Schema schema = SampleData.primitives();
    File file = dir.resolve("rewritten.parquet").toFile();
    List<Record> before = SampleData.rows(schema, 3000, 4);
    ParquetDataWriterTest.write(io, file, schema, before, ParquetWriteOptions.defaults());
    assertEquals(before, readAll(file, schema, 1024, null));
    ParquetMetadata old = ParquetFooters.get(new ParquetFooters.Key(file.getPath(), file.length()));
    List<Record> after = SampleData.rows(schema, 5000, 5);
    assertEquals(true, file.delete());
    ParquetDataWriterTest.write(io, file, schema, after, ParquetWriteOptions.defaults());
    assertEquals(after, readAll(file, schema, 1024, null));
    assertNotSame(old, ParquetFooters.get(new ParquetFooters.Key(file.getPath(), file.length())));
  }

  @Test
  void theCacheKeepsAtMostItsCapacity() {
    Schema schema = SampleData.primitives();
    List<Record> rows = SampleData.rows(schema, 10, 6);
    for (int i = 0; i < ParquetFooters.CAPACITY + 5; i++) {
      File file = dir.resolve("many-" + i + ".parquet").toFile();
      ParquetDataWriterTest.write(io, file, schema, rows, ParquetWriteOptions.defaults());
      readAll(file, schema, 1024, null);
    }
    assertEquals(ParquetFooters.CAPACITY, ParquetFooters.size());
  }

  // lazy batches: columns decoded on request, for selected rows only (ParquetBatchIterator.nextLazy), against the
  // same file read whole

  @Test
  void selectedRowsOfDictionaryEncodedColumnsEqualTheWholeRead() {
    for (Schema schema : List.of(SampleData.primitives(), withoutNulls(SampleData.primitives()))) {
      File file = floeFile(schema, SampleData.rows(schema, 20000, 11), ParquetWriteOptions.defaults()
          .withRowGroupSize(256 * 1024).withPageSize(8192));
      assertLazyReadsEqualWholeReads(file, schema, 1000, 1);
    }
  }

  @Test
  void selectedRowsOfPlainColumnsAcrossPagesAndRowGroupsEqualTheWholeRead() {
    for (Schema schema : List.of(SampleData.primitives(), withoutNulls(SampleData.primitives()))) {
      File file = floeFile(schema, SampleData.rows(schema, 15000, 12), ParquetWriteOptions.defaults()
          .withDictionary(false).withRowGroupSize(64 * 1024).withPageSize(2048)
          .withCompression(ParquetWriteOptions.Codec.SNAPPY));
      assertLazyReadsEqualWholeReads(file, schema, 777, 2);
    }
  }

  /** {@code schema} with every column required: pages without nulls, whose selected values are picked. */
  private static Schema withoutNulls(Schema schema) {
    return new Schema(schema.columns().stream().map(f -> NestedField.required(f.id(), f.name(), f.type())).toList());
  }

  @Test
  void nestedColumnsAreDecodedWithTheBatchAndFlatOnesOnRequest() {
    Schema schema = SampleData.nested();
    File file = floeFile(schema, SampleData.rows(schema, 6000, 13), ParquetWriteOptions.defaults()
        .withRowGroupSize(64 * 1024));
    assertLazyReadsEqualWholeReads(file, schema, 500, 3);
  }

  @Test
  void filesWrittenByIcebergReadLazily() {
    Schema schema = SampleData.primitives();
    File file = dir.resolve("iceberg.parquet").toFile();
    IcebergInterop.write(file, schema, SampleData.rows(schema, 8000, 14),
        Map.of("write.parquet.row-group-size-bytes", "65536", "write.parquet.page-size-bytes", "4096"));
    assertLazyReadsEqualWholeReads(file, schema, 1024, 4);
  }

  @Test
  void aColumnAskedForAfterTheReaderMovedOnIsAnError() {
    Schema schema = SampleData.primitives();
    File file = floeFile(schema, SampleData.rows(schema, 3000, 15), ParquetWriteOptions.defaults());
    String name = schema.columns().get(0).name();
    try (ParquetBatchIterator lazy = ParquetArrowReader.read(io.newInputFile(file.getPath()), schema, allocator, 1000,
        null)) {
      try (LazyBatch first = lazy.nextLazy()) {
        assertTrue(lazy.hasNext());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> first.column(name, null, 1000));
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(file.getPath()), e.getMessage());
      }
      try (LazyBatch second = lazy.nextLazy()) {
        assertThrows(IllegalArgumentException.class, () -> second.column("no_such_column", null, 1000));
      }
    }
  }

  /**
   * Reads {@code file} whole and lazily side by side, batch by batch; for each lazy batch asks for a random subset
   * of the columns, in random order, for a random selection of rows, and compares the selected rows' values.
   */
  private void assertLazyReadsEqualWholeReads(File file, Schema schema, int batchSize, long seed) {
    Random random = new Random(seed);
    List<String> names = schema.columns().stream().map(NestedField::name).toList();
    int comparedValues = 0;
    int skippedColumns = 0;
    int batches = 0;
    try (ParquetBatchIterator whole = ParquetArrowReader.read(io.newInputFile(file.getPath()), schema, allocator,
        batchSize, null);
        ParquetBatchIterator lazy = ParquetArrowReader.read(io.newInputFile(file.getPath()), schema, allocator,
            batchSize, null)) {
      while (whole.hasNext()) {
        assertTrue(lazy.hasNext());
        try (VectorSchemaRoot expected = whole.next(); LazyBatch actual = lazy.nextLazy()) {
          int n = expected.getRowCount();
          assertEquals(n, actual.rows());
          int[] rows = selection(random, n, batches++);
          List<String> asked = new ArrayList<>(names);
          Collections.shuffle(asked, random);
          asked = asked.subList(0, random.nextInt(asked.size() + 1));
          skippedColumns += names.size() - asked.size();
          for (String name : asked) {
            boolean all = rows.length == n && random.nextBoolean();
            FieldVector vector = actual.column(name, all ? null : rows, rows.length);
            assertEquals(n, vector.getValueCount(), name);
            for (int r : rows) {
              Object want = expected.getVector(name).getObject(r);
              Object got = vector.getObject(r);
              assertTrue(Objects.deepEquals(want, got), name + " row " + r + ": " + want + " != " + got);
              comparedValues++;
            }
          }
        }
      }
      assertFalse(lazy.hasNext());
    }
    assertTrue(comparedValues > 1000 && skippedColumns > 0, comparedValues + " values, " + skippedColumns);
  }

  /**
   * Rows of a batch of {@code n}: by turns none, all, one in a hundred, runs of ten with gaps, one in five, and half.
   */
  private static int[] selection(Random random, int n, int batch) {
    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      boolean keep = switch (batch % 6) {
        case 0 -> false;
        case 1 -> true;
        case 2 -> random.nextInt(100) == 0;
        case 3 -> r / 10 % 7 == 3;
        case 4 -> random.nextInt(5) == 0;
        default -> random.nextBoolean();
      };
      if (keep) {
        rows.add(r);
      }
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }
}
