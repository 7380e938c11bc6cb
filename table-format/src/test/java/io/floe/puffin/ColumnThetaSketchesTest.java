package io.floe.puffin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.arrow.ArrowRows;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.metadata.IcebergTypes;
import io.floe.parquet.ParquetArrowReader;
import io.floe.parquet.ParquetBatchIterator;
import io.floe.parquet.ParquetDataWriter;
import io.floe.parquet.ParquetWriteOptions;
import io.floe.parquet.SampleData;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.datasketches.common.Family;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.UpdateSketch;
import org.apache.iceberg.types.Conversions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Floe's sketches of Arrow columns, and of rows fed one at a time as a table writer does, equal sketches fed with
 * Apache Iceberg's single-value serialization
 * ({@code Conversions.toByteBuffer}) of the same values, built as the Puffin spec (and Iceberg's Spark action) say.
 */
class ColumnThetaSketchesTest {
  @TempDir
  Path dir;

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked");
    allocator.close();
  }

  /** The oracle: an Alpha sketch with the default seed fed with Iceberg's serialization of each non-null value. */
  private static UpdateSketch icebergSketch(Schema schema, int column, List<Record> rows) {
    org.apache.iceberg.types.Type type = IcebergTypes.toIceberg(schema.columns().get(column).type());
    UpdateSketch sketch = UpdateSketch.builder().setFamily(Family.ALPHA).build();
    for (Record row : rows) {
      Object value = row.get(column);
      if (value != null) {
        sketch.update(Conversions.toByteBuffer(type, value));
      }
    }
    return sketch;
  }

  /** Sketches every column of the rows, fed in batches of {@code batchSize} rows. */
  private Map<Integer, ColumnThetaSketches.Result> floeSketches(Schema schema, List<Record> rows, int batchSize) {
    ColumnThetaSketches sketches = new ColumnThetaSketches(schema, schema.columns().stream().map(NestedField::id).toList());
    for (int start = 0; start < rows.size(); start += batchSize) {
      try (VectorSchemaRoot batch = ArrowRows.toRoot(schema, rows.subList(start, Math.min(rows.size(), start + batchSize)),
          allocator)) {
        sketches.update(batch);
      }
    }
    return sketches.results();
  }

  /** Sketches every column of the rows (internal values), fed one row at a time as {@code TableWriter} does. */
  private static Map<Integer, ColumnThetaSketches.Result> rowSketches(Schema schema, List<Record> rows) {
    ColumnThetaSketches sketches = new ColumnThetaSketches(schema,
        schema.columns().stream().map(NestedField::id).toList());
    rows.forEach(sketches::update);
    return sketches.results();
  }

  private static void assertSameSketches(Schema schema, List<Record> rows, Map<Integer, ColumnThetaSketches.Result> floe) {
    assertEquals(schema.columns().stream().map(NestedField::id).toList(), List.copyOf(floe.keySet()));
    for (int c = 0; c < schema.columns().size(); c++) {
      NestedField field = schema.columns().get(c);
      UpdateSketch expected = icebergSketch(schema, c, rows);
      ColumnThetaSketches.Result result = floe.get(field.id());
      assertEquals(field.id(), result.fieldId());
      assertArrayEquals(expected.compact().toByteArray(), result.compactSketch(), "sketch of column " + field);
      assertEquals(Math.round(expected.compact().getEstimate()), result.ndv(), "NDV of column " + field);
      CompactSketch read = CompactSketch.wrap(Memory.wrap(result.compactSketch()));
      assertEquals(result.ndv(), Math.round(read.getEstimate()));
    }
  }

  @Test
  void everyPrimitiveTypeHashesAsIcebergSerializesIt() {
    Schema schema = SampleData.primitives(); // every primitive type, optional, with nulls, NaNs and signed zeros
    List<Record> rows = SampleData.rows(schema, 12_000, 5);
    Map<Integer, ColumnThetaSketches.Result> floe = floeSketches(schema, rows, 5000);
    assertSameSketches(schema, rows, floe);
    assertSameSketches(schema, rows, rowSketches(schema, rows));
    // non-trivial sketches: exact for few distinct values, estimated for many
    assertEquals(2, floe.get(2).ndv(), "booleans");
    long distinctInts = rows.stream().map(r -> r.get(2)).filter(java.util.Objects::nonNull).distinct().count();
    assertTrue(distinctInts > 1900, "ints in [-1000, 1000)");
    assertEquals(distinctInts, floe.get(3).ndv(), "few distinct ints are counted exactly");
    UpdateSketch longs = icebergSketch(schema, 3, rows);
    assertTrue(longs.isEstimationMode() && floe.get(4).ndv() != 10_000, "longs are estimated: " + floe.get(4).ndv());
  }

  @Test
  void decimalAndStringEdgeCasesHashAsIcebergSerializesThem() {
    Schema schema = new Schema(
        NestedField.optional(1, "dec38", Types.decimal(38, 0)),
        NestedField.optional(2, "dec9", Types.decimal(9, 3)),
        NestedField.optional(3, "s", Types.STRING),
        NestedField.optional(4, "bin", Types.BINARY));
    List<BigInteger> unscaled = new ArrayList<>();
    for (long v : new long[] {0, 1, -1, 127, 128, -128, -129, 255, 256, -256, -257, 32767, 32768, -32768, -32769,
        Long.MAX_VALUE, Long.MIN_VALUE, 999_999_999, -999_999_999}) {
      unscaled.add(BigInteger.valueOf(v));
    }
    unscaled.add(BigInteger.TEN.pow(38).subtract(BigInteger.ONE));
    unscaled.add(BigInteger.TEN.pow(38).subtract(BigInteger.ONE).negate());
    unscaled.add(BigInteger.ONE.shiftLeft(120));
    unscaled.add(BigInteger.ONE.shiftLeft(120).negate());
    unscaled.add(BigInteger.ONE.shiftLeft(120).negate().subtract(BigInteger.ONE));
    Random random = new Random(9);
    for (int i = 0; i < 3000; i++) {
      unscaled.add(new BigInteger(random.nextInt(126) + 1, random).multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)));
    }
    List<String> strings = new ArrayList<>(List.of("", "a", "é", "中文", "\uD83D\uDE00", "x".repeat(256), "y".repeat(257),
        "z".repeat(5000)));
    for (int i = 0; i < 3000; i++) {
      strings.add(Integer.toString(random.nextInt(100_000), 36).repeat(1 + random.nextInt(100)));
    }
    List<Record> rows = new ArrayList<>();
    for (int i = 0; i < unscaled.size(); i++) {
      BigInteger u = unscaled.get(i);
      BigDecimal small = new BigDecimal(u.mod(BigInteger.valueOf(1_000_000_000)).subtract(BigInteger.valueOf(500_000_000)), 3);
      String s = strings.get(i % strings.size());
      rows.add(GenericRecord.of(schema.asStruct(), i % 7 == 3 ? null : new BigDecimal(u, 0), i % 11 == 5 ? null : small,
          i % 13 == 1 ? null : s, i % 5 == 0 ? null : ByteBuffer.wrap(s.getBytes(java.nio.charset.StandardCharsets.UTF_16))));
    }
    assertSameSketches(schema, rows, floeSketches(schema, rows, 1000));
    assertSameSketches(schema, rows, rowSketches(schema, rows));
  }

  @Test
  void sketchesOfParquetScanBatchesMatchIceberg() {
    Schema schema = SampleData.primitives();
    List<Record> rows = SampleData.rows(schema, 6000, 11);
    LocalFileIO io = new LocalFileIO();
    File file = dir.resolve("data.parquet").toFile();
    ParquetDataWriter writer = ParquetDataWriter.create(io.newOutputFile(file.getPath()), schema,
        ParquetWriteOptions.defaults());
    for (Record row : rows) {
      writer.write(row);
    }
    writer.close();
    // a projection in another order: columns are found by field id
    Schema projection = new Schema(schema.columns().get(13), schema.columns().get(8), schema.columns().get(5),
        schema.columns().get(3), schema.columns().get(1));
    ColumnThetaSketches sketches = new ColumnThetaSketches(schema, List.of(2, 4, 6, 9, 14));
    try (ParquetBatchIterator batches = ParquetArrowReader.read(io.newInputFile(file.getPath()), projection, allocator,
        1024, null)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          sketches.update(batch);
        }
      }
    }
    Map<Integer, ColumnThetaSketches.Result> results = sketches.results();
    assertEquals(List.of(2, 4, 6, 9, 14), List.copyOf(results.keySet()));
    for (int id : results.keySet()) {
      int column = schema.columns().indexOf(schema.findField(id));
      assertArrayEquals(icebergSketch(schema, column, rows).compact().toByteArray(), results.get(id).compactSketch(),
          "column " + schema.findField(id));
    }
  }

  @Test
  void ndvOfTwentyThousandDistinctValuesInAHundredThousandRows() {
    Schema schema = new Schema(NestedField.required(1, "k", Types.LONG), NestedField.optional(2, "s", Types.STRING));
    ColumnThetaSketches sketches = new ColumnThetaSketches(schema, List.of(1, 2));
    List<Record> batch = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      long key = (i * 7919L) % 20_000;
      batch.add(GenericRecord.of(schema.asStruct(), key * 1_000_003L, i < 5000 ? null : "key-" + key));
      if (batch.size() == 8192 || i == 99_999) {
        try (VectorSchemaRoot root = ArrowRows.toRoot(schema, batch, allocator)) {
          sketches.update(root);
        }
        batch.clear();
      }
    }
    for (ColumnThetaSketches.Result result : sketches.results().values()) {
      assertEquals(20_000, result.ndv(), 20_000 * 0.03, "NDV of field " + result.fieldId());
      assertTrue(result.ndv() != 20_000, "estimated, not counted: " + result.ndv());
      PuffinBlob blob = result.toBlob(5L, 6L, PuffinCodec.ZSTD);
      assertEquals(ColumnThetaSketches.BLOB_TYPE, blob.type());
      assertEquals(List.of(result.fieldId()), blob.fields());
      assertEquals(Map.of("ndv", Long.toString(result.ndv())), blob.properties());
    }
  }

  @Test
  void nestedColumnsAreSkippedAndUnknownIdsRejected() {
    Schema schema = SampleData.nested();
    ColumnThetaSketches sketches = new ColumnThetaSketches(schema, List.of(1, 2, 3, 7, 11));
    assertEquals(List.of(1), sketches.fieldIds(), "only the top-level primitive column");
    List<Record> rows = SampleData.rows(schema, 100, 3);
    try (VectorSchemaRoot root = ArrowRows.toRoot(schema, rows, allocator)) {
      sketches.update(root);
    }
    assertEquals(100, sketches.results().get(1).ndv());
    assertThrows(IllegalArgumentException.class, () -> new ColumnThetaSketches(schema, List.of(99)));
    Schema other = new Schema(NestedField.required(5, "x", Types.INT));
    ColumnThetaSketches missing = new ColumnThetaSketches(new Schema(NestedField.required(6, "y", Types.INT)), List.of(6));
    try (VectorSchemaRoot root = ArrowRows.toRoot(other, List.of(GenericRecord.of(other.asStruct(), 1)), allocator)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> missing.update(root));
      assertTrue(e.getMessage().contains("field id 6"), e.getMessage());
    }
  }
}
