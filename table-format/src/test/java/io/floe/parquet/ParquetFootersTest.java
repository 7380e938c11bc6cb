package io.floe.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.floe.arrow.ArrowRows;
import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.types.Schema;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read again is opened with its cached footer; a file rewritten at the same location with another length is
 * not.
 */
class ParquetFootersTest {
  @TempDir
  Path dir;

  private final LocalFileIO io = new LocalFileIO();
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked");
    allocator.close();
  }

  @Test
  void aFileReadAgainUsesItsCachedFooterAndReadsTheSameRows() {
    Schema schema = SampleData.primitives();
    List<Record> rows = SampleData.rows(schema, 12000, 3);
    File file = dir.resolve("cached.parquet").toFile();
    ParquetDataWriterTest.write(io, file, schema, rows, ParquetWriteOptions.defaults());
    assertEquals(rows, readAll(file, schema));
    ParquetMetadata first = ParquetFooters.get(new ParquetFooters.Key(file.getPath(), file.length()));
    assertNotNull(first, "the footer is cached after the first read");
    assertEquals(rows, readAll(file, schema));
    assertSame(first, ParquetFooters.get(new ParquetFooters.Key(file.getPath(), file.length())),
        "the second read takes the cached footer");
  }

  @Test
  void aFileRewrittenWithAnotherLengthIsReadWithItsNewFooter() {
    Schema schema = SampleData.primitives();
    File file = dir.resolve("rewritten.parquet").toFile();
    List<Record> before = SampleData.rows(schema, 3000, 4);
    ParquetDataWriterTest.write(io, file, schema, before, ParquetWriteOptions.defaults());
    assertEquals(before, readAll(file, schema));
    ParquetMetadata old = ParquetFooters.get(new ParquetFooters.Key(file.getPath(), file.length()));
    List<Record> after = SampleData.rows(schema, 5000, 5);
    assertEquals(true, file.delete());
    ParquetDataWriterTest.write(io, file, schema, after, ParquetWriteOptions.defaults());
    assertEquals(after, readAll(file, schema));
    assertNotSame(old, ParquetFooters.get(new ParquetFooters.Key(file.getPath(), file.length())));
  }

  @Test
  void theCacheKeepsAtMostItsCapacity() {
    Schema schema = SampleData.primitives();
    List<Record> rows = SampleData.rows(schema, 10, 6);
    for (int i = 0; i < ParquetFooters.CAPACITY + 5; i++) {
      File file = dir.resolve("many-" + i + ".parquet").toFile();
      ParquetDataWriterTest.write(io, file, schema, rows, ParquetWriteOptions.defaults());
      readAll(file, schema);
    }
    assertEquals(ParquetFooters.CAPACITY, ParquetFooters.size());
  }

  private List<Record> readAll(File file, Schema projection) {
    List<Record> out = new ArrayList<>();
    try (ParquetBatchIterator batches = ParquetArrowReader.read(io.newInputFile(file.getPath()), projection, allocator,
        1024, null)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          out.addAll(ArrowRows.toRecords(batch, projection));
        }
      }
    }
    return out;
  }
}
