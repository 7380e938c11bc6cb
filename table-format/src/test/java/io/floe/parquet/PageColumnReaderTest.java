package io.floe.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.arrow.ArrowRows;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.memory.AllocationManager;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ReferenceManager;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page-at-a-time decoding of flat columns, on files from both writers, both page versions and all encodings:
 * also its bulk paths (dictionary pages then PLAIN fallback pages in one column chunk, nulls in long runs,
 * alternating and scattered, short word-copied and long dictionary strings, ints and floats read widened, batches
 * spanning pages, every page codec), read back equal to the records written and to Apache Iceberg's reading.
 */
class PageColumnReaderTest {
  private static final Map<String, String> SMALL_PAGES = Map.of(
      "write.parquet.page-size-bytes", "2048",
      "write.parquet.dict-size-bytes", "1024",
      "write.parquet.row-group-size-bytes", "65536");

  @TempDir
  Path dir;

  private final LocalFileIO io = new LocalFileIO();
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked");
    allocator.close();
  }

  private static Schema requiredColumns() {
    return new Schema(
        NestedField.required(1, "i", Types.INT),
        NestedField.required(2, "l", Types.LONG),
        NestedField.required(3, "f", Types.FLOAT),
        NestedField.required(4, "d", Types.DOUBLE),
        NestedField.required(5, "date", Types.DATE),
        NestedField.required(6, "ts", Types.TIMESTAMP),
        NestedField.required(7, "money", Types.decimal(15, 2)),
        NestedField.required(8, "small", Types.decimal(9, 2)),
        NestedField.required(9, "b", Types.BOOLEAN),
        NestedField.required(10, "s", Types.STRING),
        NestedField.required(11, "bin", Types.BINARY));
  }

  private List<Record> readAll(File file, Schema projection, int batchSize) {
    return readAll(file, projection, batchSize, allocator);
  }

  private List<Record> readAll(File file, Schema projection, int batchSize, BufferAllocator from) {
    List<Record> out = new ArrayList<>();
    try (ParquetBatchIterator batches = ParquetArrowReader.read(io.newInputFile(file.getPath()), projection, from,
        batchSize, null)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          assertNullSlotsZero(batch);
          out.addAll(ArrowRows.toRecords(batch, projection));
        }
      }
    }
    return out;
  }

  /** The value slot of every null row of a fixed-width (non-boolean) vector holds zeros. */
  private static void assertNullSlotsZero(VectorSchemaRoot batch) {
    for (FieldVector vector : batch.getFieldVectors()) {
      if (!(vector instanceof BaseFixedWidthVector fixed) || vector instanceof BitVector) {
        continue;
      }
      int width = fixed.getTypeWidth();
      for (int row = 0; row < batch.getRowCount(); row++) {
        if (fixed.isNull(row)) {
          for (int b = 0; b < width; b++) {
            assertEquals(0, fixed.getDataBuffer().getByte((long) row * width + b),
                vector.getName() + " row " + row + " is null but its value slot is not zero");
          }
        }
      }
    }
  }

  /** Direct memory that comes filled with {@link #GARBAGE} bytes, as reused memory may be. */
  private static final class GarbageMemory extends AllocationManager {
    static final byte GARBAGE = 0x5A;
    static final AllocationManager.Factory FACTORY = new AllocationManager.Factory() {
      @Override
      public AllocationManager create(BufferAllocator accountingAllocator, long size) {
        return new GarbageMemory(accountingAllocator, size);
      }

      @Override
      public ArrowBuf empty() {
        return new ArrowBuf(ReferenceManager.NO_OP, null, 0, 0);
      }
    };

    private final long address;
    private final long size;

    private GarbageMemory(BufferAllocator accountingAllocator, long size) {
      super(accountingAllocator);
      this.size = size;
      this.address = MemoryUtil.allocateMemory(size);
      MemoryUtil.setMemory(address, size, GARBAGE);
    }

    @Override
    public long getSize() {
      return size;
    }

    @Override
    protected long memoryAddress() {
      return address;
    }

    @Override
    protected void release0() {
      MemoryUtil.freeMemory(address);
    }
  }

  @Test
  void coversFlatPrimitivesAndLeavesTheRestToTheColumnReader() throws IOException {
    Schema schema = SampleData.primitives();
    File file = dir.resolve("cover.parquet").toFile();
    ParquetDataWriterTest.write(io, file, schema, SampleData.rows(schema, 10, 1), ParquetWriteOptions.defaults());
    Set<String> fallback = Set.of("dec38", "u", "fx");
    try (ParquetFileReader reader = ParquetArrowReader.open(io.newInputFile(file.getPath()))) {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      for (NestedField field : schema.columns()) {
        PageColumnReader columnReader = PageColumnReader.of(
            fileSchema.getColumnDescription(new String[] {field.name()}), (PrimitiveType) field.type(), null);
        if (fallback.contains(field.name())) {
          assertNull(columnReader, field.name());
        } else {
          assertNotNull(columnReader, field.name());
        }
      }
    }
  }

  @Test
  void readsRequiredColumnsAcrossPagesAndRowGroupsWithAndWithoutDictionaries() {
    Schema schema = requiredColumns();
    List<Record> rows = SampleData.rows(schema, 20000, 7);
    for (boolean dictionary : List.of(true, false)) {
      File file = dir.resolve("required-" + dictionary + ".parquet").toFile();
      ParquetDataWriterTest.write(io, file, schema, rows, ParquetWriteOptions.defaults().withDictionary(dictionary)
          .withPageSize(4096).withRowGroupSize(128 * 1024));
      assertEquals(rows, readAll(file, schema, 1000), "dictionary " + dictionary);
    }
  }

  @Test
  void readsIcebergFilesWithV1AndV2PagesAndDictionaryFallback() {
    for (Schema schema : List.of(SampleData.primitives(), requiredColumns())) {
      List<Record> rows = SampleData.rows(schema, 6000, 8);
      for (ParquetProperties.WriterVersion version : ParquetProperties.WriterVersion.values()) {
        File file = dir.resolve("iceberg-" + schema.columns().size() + "-" + version + ".parquet").toFile();
        IcebergInterop.write(file, schema, rows, SMALL_PAGES, version);
        assertEquals(rows, readAll(file, schema, 777), version + " " + schema);
      }
    }
  }

  @Test
  void batchesSmallerThanAPageContinueWithinThePage() {
    Schema schema = requiredColumns();
    List<Record> rows = SampleData.rows(schema, 3000, 9);
    File file = dir.resolve("tiny-batches.parquet").toFile();
    IcebergInterop.write(file, schema, rows, Map.of(), ParquetProperties.WriterVersion.PARQUET_2_0);
    assertEquals(rows, readAll(file, schema, 7));
  }

  private static Schema bulkSchema() {
    return new Schema(
        NestedField.required(1, "id", Types.INT),
        NestedField.optional(2, "i", Types.INT),
        NestedField.optional(3, "l", Types.LONG),
        NestedField.optional(4, "f", Types.FLOAT),
        NestedField.optional(5, "d", Types.DOUBLE),
        NestedField.optional(6, "date", Types.DATE),
        NestedField.optional(7, "ts", Types.TIMESTAMP),
        NestedField.optional(8, "dec9", Types.decimal(9, 2)),
        NestedField.optional(9, "dec18", Types.decimal(18, 2)),
        NestedField.optional(10, "b", Types.BOOLEAN),
        NestedField.optional(11, "flag", Types.STRING),
        NestedField.optional(12, "s", Types.STRING),
        NestedField.optional(13, "bin", Types.BINARY),
        NestedField.required(14, "money", Types.decimal(15, 2)));
  }

  /**
   * Rows for the bulk decoding paths: blocks of 700 rows: all null, all set, alternating, a third null at random. The first half takes few distinct
   * values (dictionary pages), the second half many (the writer falls back to PLAIN pages).
   */
  private static List<Record> runsOfNulls(Schema schema, int count) {
    Random random = new Random(11);
    List<Record> rows = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      GenericRecord record = new GenericRecord(schema.asStruct());
      int block = (r / 700) % 4;
      long v = r < count / 2 ? random.nextInt(5) - 2 : random.nextLong() >> 20;
      record.set(0, r);
      for (int c = 1; c < 13; c++) {
        boolean isNull = block == 0 || (block == 2 && r % 2 == 0) || (block == 3 && random.nextInt(3) == 0);
        record.set(c, isNull ? null : value(c, v, random));
      }
      record.set(13, BigDecimal.valueOf(v % 100_000_000_000L, 2));
      rows.add(record);
    }
    return rows;
  }

  private static Object value(int column, long v, Random random) {
    return switch (column) {
      case 1 -> (int) v;
      case 2 -> v * 1_000_003L;
      case 3 -> (float) v / 4;
      case 4 -> v == 1 ? Double.NaN : v / 8.0;
      case 5 -> (int) (v % 30000);
      case 6 -> v * 1_000_000L;
      case 7 -> BigDecimal.valueOf(v % 10_000_000L, 2);
      case 8 -> BigDecimal.valueOf(v, 2);
      case 9 -> v % 2 == 0;
      case 10 -> v < 3 && v > -3 ? String.valueOf((char) ('N' + v)) : (v % 3 == 0 ? "" : "R");
      case 11 -> v < 3 && v > -3 ? "0123456789abcdefgh".substring(0, 14 + (int) v) + v : "s" + v; // 13 to 18 bytes
      case 12 -> ByteBuffer.wrap(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
      default -> throw new IllegalArgumentException("column " + column);
    };
  }

  @Test
  void icebergFilesWithDictionaryThenPlainPagesAndNullRunsReadBackEqual() {
    Schema schema = bulkSchema();
    List<Record> rows = runsOfNulls(schema, 12000);
    for (ParquetProperties.WriterVersion version : ParquetProperties.WriterVersion.values()) {
      File file = dir.resolve("iceberg-" + version + ".parquet").toFile();
      IcebergInterop.write(file, schema, rows, SMALL_PAGES, version);
      for (int batchSize : List.of(1000, 333, 8192)) {
        assertEquals(rows, readAll(file, schema, batchSize), version + ", batches of " + batchSize);
      }
      assertEquals(IcebergInterop.read(file, schema), readAll(file, schema, 1000), version + ", Iceberg's reading");
    }
  }

  @Test
  void floeFilesWithEveryCodecReadBackEqual() {
    Schema schema = bulkSchema();
    List<Record> rows = runsOfNulls(schema, 6000);
    for (ParquetWriteOptions.Codec codec : ParquetWriteOptions.Codec.values()) {
      File file = dir.resolve("floe-" + codec + ".parquet").toFile();
      ParquetDataWriterTest.write(io, file, schema, rows, ParquetWriteOptions.defaults().withCompression(codec)
          .withPageSize(4096).withRowGroupSize(256 * 1024));
      assertEquals(rows, readAll(file, schema, 777), codec.name());
    }
  }

  /**
   * Fixed-width vectors decoded page by page get data buffers that are not zeroed first: with memory that comes
   * filled with garbage, every value (also widened, and decimals stored as ints and longs) reads back as written
   * and every null row's slot is zero, on v1 and v2 pages, dictionary and PLAIN, batches within and across pages.
   */
  @Test
  void everyValueSlotIsWrittenWhenTheMemoryComesWithGarbage() {
    Schema schema = bulkSchema();
    List<Record> rows = runsOfNulls(schema, 6000);
    Schema wide = new Schema(
        NestedField.required(1, "id", Types.INT),
        NestedField.optional(2, "i", Types.LONG),
        NestedField.optional(4, "f", Types.DOUBLE));
    try (BufferAllocator garbage = new RootAllocator(
        RootAllocator.configBuilder().allocationManagerFactory(GarbageMemory.FACTORY).build())) {
      try (ArrowBuf probe = garbage.buffer(64)) {
        assertEquals(GarbageMemory.GARBAGE, probe.getByte(63), "the allocator hands out garbage");
      }
      for (ParquetProperties.WriterVersion version : ParquetProperties.WriterVersion.values()) {
        File file = dir.resolve("garbage-" + version + ".parquet").toFile();
        IcebergInterop.write(file, schema, rows, SMALL_PAGES, version);
        for (int batchSize : List.of(1000, 333, 7)) {
          assertEquals(rows, readAll(file, schema, batchSize, garbage), version + ", batches of " + batchSize);
        }
        List<Record> widened = readAll(file, wide, 333, garbage);
        for (int r = 0; r < rows.size(); r++) {
          Object i = rows.get(r).get(1);
          Object f = rows.get(r).get(3);
          assertEquals(i == null ? null : (long) (Integer) i, widened.get(r).get(1), version + " row " + r);
          assertEquals(f == null ? null : (double) (Float) f, widened.get(r).get(2), version + " row " + r);
        }
      }
      assertTrue(garbage.getAllocatedMemory() == 0, "Arrow memory leaked");
    }
  }

  @Test
  void intsAndFloatsReadWidenedToLongsAndDoubles() {
    Schema schema = bulkSchema();
    List<Record> rows = runsOfNulls(schema, 5000);
    File file = dir.resolve("widen.parquet").toFile();
    IcebergInterop.write(file, schema, rows, SMALL_PAGES, ParquetProperties.WriterVersion.PARQUET_2_0);
    Schema wide = new Schema(
        NestedField.required(1, "id", Types.INT),
        NestedField.optional(2, "i", Types.LONG),
        NestedField.optional(4, "f", Types.DOUBLE));
    List<Record> actual = readAll(file, wide, 1000);
    assertEquals(rows.size(), actual.size());
    for (int r = 0; r < rows.size(); r++) {
      Object i = rows.get(r).get(1);
      Object f = rows.get(r).get(3);
      assertEquals(i == null ? null : (long) (Integer) i, actual.get(r).get(1), "row " + r);
      assertEquals(f == null ? null : (double) (Float) f, actual.get(r).get(2), "row " + r);
    }
  }
}
