package io.floe.parquet;

import io.floe.data.Metrics;
import io.floe.data.Record;
import io.floe.io.OutputFile;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one Parquet data file of a schema, as Apache Iceberg does: field ids in the Parquet schema, row groups
 * rolled at a target size, and Iceberg-compatible {@link Metrics} on {@link #close()}.
 *
 * <p>Not thread-safe. The file becomes visible when {@link #close()} succeeds (the {@link OutputFile} creates it
 * atomically); a writer that failed should be closed by {@link #abort()}.
 */
public final class ParquetDataWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ParquetDataWriter.class);

  private final OutputFile out;
  private final ParquetFiles.Output output;
  private final Schema schema;
  private final ParquetWriteOptions options;
  private final MessageType messageType;
  private final ParquetProperties props;
  private final CodecFactory codecs;
  private final CompressionCodecFactory.BytesInputCompressor compressor;
  private final ParquetFileWriter fileWriter;
  private final RecordColumnWriter recordWriter;
  /** Writes Arrow batches column by column; null when the schema has nested columns. */
  private final VectorColumnWriter vectorWriter;
  private ColumnChunkPageWriteStore pageStore;
  private ColumnWriteStore writeStore;
  private long rowGroupRecords;
  private long totalRecords;
  private long nextSizeCheck;
  private boolean closed;

  private ParquetDataWriter(OutputFile out, Schema schema, ParquetWriteOptions options) throws IOException {
    this.out = out;
    this.schema = schema;
    this.options = options;
    this.messageType = ParquetSchemas.toMessageType(schema);
    this.props = ParquetProperties.builder()
        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
        .withPageSize(options.pageSizeBytes())
        .withDictionaryPageSize(options.dictionaryPageSizeBytes())
        .withDictionaryEncoding(options.dictionaryEnabled())
        .build();
    this.codecs = new CodecFactory(new PlainParquetConfiguration(), options.pageSizeBytes());
    this.compressor = codecs.getCompressor(options.compression().parquetName());
    this.output = new ParquetFiles.Output(out);
    this.fileWriter = new ParquetFileWriter(output, messageType, ParquetFileWriter.Mode.CREATE,
        options.rowGroupSizeBytes(), 0, null, props);
    this.recordWriter = new RecordColumnWriter(schema, messageType);
    this.vectorWriter = VectorColumnWriter.supports(schema) ? new VectorColumnWriter(schema, messageType,
        recordWriter.floatingStats().stream().collect(Collectors.toMap(FloatingStats::fieldId, stats -> stats))) : null;
    fileWriter.start();
    startRowGroup();
  }

  /** Opens a writer that creates {@code out}; fails if the file exists. */
  public static ParquetDataWriter create(OutputFile out, Schema schema, ParquetWriteOptions options) {
    try {
      return new ParquetDataWriter(out, schema, options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Parquet file " + out.location() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Appends a row holding internal values of {@code schema.asStruct()}. A row that fails (null in a required
   * column, a value of the wrong class) may be partly written: {@link #abort()} the writer then.
   */
  public void write(Record row) {
    if (closed) {
      throw new IllegalStateException("Parquet writer of " + out.location() + " is closed");
    }
    recordWriter.write(row);
    endRecords(1);
  }

  /**
   * Appends rows {@code rows[from..to)} of an Arrow batch (row numbers {@code from..to} when {@code rows} is null)
   * whose vectors are the schema's columns, by position, of their Arrow types
   * ({@link io.floe.arrow.ArrowSchemas#toArrow(Schema)}), written column by column; only for a schema without
   * nested columns ({@link #writesBatches(Schema)}). A failure (null in a required column, a decimal that does not fit)
   * may leave rows partly written: {@link #abort()} the writer then.
   */
  public void write(VectorSchemaRoot batch, int[] rows, int from, int to) {
    if (closed) {
      throw new IllegalStateException("Parquet writer of " + out.location() + " is closed");
    }
    if (vectorWriter == null) {
      throw new UnsupportedOperationException("not supported: writing Arrow batches of nested columns to "
          + out.location() + " column by column");
    }
    vectorWriter.write(batch, rows, from, to);
    endRecords(to - from);
  }

  /** Whether {@link #write(VectorSchemaRoot, int[], int, int)} can write {@code schema}: it has no nested columns. */
  public static boolean writesBatches(Schema schema) {
    return VectorColumnWriter.supports(schema);
  }

  private void endRecords(int count) {
    for (int i = 0; i < count; i++) {
      writeStore.endRecord();
    }
    rowGroupRecords += count;
    totalRecords += count;
    if (rowGroupRecords >= nextSizeCheck) {
      checkRowGroupSize();
    }
  }

  /** Rows written so far. */
  public long recordCount() {
    return totalRecords;
  }

  /** Bytes written so far plus the (uncompressed) bytes buffered for the open row group: the file's size, roughly. */
  public long length() {
    try {
      long length = fileWriter.getPos();
      if (!closed && rowGroupRecords > 0) {
        length += writeStore.getBufferedSize();
      }
      return length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot get the position in " + out.location(), e);
    }
  }

  /** Flushes the last row group, writes the footer and publishes the file. */
  public WriteResult close() {
    if (closed) {
      throw new IllegalStateException("Parquet writer of " + out.location() + " is already closed");
    }
    closed = true;
    try {
      flushRowGroup();
      fileWriter.end(Map.of());
      long size = fileWriter.getPos();
      ParquetMetadata footer = fileWriter.getFooter();
      List<Long> offsets = new ArrayList<>();
      for (BlockMetaData block : footer.getBlocks()) {
        offsets.add(block.getStartingPos());
      }
      offsets.sort(null);
      Metrics metrics = metrics(footer);
      LOG.debug("wrote {} rows in {} row groups, {} bytes to {}", totalRecords, offsets.size(), size, out.location());
      return new WriteResult(size, metrics, offsets);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Parquet file " + out.location() + ": " + e.getMessage(), e);
    } finally {
      release();
    }
  }

  /** Stops writing after a failure: discards the file (nothing becomes visible on IOs that can) and releases buffers. */
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      output.abort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot discard unfinished Parquet file " + out.location(), e);
    } finally {
      release();
    }
  }

  private void release() {
    writeStore.close();
    pageStore.close();
    codecs.release();
  }

  private Metrics metrics(ParquetMetadata footer) {
    List<FooterMetrics.Column> columns = new ArrayList<>();
    collectColumns(schema.columns(), new ArrayList<>(), false, columns);
    Map<Integer, FloatingStats> floating = new HashMap<>();
    for (FloatingStats stats : recordWriter.floatingStats()) {
      floating.put(stats.fieldId(), stats);
    }
    return FooterMetrics.compute(footer.getBlocks(), columns, floating, options.truncateLength());
  }

  private void collectColumns(List<NestedField> fields, List<String> path, boolean repeated,
      List<FooterMetrics.Column> out) {
    for (NestedField field : fields) {
      List<String> fieldPath = new ArrayList<>(path);
      fieldPath.add(ParquetSchemas.compatibleName(field.name()));
      if (field.type() instanceof PrimitiveType p) {
        out.add(new FooterMetrics.Column(field.id(), p, ColumnPath.get(fieldPath.toArray(new String[0])), repeated));
      } else {
        List<String> childPath = fieldPath;
        boolean childRepeated = repeated;
        if (field.type().typeId() == io.floe.types.TypeId.LIST) {
          childPath.add("list");
          childRepeated = true;
        } else if (field.type().typeId() == io.floe.types.TypeId.MAP) {
          childPath.add("key_value");
          childRepeated = true;
        }
        collectColumns(Schema.childFields(field.type()), childPath, childRepeated, out);
      }
    }
  }

  private void startRowGroup() {
    this.pageStore = new ColumnChunkPageWriteStore(compressor, messageType, props.getAllocator(),
        props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
    this.writeStore = props.newColumnWriteStore(messageType, pageStore, pageStore);
    recordWriter.bind(writeStore);
    if (vectorWriter != null) {
      vectorWriter.bind(writeStore);
    }
    this.nextSizeCheck = Math.min(Math.max(rowGroupRecords / 2, props.getMinRowCountForPageSizeCheck()),
        props.getMaxRowCountForPageSizeCheck());
    this.rowGroupRecords = 0;
  }

  /** Closes the row group when its buffered size nears the target, else plans the next check (as Iceberg). */
  private void checkRowGroupSize() {
    long buffered = writeStore.getBufferedSize();
    double avgRecordSize = ((double) buffered) / rowGroupRecords;
    long target = options.rowGroupSizeBytes();
    if (buffered > target - 2 * avgRecordSize) {
      try {
        flushRowGroup();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write a row group to " + out.location() + ": " + e.getMessage(), e);
      }
      writeStore.close();
      pageStore.close();
      startRowGroup();
    } else {
      long remainingRecords = (long) ((target - buffered) / avgRecordSize);
      nextSizeCheck = rowGroupRecords + Math.min(Math.max(remainingRecords / 2, props.getMinRowCountForPageSizeCheck()),
          props.getMaxRowCountForPageSizeCheck());
    }
  }

  private void flushRowGroup() throws IOException {
    if (rowGroupRecords == 0) {
      return;
    }
    fileWriter.startBlock(rowGroupRecords);
    writeStore.flush();
    pageStore.flushToFileWriter(fileWriter);
    fileWriter.endBlock();
  }
}
