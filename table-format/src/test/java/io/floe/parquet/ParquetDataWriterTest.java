package io.floe.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.data.Metrics;
import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.Files;
import org.apache.iceberg.parquet.ParquetSchemaUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetDataWriterTest {
  @TempDir
  Path dir;

  private final LocalFileIO io = new LocalFileIO();

  static WriteResult write(LocalFileIO io, File file, Schema schema, List<Record> rows, ParquetWriteOptions options) {
    ParquetDataWriter writer = ParquetDataWriter.create(io.newOutputFile(file.getPath()), schema, options);
    for (Record row : rows) {
      writer.write(row);
    }
    return writer.close();
  }

  @Test
  void messageTypeMatchesIceberg() {
    for (Schema schema : List.of(SampleData.primitives(), SampleData.nested(),
        new Schema(NestedField.optional(1, "9 odd-name", Types.INT), NestedField.required(2, "ok_name1", Types.STRING)))) {
      assertEquals(ParquetSchemaUtil.convert(IcebergInterop.toIceberg(schema), "table"), ParquetSchemas.toMessageType(schema));
    }
  }

  @Test
  void icebergReadsPrimitives() {
    roundTripThroughIceberg(SampleData.primitives(), 3000);
  }

  @Test
  void icebergReadsNested() {
    roundTripThroughIceberg(SampleData.nested(), 2000);
  }

  private void roundTripThroughIceberg(Schema schema, int count) {
    List<Record> rows = SampleData.rows(schema, count, 42);
    File file = dir.resolve("floe.parquet").toFile();
    write(io, file, schema, rows, ParquetWriteOptions.defaults());
    List<Record> read = IcebergInterop.read(file, schema);
    assertEquals(rows.size(), read.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.get(i), read.get(i), "row " + i);
    }
  }

  @Test
  void metricsMatchIcebergForPrimitives() {
    compareMetrics(SampleData.primitives(), SampleData.rows(SampleData.primitives(), 5000, 7), ParquetWriteOptions.defaults());
  }

  @Test
  void metricsMatchIcebergForNested() {
    compareMetrics(SampleData.nested(), SampleData.rows(SampleData.nested(), 3000, 11), ParquetWriteOptions.defaults());
  }

  @Test
  void metricsMatchIcebergWithSeveralRowGroups() {
    ParquetWriteOptions options = ParquetWriteOptions.defaults().withRowGroupSize(16 * 1024);
    WriteResult result = compareMetrics(SampleData.primitives(), SampleData.rows(SampleData.primitives(), 20000, 3), options);
    assertTrue(result.splitOffsets().size() > 3, "row groups: " + result.splitOffsets());
  }

  @Test
  void metricsOfEdgeValues() {
    Schema schema = new Schema(
        NestedField.optional(1, "f", Types.FLOAT),
        NestedField.optional(2, "d", Types.DOUBLE),
        NestedField.optional(3, "s", Types.STRING),
        NestedField.optional(4, "bin", Types.BINARY),
        NestedField.optional(5, "allnull", Types.INT));
    String longMax = "\uDBFF\uDFFF".repeat(20);
    List<Record> rows = List.of(
        GenericRecord.of(schema.asStruct(), Float.NaN, -0.0d, "a".repeat(20), ByteBuffer.wrap(new byte[20]), null),
        GenericRecord.of(schema.asStruct(), 0.0f, 0.0d, "b" + longMax, bytes(0xFF, 17), null),
        GenericRecord.of(schema.asStruct(), null, Double.NaN, "ab\uD7FF" + "z".repeat(30), null, null));
    Metrics metrics = compareMetrics(schema, rows, ParquetWriteOptions.defaults()).metrics();
    assertEquals(1L, metrics.nanValueCounts().get(1));
    assertEquals(1L, metrics.nullValueCounts().get(1));
    assertEquals(3L, metrics.nullValueCounts().get(5));
    assertEquals(ByteBuffer.wrap("c".getBytes()), metrics.upperBounds().get(3));
  }

  private static ByteBuffer bytes(int value, int n) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) value);
    return ByteBuffer.wrap(b);
  }

  private WriteResult compareMetrics(Schema schema, List<Record> rows, ParquetWriteOptions options) {
    File floeFile = dir.resolve("floe-" + System.nanoTime() + ".parquet").toFile();
    File icebergFile = dir.resolve("iceberg-" + System.nanoTime() + ".parquet").toFile();
    WriteResult result = write(io, floeFile, schema, rows, options);
    org.apache.iceberg.Metrics expected = IcebergInterop.write(icebergFile, schema, rows,
        Map.of("write.parquet.row-group-size-bytes", String.valueOf(options.rowGroupSizeBytes())));
    Metrics actual = result.metrics();
    assertEquals(expected.recordCount().longValue(), actual.recordCount());
    assertEquals(new TreeMap<>(expected.valueCounts()), new TreeMap<>(actual.valueCounts()), "value counts");
    assertEquals(new TreeMap<>(expected.nullValueCounts()), new TreeMap<>(actual.nullValueCounts()), "null counts");
    assertEquals(new TreeMap<>(expected.nanValueCounts()), new TreeMap<>(actual.nanValueCounts()), "NaN counts");
    assertEquals(new TreeMap<>(expected.lowerBounds()), new TreeMap<>(actual.lowerBounds()), "lower bounds");
    assertEquals(new TreeMap<>(expected.upperBounds()), new TreeMap<>(actual.upperBounds()), "upper bounds");
    assertEquals(new TreeMap<>(expected.columnSizes()).keySet(), new TreeMap<>(actual.columnSizes()).keySet(), "sized columns");
    assertEquals(floeFile.length(), result.fileSizeInBytes());
    assertEquals(Files.localInput(icebergFile).getLength() > 0, true);
    return result;
  }

  @Test
  void nullInRequiredColumnNamesTheColumn() {
    Schema schema = new Schema(NestedField.required(1, "must", Types.STRING));
    ParquetDataWriter writer = ParquetDataWriter.create(io.newOutputFile(dir.resolve("x.parquet").toString()), schema,
        ParquetWriteOptions.defaults());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> writer.write(GenericRecord.of(schema.asStruct(), (Object) null)));
    assertTrue(e.getMessage().contains("must"), e.getMessage());
    writer.abort();
  }

  @Test
  void everyCodecWorksAndLengthGrows() {
    Schema schema = SampleData.primitives();
    List<Record> rows = SampleData.rows(schema, 2000, 5);
    for (ParquetWriteOptions.Codec codec : ParquetWriteOptions.Codec.values()) {
      File file = dir.resolve("codec-" + codec + ".parquet").toFile();
      ParquetDataWriter writer = ParquetDataWriter.create(io.newOutputFile(file.getPath()), schema,
          ParquetWriteOptions.defaults().withCompression(codec));
      long before = writer.length();
      rows.forEach(writer::write);
      assertTrue(writer.length() > before, codec + " length grows");
      WriteResult result = writer.close();
      assertEquals(file.length(), result.fileSizeInBytes());
      assertEquals(rows, IcebergInterop.read(file, schema), codec.name());
    }
  }

  @Test
  void existingFileIsNotOverwritten() throws Exception {
    File file = dir.resolve("exists.parquet").toFile();
    java.nio.file.Files.writeString(file.toPath(), "x");
    Schema schema = new Schema(NestedField.required(1, "a", Types.INT));
    assertThrows(RuntimeException.class, () -> {
      ParquetDataWriter writer = ParquetDataWriter.create(io.newOutputFile(file.getPath()), schema, ParquetWriteOptions.defaults());
      writer.write(GenericRecord.of(schema.asStruct(), 1));
      writer.close();
    });
    assertEquals("x", java.nio.file.Files.readString(file.toPath()));
  }
}
