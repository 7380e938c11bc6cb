package io.floe.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.arrow.ArrowRows;
import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page-at-a-time decoding of flat columns, on files from both writers, both page versions and all encodings. */
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
    List<Record> out = new ArrayList<>();
    try (ParquetBatchIterator batches = ParquetArrowReader.read(io.newInputFile(file.getPath()), projection, allocator,
        batchSize, null)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          out.addAll(ArrowRows.toRecords(batch, projection));
        }
      }
    }
    return out;
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
}
