package io.floe.parquet;

import io.floe.arrow.ArrowSchemas;
import io.floe.data.Metrics;
import io.floe.io.InputFile;
import io.floe.types.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Reads Parquet data files into Arrow batches.
 *
 * <p>Columns are matched to the projected schema by field id (by name only in files without ids), so renamed and
 * reordered columns read correctly; a projected column absent from the file reads as all nulls (an error if it is
 * required); int columns are widened to long, float to double and decimals to a larger precision when the
 * projection asks for it. Only projected columns are decoded: top-level primitives straight from the column
 * readers, nested columns by record assembly. Each row group's statistics become {@link Metrics} (value and null
 * counts, untruncated bounds in the single-value encoding, keyed by field id, for projected columns outside lists
 * and maps) and the row group is skipped when the filter rejects them; {@link ParquetBatchIterator#stats()} and
 * the optional shared {@link ParquetReadStats} count skipped row groups.
 *
 * <p>Errors reading a file (missing, truncated, not Parquet, corrupt pages) are {@link UncheckedIOException}s
 * naming the file; projection errors are {@link IllegalArgumentException}s naming the column and the file.
 */
public final class ParquetArrowReader {
  private ParquetArrowReader() {
  }

  /**
   * Opens a file for reading in batches.
   *
   * @param projectedSchema the columns to read; the batches have the Arrow schema {@code ArrowSchemas.toArrow(projectedSchema)}
   * @param batchSize the most rows per batch; batches do not span row groups
   * @param rowGroupFilter false to skip a row group given its statistics; null reads every row group
   */
  public static ParquetBatchIterator read(InputFile file, Schema projectedSchema, BufferAllocator allocator,
      int batchSize, Predicate<Metrics> rowGroupFilter) {
    return read(file, projectedSchema, allocator, batchSize, rowGroupFilter, null);
  }

  /** As {@link #read(InputFile, Schema, BufferAllocator, int, Predicate)}, also counting into {@code stats}. */
  public static ParquetBatchIterator read(InputFile file, Schema projectedSchema, BufferAllocator allocator,
      int batchSize, Predicate<Metrics> rowGroupFilter, ParquetReadStats stats) {
    return read(file, projectedSchema, allocator, batchSize, rowGroupFilter, stats, null);
  }

  /**
   * As {@link #read(InputFile, Schema, BufferAllocator, int, Predicate, ParquetReadStats)}, reading only the row
   * groups whose first byte (the start of their first column chunk) {@code rowGroupStarts} accepts: a split of the
   * file, as a task of a parallel scan reads it. Row groups outside the split are neither read nor counted as
   * skipped. Null reads every row group.
   */
  public static ParquetBatchIterator read(InputFile file, Schema projectedSchema, BufferAllocator allocator,
      int batchSize, Predicate<Metrics> rowGroupFilter, ParquetReadStats stats, LongPredicate rowGroupStarts) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive: " + batchSize);
    }
    ParquetFileReader reader = open(file);
    try {
      FileProjection projection = FileProjection.of(reader.getFooter().getFileMetaData().getSchema(), projectedSchema,
          file.location());
      return new ParquetBatchIterator(file.location(), reader, projection, ArrowSchemas.toArrow(projectedSchema),
          allocator, batchSize, rowGroupFilter, stats, rowGroupStarts);
    } catch (RuntimeException e) {
      closeQuietly(reader, e);
      throw e;
    }
  }

  /** A reader of {@code file}, its footer read from the file or taken from {@link ParquetFooters}. */
  static ParquetFileReader open(InputFile file) {
    ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
        .withCodecFactory(new PageDecompressors()).build();
    try {
      org.apache.parquet.io.InputFile input = ParquetFiles.input(file);
      ParquetFooters.Key key = new ParquetFooters.Key(file.location(), input.getLength());
      ParquetMetadata footer = ParquetFooters.get(key);
      if (footer == null) {
        ParquetFileReader reader = ParquetFileReader.open(input, options);
        ParquetFooters.put(key, reader.getFooter());
        return reader;
      }
      SeekableInputStream stream = input.newStream();
      try {
        return new ParquetFileReader(input, footer, options, stream);
      } catch (IOException | RuntimeException e) {
        stream.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Parquet file " + file.location() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new UncheckedIOException("cannot read Parquet file " + file.location() + ": " + e.getMessage(),
          new IOException(e.getMessage(), e));
    }
  }

  private static void closeQuietly(ParquetFileReader reader, RuntimeException cause) {
    try {
      reader.close();
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }
}
