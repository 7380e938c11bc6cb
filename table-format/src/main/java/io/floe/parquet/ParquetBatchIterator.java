package io.floe.parquet;

import io.floe.data.Metrics;
import io.floe.io.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batches of one Parquet file, row group by row group: each {@link #next()} is a new
 * {@link VectorSchemaRoot} of at most the batch size rows, owned (and to be closed) by the caller. Row groups whose
 * statistics the row group filter rejects are skipped without being read; {@link #stats()} counts them.
 * {@link #close()} closes the file. Not thread-safe.
 */
public final class ParquetBatchIterator implements CloseableIterator<VectorSchemaRoot> {
  private static final Logger LOG = LoggerFactory.getLogger(ParquetBatchIterator.class);

  private final String location;
  private final ParquetFileReader reader;
  private final FileProjection projection;
  private final Schema arrowSchema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final Predicate<Metrics> rowGroupFilter;
  private final LongPredicate rowGroupStarts;
  private final ParquetReadStats fileStats = new ParquetReadStats();
  private final ParquetReadStats sharedStats;
  private final List<FlatColumnReader> flatColumns = new ArrayList<>();
  private final NestedColumnReader nestedColumns;
  private final List<BlockMetaData> rowGroups;
  private final boolean readsColumns;
  /** Per top-level vector, the data bytes per value of the last batch when it is variable-width, else 0. */
  private final double[] bytesPerValue;
  /** Per top-level vector, whether its reader writes every value slot (its data buffer is allocated unzeroed). */
  private final boolean[] writtenWhole;
  /** Per top-level vector, its flat column reader, or null for a nested column. */
  private final FlatColumnReader[] flatByPosition;
  private int nextRowGroup;
  /** The position in the file of the first row of row group {@code nextRowGroup}. */
  private long nextRowGroupFirstRow;
  /** The position in the file of the row after the current row group's last. */
  private long groupEndRow;
  private long rowsLeftInGroup;
  /** The position in the file of the first row of the batch last returned. */
  private long batchFirstRow;
  private boolean closed;
  /** The last lazy batch, whose columns not asked for are passed over before the iterator moves on. */
  private Lazy pending;

  ParquetBatchIterator(String location, ParquetFileReader reader, FileProjection projection, Schema arrowSchema,
      BufferAllocator allocator, int batchSize, Predicate<Metrics> rowGroupFilter, ParquetReadStats sharedStats,
      LongPredicate rowGroupStarts) {
    this.location = location;
    this.reader = reader;
    this.projection = projection;
    this.arrowSchema = arrowSchema;
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.rowGroupFilter = rowGroupFilter;
    this.rowGroupStarts = rowGroupStarts;
    this.sharedStats = sharedStats;
    this.rowGroups = reader.getRowGroups();
    String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
    for (FileProjection.ColumnPlan plan : projection.columns()) {
      if (plan instanceof FileProjection.Flat flat) {
        flatColumns.add(new FlatColumnReader(flat, createdBy));
      }
    }
    this.nestedColumns = new NestedColumnReader(projection, reader.getFooter().getFileMetaData().getSchema(), createdBy);
    this.readsColumns = projection.requestedSchema().getFieldCount() > 0;
    this.bytesPerValue = new double[arrowSchema.getFields().size()];
    this.writtenWhole = new boolean[bytesPerValue.length];
    this.flatByPosition = new FlatColumnReader[bytesPerValue.length];
    for (FlatColumnReader column : flatColumns) {
      writtenWhole[column.position()] = column.writesEveryValue();
      flatByPosition[column.position()] = column;
    }
    if (readsColumns) {
      reader.setRequestedSchema(projection.requestedSchema());
    }
    fileStats.fileOpened();
    if (sharedStats != null) {
      sharedStats.fileOpened();
    }
  }

  /**
   * The position in the file (counting from 0 over all row groups, read or not) of the first row of the batch
   * last returned by {@link #next()} or {@link #nextLazy()}: a batch's rows are consecutive.
   */
  public long batchFirstRow() {
    return batchFirstRow;
  }

  /** Counters of this file: row groups read and skipped, rows returned. */
  public ParquetReadStats stats() {
    return fileStats;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    try {
      passPending();
      while (rowsLeftInGroup == 0) {
        if (!advance()) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
  }

  /** Moves to the next row group that the filter accepts; false at the end of the file. */
  private boolean advance() throws IOException {
    while (nextRowGroup < rowGroups.size()) {
      BlockMetaData block = rowGroups.get(nextRowGroup++);
      long firstRow = nextRowGroupFirstRow;
      nextRowGroupFirstRow += block.getRowCount();
      if (block.getRowCount() == 0 || rowGroupStarts != null && !rowGroupStarts.test(block.getStartingPos())) {
        reader.skipNextRowGroup();
        continue;
      }
      if (rowGroupFilter != null && !rowGroupFilter.test(rowGroupMetrics(block))) {
        reader.skipNextRowGroup();
        fileStats.rowGroupSkipped();
        if (sharedStats != null) {
          sharedStats.rowGroupSkipped();
        }
        LOG.debug("skipped row group {} of {}", nextRowGroup - 1, location);
        continue;
      }
      if (readsColumns) {
        PageReadStore store = reader.readNextRowGroup();
        for (FlatColumnReader column : flatColumns) {
          column.startRowGroup(store);
        }
        if (!nestedColumns.isEmpty()) {
          nestedColumns.startRowGroup(store);
        }
      } else {
        reader.skipNextRowGroup();
      }
      fileStats.rowGroupRead();
      if (sharedStats != null) {
        sharedStats.rowGroupRead();
      }
      rowsLeftInGroup = block.getRowCount();
      groupEndRow = firstRow + rowsLeftInGroup;
      return true;
    }
    return false;
  }

  private Metrics rowGroupMetrics(BlockMetaData block) {
    return FooterMetrics.compute(List.of(block), projection.metricColumns(), Map.of(), Integer.MAX_VALUE);
  }

  @Override
  public VectorSchemaRoot next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more batches in " + location);
    }
    int count = (int) Math.min(batchSize, rowsLeftInGroup);
    VectorSchemaRoot batch = VectorSchemaRoot.create(arrowSchema, allocator);
    try {
      List<FieldVector> vectors = batch.getFieldVectors();
      for (int i = 0; i < vectors.size(); i++) {
        allocate(vectors.get(i), i, count);
      }
      for (FlatColumnReader column : flatColumns) {
        column.read(batch, count);
      }
      if (!nestedColumns.isEmpty()) {
        nestedColumns.read(batch, count);
      }
      batch.setRowCount(count);
      rememberSizes(vectors, count);
    } catch (RuntimeException e) {
      batch.close();
      throw failure(e);
    }
    counted(count);
    return batch;
  }

  /**
   * The next batch with its columns decoded on request ({@link LazyBatch}): only the columns that cannot skip
   * values (nested ones, or types decoded value by value) are decoded now.
   */
  public LazyBatch nextLazy() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more batches in " + location);
    }
    int count = (int) Math.min(batchSize, rowsLeftInGroup);
    VectorSchemaRoot batch = VectorSchemaRoot.create(arrowSchema, allocator);
    Lazy lazy = new Lazy(batch, count);
    try {
      List<FieldVector> vectors = batch.getFieldVectors();
      for (int i = 0; i < vectors.size(); i++) {
        if (flatByPosition[i] == null || !flatByPosition[i].selective()) {
          allocate(vectors.get(i), i, count);
          lazy.decoded[i] = true;
        }
      }
      for (FlatColumnReader column : flatColumns) {
        if (!column.selective()) {
          column.read(batch, count);
        }
      }
      if (!nestedColumns.isEmpty()) {
        nestedColumns.read(batch, count);
      }
      for (int i = 0; i < vectors.size(); i++) {
        if (lazy.decoded[i]) {
          vectors.get(i).setValueCount(count);
        }
      }
    } catch (RuntimeException e) {
      batch.close();
      throw failure(e);
    }
    counted(count);
    pending = lazy;
    return lazy;
  }

  private void counted(int count) {
    batchFirstRow = groupEndRow - rowsLeftInGroup;
    rowsLeftInGroup -= count;
    fileStats.rowsRead(count);
    if (sharedStats != null) {
      sharedStats.rowsRead(count);
    }
  }

  /** Passes over the values of the last lazy batch's columns that were not asked for. */
  private void passPending() {
    Lazy lazy = pending;
    if (lazy == null) {
      return;
    }
    pending = null;
    lazy.passed = true;
    for (int i = 0; i < flatByPosition.length; i++) {
      if (!lazy.decoded[i]) {
        flatByPosition[i].skip(lazy.count);
      }
    }
  }

  /** Gives vector {@code i} room for {@code count} values, all null. */
  private void allocate(FieldVector vector, int i, int count) {
    if (writtenWhole[i] && vector instanceof BaseFixedWidthVector fixed) {
      allocateUnzeroed(fixed, count);
    } else if (bytesPerValue[i] > 0) {
      ((BaseVariableWidthVector) vector).setInitialCapacity(count, bytesPerValue[i]);
      vector.allocateNew();
    } else {
      vector.setInitialCapacity(count);
      vector.allocateNew();
    }
  }

  /** A batch whose selectively decodable columns are decoded when asked for. */
  private final class Lazy implements LazyBatch {
    private final VectorSchemaRoot batch;
    private final int count;
    private final boolean[] decoded;
    private boolean passed;

    Lazy(VectorSchemaRoot batch, int count) {
      this.batch = batch;
      this.count = count;
      this.decoded = new boolean[batch.getFieldVectors().size()];
    }

    @Override
    public int rows() {
      return count;
    }

    @Override
    public FieldVector column(String name, int[] rows, int selected) {
      FieldVector vector = batch.getVector(name);
      if (vector == null) {
        throw new IllegalArgumentException("no column " + name + " in the batches of " + location);
      }
      int position = batch.getFieldVectors().indexOf(vector);
      if (decoded[position]) {
        return vector;
      }
      if (passed) {
        throw new IllegalStateException("column " + name + " of a batch of " + location
            + " asked for after the reader moved on");
      }
      FlatColumnReader column = flatByPosition[position];
      try {
        allocate(vector, position, count);
        if (rows == null || selected == count) {
          column.read(batch, count);
          rememberSize(vector, position, count);
        } else {
          column.read(batch, count, rows, selected);
        }
        vector.setValueCount(count);
      } catch (RuntimeException e) {
        throw failure(e);
      }
      decoded[position] = true;
      return vector;
    }

    @Override
    public void close() {
      batch.close();
    }
  }

  /**
   * Gives {@code vector} room for {@code count} values, all null, with a data buffer that is not zeroed (Arrow's
   * {@code allocateNew} zeroes it): for columns whose reader writes every value slot.
   */
  private void allocateUnzeroed(BaseFixedWidthVector vector, int count) {
    try (ArrowBuf data = allocator.buffer((long) count * vector.getTypeWidth())) {
      // a node of count nulls: the vector makes its own zeroed validity buffer and takes the data buffer as it is
      vector.loadFieldBuffers(new ArrowFieldNode(count, count), Arrays.asList(null, data));
    }
  }

  /** Sizes the next batch's variable-width data buffers by this batch, sparing their growth by doubling. */
  private void rememberSizes(List<FieldVector> vectors, int count) {
    for (int i = 0; i < vectors.size(); i++) {
      rememberSize(vectors.get(i), i, count);
    }
  }

  private void rememberSize(FieldVector vector, int i, int count) {
    if (vector instanceof BaseVariableWidthVector variable) {
      bytesPerValue[i] = (double) variable.sizeOfValueBuffer() / count * 1.05;
    }
  }

  private RuntimeException failure(Exception e) {
    if (e instanceof UncheckedIOException u && u.getMessage() != null && u.getMessage().contains(location)) {
      return u;
    }
    return new UncheckedIOException("cannot read Parquet file " + location + ": " + e.getMessage(),
        e instanceof IOException io ? io : new IOException(e.getMessage(), e));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (pending != null) {
      pending.passed = true;
      pending = null;
    }
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close Parquet file " + location, e);
    }
  }
}
