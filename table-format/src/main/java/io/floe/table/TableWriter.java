package io.floe.table;

import io.floe.arrow.ArrowRowView;
import io.floe.arrow.ArrowRows;
import io.floe.arrow.ArrowSchemas;
import io.floe.commit.TableOperations;
import io.floe.data.Record;
import io.floe.data.Values;
import io.floe.manifest.DataFile;
import io.floe.metadata.TableMetadata;
import io.floe.parquet.ParquetDataWriter;
import io.floe.parquet.ParquetWriteOptions;
import io.floe.parquet.WriteResult;
import io.floe.partition.PartitionSpec;
import io.floe.partition.Partitioner;
import io.floe.puffin.ColumnThetaSketches;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes rows into new Parquet data files of a table: fanned out by partition (one open file per partition),
 * each rolling to a new file at the table's target file size. Nothing is visible until the files are committed
 * by an operation; {@link #abort()} deletes what was written. A writer made for an append also keeps a theta sketch
 * of each top-level primitive column's values (unless {@link TableProperties#WRITE_DISTINCT_COUNTS} is false), which
 * {@link AppendFiles#appendWritten} commits as the table's distinct counts.
 */
public final class TableWriter implements AutoCloseable {
  /** A file's size is checked against the target after this many rows. */
  private static final int ROWS_PER_SIZE_CHECK = 1024;

  private final TableOperations ops;
  private final Schema schema;
  private final PartitionSpec spec;
  private final Partitioner partitioner;
  private final ParquetWriteOptions options;
  private final long targetFileSize;
  private final String filePrefix = UUID.randomUUID().toString();
  private final Map<Record, OpenFile> open = new HashMap<>();
  private final List<DataFile> completed = new ArrayList<>();
  private final List<String> written = new ArrayList<>();
  /** Sketches of the values written, or null when not kept. */
  private final ColumnThetaSketches sketches;
  private int fileCount;
  private long rowCount;
  private boolean closed;

  /** A writer whose files roll at the table's target file size; {@code sketchValues}: keep sketches for an append. */
  TableWriter(TableOperations ops, TableMetadata metadata, boolean sketchValues) {
    this(ops, metadata, metadata.propertyAsLong(TableProperties.TARGET_FILE_SIZE_BYTES,
        TableProperties.TARGET_FILE_SIZE_BYTES_DEFAULT), sketchValues);
  }

  /** A writer whose files roll at {@code targetFileSize} bytes instead of the table's setting. */
  TableWriter(TableOperations ops, TableMetadata metadata, long targetFileSize, boolean sketchValues) {
    if (targetFileSize <= 0) {
      throw new IllegalArgumentException("target file size must be positive: " + targetFileSize);
    }
    this.ops = ops;
    this.schema = metadata.schema();
    this.spec = metadata.spec();
    this.partitioner = new Partitioner(spec);
    this.options = writeOptions(metadata);
    this.targetFileSize = targetFileSize;
    this.sketches = sketchValues && metadata.propertyAsBoolean(TableProperties.WRITE_DISTINCT_COUNTS,
        TableProperties.WRITE_DISTINCT_COUNTS_DEFAULT)
        ? new ColumnThetaSketches(schema, schema.columns().stream()
            .filter(f -> f.type().isPrimitive()).map(NestedField::id).toList())
        : null;
  }

  /** Parquet settings from the table properties (Iceberg's names and defaults). */
  static ParquetWriteOptions writeOptions(TableMetadata metadata) {
    ParquetWriteOptions options = ParquetWriteOptions.defaults().withRowGroupSize(metadata.propertyAsLong(
        TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES_DEFAULT));
    String codec = metadata.properties().get(TableProperties.PARQUET_COMPRESSION);
    if (codec != null) {
      try {
        options = options.withCompression(ParquetWriteOptions.Codec.valueOf(codec.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("table property " + TableProperties.PARQUET_COMPRESSION + " names an unknown codec '"
            + codec + "'; use one of " + java.util.Arrays.toString(ParquetWriteOptions.Codec.values()), e);
      }
    }
    return options;
  }

  public Schema schema() {
    return schema;
  }

  /**
   * Writes one row of the table's schema. Values may be internal values or the usual Java types
   * ({@link Values#toInternal}); a row that does not match the schema fails naming the column.
   */
  public void write(Record row) {
    if (closed) {
      throw new IllegalStateException("writer is closed");
    }
    Record internal;
    try {
      internal = Values.toInternal(schema.asStruct(), row);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("row " + rowCount + " does not match the schema of table " + ops.tableName() + ": " + e.getMessage(), e);
    }
    Record partition = spec.fields().isEmpty() ? null : partitioner.partitionOf(internal);
    OpenFile file = openFile(partition);
    file.writer.write(internal);
    if (sketches != null) {
      sketches.update(internal);
    }
    rowCount++;
    if (++file.rowsSinceCheck % ROWS_PER_SIZE_CHECK == 0) {
      rollIfFull(partition, file);
    }
  }

  /**
   * Writes the rows of an Arrow batch, which stays the caller's. Its columns are the table's, by position (names are
   * not checked), each of the column's Arrow type ({@link ArrowSchemas#toArrow(Schema)}; a {@code timestamptz}
   * column takes any time zone, as its values are UTC instants). A batch of another shape, or with a null in a
   * required column, fails naming the column before any of its rows is written. Tables without nested columns are
   * written column by column from the vectors' buffers; others row by row.
   */
  public void write(VectorSchemaRoot batch) {
    if (closed) {
      throw new IllegalStateException("writer is closed");
    }
    ArrowSchemas.requireMatches(schema, batch, "table " + ops.tableName());
    int rows = batch.getRowCount();
    List<NestedField> columns = schema.columns();
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).required() && batch.getVector(c).getNullCount() > 0) {
        throw new IllegalArgumentException("null value in required column '" + columns.get(c).name() + "' of table "
            + ops.tableName());
      }
    }
    if (!ParquetDataWriter.writesBatches(schema)) {
      ArrowRowView view = ArrowRows.rowView(batch, schema, 0);
      for (int r = 0; r < rows; r++) {
        write(view.at(r));
      }
      return;
    }
    if (spec.fields().isEmpty()) {
      writeRows(null, batch, null, rows);
    } else {
      Map<Record, RowList> byPartition = new LinkedHashMap<>();
      ArrowRowView view = ArrowRows.rowView(batch, schema, 0);
      for (int r = 0; r < rows; r++) {
        byPartition.computeIfAbsent(partitioner.partitionOf(view.at(r)), p -> new RowList()).add(r);
      }
      for (Map.Entry<Record, RowList> partition : byPartition.entrySet()) {
        writeRows(partition.getKey(), batch, partition.getValue().rows, partition.getValue().count);
      }
    }
    if (sketches != null) {
      sketches.updateByPosition(batch);
    }
    rowCount += rows;
  }

  /** Writes {@code rows[0..count)} of the batch (its first {@code count} rows when null) to the partition's files. */
  private void writeRows(Record partition, VectorSchemaRoot batch, int[] rows, int count) {
    for (int from = 0; from < count; from += ROWS_PER_SIZE_CHECK) {
      OpenFile file = openFile(partition);
      file.writer.write(batch, rows, from, Math.min(count, from + ROWS_PER_SIZE_CHECK));
      rollIfFull(partition, file);
    }
  }

  /** The partition's open file, opened now if it has none. */
  private OpenFile openFile(Record partition) {
    return open.computeIfAbsent(partition, this::newFile);
  }

  /** Closes the partition's file once it reached the target size; the next row opens a new one. */
  private void rollIfFull(Record partition, OpenFile file) {
    if (file.writer.length() >= targetFileSize) {
      completed.add(file.finish());
      open.remove(partition);
    }
  }

  /** Row numbers of one partition in a batch. */
  private static final class RowList {
    int[] rows = new int[16];
    int count;

    void add(int row) {
      if (count == rows.length) {
        rows = java.util.Arrays.copyOf(rows, 2 * count);
      }
      rows[count++] = row;
    }
  }

  public void writeAll(Iterable<? extends Record> rows) {
    for (Record r : rows) {
      write(r);
    }
  }

  /** Closes every open file and returns all data files written. */
  public List<DataFile> complete() {
    if (!closed) {
      closed = true;
      for (OpenFile f : open.values()) {
        completed.add(f.finish());
      }
      open.clear();
    }
    return List.copyOf(completed);
  }

  /** Closes and deletes every file written; nothing of it was committed. */
  public void abort() {
    RuntimeException failure = null;
    for (OpenFile f : open.values()) {
      try {
        f.writer.abort();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    open.clear();
    closed = true;
    for (String location : written) {
      ops.io().deleteFile(location);
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The sketches of the values written, by field id; null when this writer keeps none. */
  Map<Integer, ColumnThetaSketches.Result> sketches() {
    return sketches == null ? null : sketches.results();
  }

  /** Locations of every file this writer created (complete or not). */
  List<String> writtenLocations() {
    return List.copyOf(written);
  }

  @Override
  public void close() {
    complete();
  }

  private OpenFile newFile(Record partition) {
    String path = partition == null ? "" : spec.partitionPath(partition);
    String name = filePrefix + "-" + (fileCount++) + ".parquet";
    String location = ops.dataFileLocation(path, name);
    written.add(location);
    ParquetDataWriter writer = ParquetDataWriter.create(ops.io().newOutputFile(location), schema, options);
    return new OpenFile(location, partition, writer);
  }

  private final class OpenFile {
    final String location;
    final Record partition;
    final ParquetDataWriter writer;
    int rowsSinceCheck;

    OpenFile(String location, Record partition, ParquetDataWriter writer) {
      this.location = location;
      this.partition = partition;
      this.writer = writer;
    }

    DataFile finish() {
      WriteResult result = writer.close();
      Record p = partition == null ? io.floe.data.GenericRecord.of(spec.partitionType()) : partition;
      return DataFile.parquet(location, spec.specId(), p, result.fileSizeInBytes(), result.metrics(), result.splitOffsets());
    }
  }
}
