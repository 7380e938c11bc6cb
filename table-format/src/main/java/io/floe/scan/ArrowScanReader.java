package io.floe.scan;

import io.floe.arrow.ArrowRowView;
import io.floe.arrow.ArrowRows;
import io.floe.data.Metrics;
import io.floe.expressions.Expression;
import io.floe.expressions.Expressions;
import io.floe.expressions.MetricsEvaluator;
import io.floe.expressions.RowEvaluator;
import io.floe.io.CloseableIterator;
import io.floe.io.FileIO;
import io.floe.parquet.LazyBatch;
import io.floe.parquet.ParquetArrowReader;
import io.floe.parquet.ParquetBatchIterator;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads the files of a planned scan into Arrow batches of the output columns, skipping row groups by their
 * statistics and keeping exactly the rows that match the filter. Batches belong to the caller.
 */
public final class ArrowScanReader implements CloseableIterator<VectorSchemaRoot> {
  private final FileIO io;
  private final List<FileScanTask> tasks;
  private final Schema readSchema;
  private final int outputColumns;
  private final boolean filtering;
  private final RowEvaluator rowEvaluator;
  private final MetricsEvaluator rowGroupEvaluator;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final ScanMetrics metrics;
  /** Reads the delete files of the tasks, or null when no task has any. */
  private final DeleteLoader deleteLoader;
  private int nextTask;
  private ParquetBatchIterator current;
  /** The rows the current file loses to delete files, or null for none. */
  private FileDeletes currentDeletes;
  /** The rows of the last lazy batch that delete files leave, or null for all. */
  private int[] liveRows;
  /** Whether {@link #next()} also gives the file positions of its rows ({@link #positions()}). */
  private boolean trackPositions;
  private long[] pendingPositions;
  private long[] positions;
  private String pendingFile;
  private String file;
  private String currentFile;
  private long lazyFirstRow;
  private VectorSchemaRoot pending;
  /** The statistics of the row group being read: the last one the row group filter let through. */
  private Metrics rowGroupMetrics;

  public ArrowScanReader(FileIO io, List<FileScanTask> tasks, Schema tableSchema, Schema outputSchema,
                         Expression boundFilter, BufferAllocator allocator, int batchSize, ScanMetrics metrics) {
    this(io, tasks, tableSchema, outputSchema, boundFilter, true, allocator, batchSize, metrics);
  }

  /**
   * A reader that skips row groups with {@code boundFilter} and, when {@code filterRows}, also keeps only the rows
   * matching it; otherwise every row of the row groups read is returned.
   */
  public ArrowScanReader(FileIO io, List<FileScanTask> tasks, Schema tableSchema, Schema outputSchema,
                         Expression boundFilter, boolean filterRows, BufferAllocator allocator, int batchSize,
                         ScanMetrics metrics) {
    this.io = io;
    this.tasks = tasks;
    this.filtering = filterRows && !(boundFilter instanceof Expression.True);
    Set<Integer> equalityIds = DeleteLoader.equalityFieldIds(tableSchema, tasks);
    this.readSchema = filtering || !equalityIds.isEmpty()
        ? readSchema(tableSchema, outputSchema, filtering ? boundFilter : Expressions.alwaysTrue(), equalityIds)
        : outputSchema;
    this.deleteLoader = tasks.stream().anyMatch(FileScanTask::hasDeletes)
        ? new DeleteLoader(io, tableSchema, allocator) : null;
    this.outputColumns = outputSchema.columns().size();
    this.rowEvaluator = filtering ? new RowEvaluator(readSchema.asStruct(), boundFilter) : null;
    this.rowGroupEvaluator = new MetricsEvaluator(tableSchema, boundFilter);
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.metrics = metrics;
  }

  /** The output columns followed by the other top-level columns the filter and the equality deletes need. */
  private static Schema readSchema(Schema table, Schema output, Expression filter, Set<Integer> equalityIds) {
    Set<Integer> ids = new LinkedHashSet<>();
    for (NestedField f : output.columns()) {
      ids.add(f.id());
    }
    ids.addAll(equalityIds);
    for (int referenced : ReferencedFields.of(filter)) {
      int top = referenced;
      while (table.parentId(top) >= 0) {
        top = table.parentId(top);
      }
      ids.add(top);
    }
    List<NestedField> columns = new ArrayList<>();
    for (int id : ids) {
      NestedField f = output.asStruct().field(id);
      columns.add(f != null ? f : table.asStruct().field(id));
    }
    return new Schema(table.schemaId(), columns);
  }

  @Override
  public boolean hasNext() {
    while (pending == null) {
      if (!fileHasNext()) {
        return false;
      }
      pending = filterAndProject(current.next());
    }
    return true;
  }

  @Override
  public VectorSchemaRoot next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    VectorSchemaRoot result = pending;
    pending = null;
    positions = pendingPositions;
    file = pendingFile;
    return result;
  }

  /** Makes {@link #next()} also give the position in its data file of each row it returns ({@link #positions()}). */
  public ArrowScanReader trackingPositions() {
    trackPositions = true;
    return this;
  }

  /**
   * The positions in its data file (counted over all its row groups, from 0) of the rows of the batch
   * {@link #next()} returned last, with {@link #trackingPositions()}; a row-level delete writes them.
   */
  public long[] positions() {
    return positions;
  }

  /**
   * The path of the data file the batch returned last came from: by {@link #nextLazy()}, or by {@link #next()} with
   * {@link #trackingPositions()}.
   */
  public String file() {
    return file;
  }

  /** The position in its data file of the first row of the batch {@link #nextLazy()} returned last. */
  public long lazyBatchFirstRow() {
    return lazyFirstRow;
  }

  /**
   * Whether batches can be read with {@link #nextLazy()}: when the reader returns the rows of the row groups it
   * reads as they are, less the rows delete files delete (it was built not to filter rows, or without a filter).
   */
  public boolean lazy() {
    return !filtering;
  }

  /** Whether some file of the scan has delete files: then {@link #liveRows()} may leave rows out of lazy batches. */
  public boolean deletesRows() {
    return deleteLoader != null;
  }

  /**
   * The rows of the batch {@link #nextLazy()} returned last that the file's delete files leave, increasing; null
   * when they leave every row.
   */
  public int[] liveRows() {
    return liveRows;
  }

  /**
   * The next batch, its columns decoded when asked for ({@link LazyBatch}), with all the rows of the file it holds:
   * {@link #liveRows()} says which of them delete files leave. Null at the end. Only where {@link #lazy()}; not
   * mixed with {@link #next()}.
   */
  public LazyBatch nextLazy() {
    if (!lazy() || pending != null) {
      throw new IllegalStateException("lazy batches of a scan that filters rows or has a batch read already");
    }
    liveRows = null;
    if (!fileHasNext()) {
      return null;
    }
    LazyBatch batch = current.nextLazy();
    file = currentFile;
    lazyFirstRow = current.batchFirstRow();
    int rows = batch.rows();
    metrics.rowsRead.addAndGet(rows);
    int live = rows;
    if (currentDeletes != null) {
      int[] kept = new int[rows];
      live = currentDeletes.keep(field -> batch.column(readSchema.columns().get(position(field)).name(), null, rows),
          current.batchFirstRow(), rows, kept);
      liveRows = live == rows ? null : Arrays.copyOf(kept, live);
    }
    metrics.rowsReturned.addAndGet(live);
    return batch;
  }

  /** The position of {@code field} among the columns read. */
  private int position(NestedField field) {
    List<NestedField> columns = readSchema.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).id() == field.id()) {
        return i;
      }
    }
    throw new IllegalStateException("column " + field.name() + " is not read: " + readSchema.columnNames());
  }

  /**
   * The statistics of the row group that the batch last returned ({@link #next()} or {@link #nextLazy()}) came from,
   * of the columns read (null before the first batch): a caller filtering rows itself may skip the conditions that
   * they show every row meets ({@link io.floe.expressions.StrictMetricsEvaluator}).
   */
  public Metrics rowGroupMetrics() {
    return rowGroupMetrics;
  }

  /** Whether the current file has another batch, opening the next files until one has; false at the end. */
  private boolean fileHasNext() {
    while (current == null || !current.hasNext()) {
      if (!openNext()) {
        return false;
      }
    }
    return true;
  }

  private boolean openNext() {
    closeCurrent();
    if (nextTask >= tasks.size()) {
      return false;
    }
    FileScanTask task = tasks.get(nextTask++);
    if (task.startsFile()) {
      metrics.filesOpened.incrementAndGet();
    }
    currentFile = task.file().path();
    FileDeletes deletes = task.hasDeletes() ? deleteLoader.forTask(task) : null;
    currentDeletes = deletes == null || deletes.isEmpty() ? null : deletes;
    current = ParquetArrowReader.read(io.newInputFile(task.file().path()), readSchema, allocator, batchSize,
        m -> {
          boolean keep = rowGroupEvaluator.mightMatch(m);
          if (keep) {
            rowGroupMetrics = m;
          } else {
            metrics.rowGroupsSkipped.incrementAndGet();
          }
          return keep;
        }, null, task.startsFile() && task.end() == Long.MAX_VALUE ? null : task::containsRowGroup);
    return true;
  }

  /**
   * Removes deleted rows, applies the exact row filter and drops columns only the filter and the deletes needed;
   * null for an empty result.
   */
  private VectorSchemaRoot filterAndProject(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    metrics.rowsRead.addAndGet(rows);
    VectorSchemaRoot result = batch;
    int[] selected = null;
    int count = rows;
    if (currentDeletes != null) {
      selected = new int[rows];
      count = currentDeletes.keep(field -> batch.getVector(position(field)), current.batchFirstRow(), rows, selected);
    }
    if (filtering) {
      int[] matching = selected == null ? new int[rows] : selected;
      int matched = 0;
      ArrowRowView row = ArrowRows.rowView(batch, readSchema, 0);
      for (int k = 0; k < count; k++) {
        int i = selected == null ? k : selected[k];
        if (rowEvaluator.eval(row.at(i))) {
          matching[matched++] = i;
        }
      }
      selected = matching;
      count = matched;
    }
    if (trackPositions) {
      long first = current.batchFirstRow();
      long[] rowPositions = new long[count];
      for (int k = 0; k < count; k++) {
        rowPositions[k] = first + (selected == null ? k : selected[k]);
      }
      pendingPositions = rowPositions;
      pendingFile = currentFile;
    }
    if (selected != null) {
      if (count == 0) {
        batch.close();
        return null;
      }
      if (count < rows) {
        result = ArrowRows.select(batch, selected, count, allocator);
        batch.close();
      }
    }
    metrics.rowsReturned.addAndGet(result.getRowCount());
    if (readSchema.columns().size() == outputColumns) {
      return result;
    }
    List<FieldVector> kept = new ArrayList<>(result.getFieldVectors().subList(0, outputColumns));
    List<FieldVector> keptCopies = new ArrayList<>();
    for (FieldVector v : kept) {
      org.apache.arrow.vector.util.TransferPair tp = v.getTransferPair(allocator);
      tp.transfer();
      keptCopies.add((FieldVector) tp.getTo());
    }
    int rowCount = result.getRowCount();
    result.close();
    VectorSchemaRoot projected = new VectorSchemaRoot(keptCopies);
    projected.setRowCount(rowCount);
    return projected;
  }

  private void closeCurrent() {
    if (current != null) {
      try {
        current.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close reader", e);
      } finally {
        current = null;
      }
    }
  }

  @Override
  public void close() {
    if (pending != null) {
      pending.close();
      pending = null;
    }
    closeCurrent();
  }

}
