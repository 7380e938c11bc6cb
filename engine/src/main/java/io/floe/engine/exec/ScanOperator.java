package io.floe.engine.exec;

import io.floe.expressions.Expression;
import io.floe.io.CloseableIterator;
import io.floe.scan.ScanMetrics;
import io.floe.scan.TableScan;
import io.floe.table.Table;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads a Floe table through {@link io.floe.scan.TableScan} with the pushed filter and columns: the scan prunes
 * partitions and files, skips row groups and, unless built prune-only, filters rows; batches arrive as Arrow and
 * are handed on as columns.
 */
public final class ScanOperator implements Operator {
  private final Table table;
  private final List<String> columns;
  private final Expression filter;
  private final BufferAllocator allocator;
  private final TableScan scan;
  private CloseableIterator<VectorSchemaRoot> batches;

  /** A scan of snapshot {@code snapshotId} of the table (time travel), or of its current snapshot when null. */
  public ScanOperator(Table table, List<String> columns, Expression filter, Long snapshotId,
                      BufferAllocator allocator) {
    this(table, columns, filter, snapshotId, true, allocator);
  }

  /**
   * A scan that, when {@code filterRows} is false, uses {@code filter} only to prune files and row groups: it
   * returns every row of what it reads and the caller evaluates the filter.
   */
  public ScanOperator(Table table, List<String> columns, Expression filter, Long snapshotId, boolean filterRows,
                      BufferAllocator allocator) {
    this.table = table;
    this.columns = columns;
    this.filter = filter;
    this.allocator = allocator;
    TableScan newScan = table.newScan();
    if (snapshotId != null) {
      newScan.useSnapshot(snapshotId);
    }
    this.scan = newScan.filter(filter).select(columns).filterRows(filterRows);
  }

  /** The table read. */
  public String tableName() {
    String name = table.name();
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** What the scan pruned and read so far: files, row groups, rows. */
  public ScanMetrics metrics() {
    return scan.metrics();
  }

  @Override
  public Batch next() {
    try {
      return read();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof OutOfMemoryException) {
          RuntimeException exceeded = MemoryAccount.exceeded(allocator, "Scan of " + tableName(), 0);
          close();
          throw exceeded;
        }
      }
      throw e;
    }
  }

  private Batch read() {
    if (batches == null) {
      batches = scan.batches(allocator);
    }
    while (batches.hasNext()) {
      try (VectorSchemaRoot root = batches.next()) {
        int rows = root.getRowCount();
        if (rows == 0) {
          continue;
        }
        Column[] out = new Column[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
          out[c] = Columns.fromArrow(root.getVector(columns.get(c)), rows);
        }
        return new Batch(rows, out);
      }
    }
    return null;
  }

  @Override
  public void close() {
    if (batches != null) {
      batches.close();
      batches = null;
    }
  }
}
