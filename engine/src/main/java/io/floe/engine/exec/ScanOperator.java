package io.floe.engine.exec;

import io.floe.parquet.LazyBatch;
import io.floe.scan.ArrowScanReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads task {@code task}'s share of a {@link SplitScan} (all of it when the scan has one task) through the Floe
 * {@link io.floe.scan.TableScan} with the pushed filter and columns: the scan prunes partitions and files, skips row
 * groups and, unless built prune-only, filters rows; batches arrive as Arrow and are handed on as columns.
 */
public final class ScanOperator implements Operator {
  private final SplitScan scan;
  private final int task;
  private final List<String> columns;
  /** Per column, whether it is a {@link RowIdColumns row id column}; null when the scan reads none. */
  private final boolean[] rowIds;
  private final BufferAllocator allocator;
  /** The scan's filter; without one, a filter of no conjuncts when delete files leave rows out of the batches. */
  private ScanFilter filter;
  private ArrowScanReader batches;

  public ScanOperator(SplitScan scan, int task, BufferAllocator allocator) {
    this(scan, task, allocator, null);
  }

  /** A scan whose batches are filtered by {@code filter} (null: none) over the scan's columns. */
  public ScanOperator(SplitScan scan, int task, BufferAllocator allocator, ScanFilter filter) {
    this.scan = scan;
    this.task = task;
    this.columns = scan.columns();
    this.rowIds = scan.readsRowIds() ? rowIdColumns(columns) : null;
    this.allocator = allocator;
    this.filter = filter;
  }

  @Override
  public Batch next() {
    try {
      return read();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof OutOfMemoryException) {
          RuntimeException exceeded = MemoryAccount.exceeded(allocator, "Scan of " + scan.tableName(), 0);
          close();
          throw exceeded;
        }
      }
      throw e;
    }
  }

  private Batch read() {
    if (batches == null) {
      batches = scan.open(task, allocator);
      if (scan.readsRowIds()) {
        batches.trackingPositions();
      }
    }
    if (filter == null && batches.lazy() && batches.deletesRows()) {
      filter = new ScanFilter(List.of(), List.of(), columns.size(), new RowGroupSkips());
    }
    if (filter != null && batches.lazy()) {
      return readLazy();
    }
    while (batches.hasNext()) {
      FieldVector[] vectors = new FieldVector[columns.size()];
      try (VectorSchemaRoot root = batches.next()) {
        int rows = root.getRowCount();
        if (rows == 0) {
          continue;
        }
        for (int c = 0; c < vectors.length; c++) {
          vectors[c] = rowIds != null && rowIds[c]
              ? RowIdColumns.vector(columns.get(c), batches.positions(), allocator) : root.getVector(columns.get(c));
        }
        scan.counted(task, rows);
        Batch batch = filter == null ? all(vectors, rows) : filter.apply(vectors, rows, batches.rowGroupMetrics());
        if (batch != null) {
          return rowIds == null ? batch : RowIdColumns.withFile(batch, columns, batches.file());
        }
      } finally {
        for (int c = 0; rowIds != null && c < vectors.length; c++) {
          if (vectors[c] != null && rowIds[c]) {
            vectors[c].close();
          }
        }
      }
    }
    return null;
  }

  /**
   * The next batch of the rows that delete files leave and the filter (if any) keeps, decoding the columns the
   * filter reads as it reads them and the other output columns only for the rows kept.
   */
  private Batch readLazy() {
    for (LazyBatch next = batches.nextLazy(); next != null; next = batches.nextLazy()) {
      List<FieldVector> made = rowIds == null ? List.of() : new ArrayList<>(); // row id vectors, closed after
      try (LazyBatch lazy = next) {
        int rows = lazy.rows();
        if (rows == 0) {
          continue;
        }
        scan.counted(task, rows);
        long first = batches.lazyBatchFirstRow();
        Batch batch = filter.apply((c, selected, count) -> {
          if (rowIds == null || !rowIds[c]) {
            return lazy.column(columns.get(c), selected, count);
          }
          FieldVector rowId = RowIdColumns.vector(columns.get(c), first, rows, allocator);
          made.add(rowId);
          return rowId;
        }, columns.size(), rows, batches.liveRows(), batches.rowGroupMetrics());
        if (batch != null) {
          return rowIds == null ? batch : RowIdColumns.withFile(batch, columns, batches.file());
        }
      } finally {
        made.forEach(FieldVector::close);
      }
    }
    return null;
  }

  private static boolean[] rowIdColumns(List<String> columns) {
    boolean[] rowIds = new boolean[columns.size()];
    for (int c = 0; c < rowIds.length; c++) {
      rowIds[c] = RowIdColumns.named(columns.get(c));
    }
    return rowIds;
  }

  private static Batch all(FieldVector[] vectors, int rows) {
    Column[] out = new Column[vectors.length];
    for (int c = 0; c < vectors.length; c++) {
      out[c] = Columns.fromArrow(vectors[c], rows);
    }
    return new Batch(rows, out);
  }

  @Override
  public void close() {
    if (batches != null) {
      batches.close();
      batches = null;
    }
  }
}
