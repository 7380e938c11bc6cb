package io.floe.engine.exec;

import io.floe.expressions.Binder;
import io.floe.expressions.Expression;
import io.floe.expressions.StrictMetricsEvaluator;
import io.floe.scan.ArrowScanReader;
import io.floe.scan.FileScanTask;
import io.floe.scan.ScanMetrics;
import io.floe.scan.TableScan;
import io.floe.table.Table;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One table scan of a query, read by one or more tasks ({@link ScanOperator}s): the files are planned once, when
 * the first task starts, and split over the tasks by {@link ScanShares}; every task reads only its share of the
 * same pinned snapshot, and all count into the scan's {@link #metrics()}. Thread-safe.
 */
public final class SplitScan {
  private final Table table;
  private final List<String> columns;
  private final boolean rowIds;
  private final TableScan scan;
  private final int tasks;
  private final AtomicLongArray taskRows;
  private List<List<FileScanTask>> shares;

  /**
   * A scan of snapshot {@code snapshotId} of the table (time travel; the current snapshot when null) split over
   * {@code tasks} tasks; when {@code filterRows} is false, {@code filter} only prunes files and row groups and the
   * caller evaluates it.
   */
  public SplitScan(Table table, List<String> columns, Expression filter, Long snapshotId, boolean filterRows,
      int tasks) {
    if (tasks < 1) {
      throw new IllegalArgumentException("tasks must be at least 1: " + tasks);
    }
    this.table = table;
    this.columns = List.copyOf(columns);
    this.rowIds = columns.stream().anyMatch(RowIdColumns::named);
    this.tasks = tasks;
    this.taskRows = new AtomicLongArray(tasks);
    TableScan newScan = table.newScan();
    if (snapshotId != null) {
      newScan.useSnapshot(snapshotId);
    }
    List<String> stored = columns.stream().filter(c -> !RowIdColumns.named(c)).toList();
    this.scan = newScan.filter(filter).select(stored).filterRows(filterRows);
  }

  /** The table read. */
  public String tableName() {
    String name = table.name();
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /**
   * What shows from a row group's statistics that every row of it meets {@code filter} (over the table's columns by
   * name, bound to the schema of the snapshot read).
   */
  public StrictMetricsEvaluator metByAll(Expression filter) {
    Schema schema = scan.tableSchema();
    return new StrictMetricsEvaluator(schema, Binder.bind(schema.asStruct(), filter, true));
  }

  /** The columns each batch holds, in order. */
  List<String> columns() {
    return columns;
  }

  /** Whether the batches hold {@link RowIdColumns} (then each batch's rows come with their file and positions). */
  boolean readsRowIds() {
    return rowIds;
  }

  public int tasks() {
    return tasks;
  }

  /** What the scan pruned and read so far over all its tasks: files, row groups, rows. */
  public ScanMetrics metrics() {
    return scan.metrics();
  }

  /** The rows each task has read so far. */
  public List<Long> taskRows() {
    List<Long> rows = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      rows.add(taskRows.get(t));
    }
    return rows;
  }

  /** The batches of task {@code task}'s share, planning the scan if no task did yet. */
  ArrowScanReader open(int task, BufferAllocator allocator) {
    return scan.batches(allocator, share(task));
  }

  void counted(int task, long rows) {
    taskRows.addAndGet(task, rows);
  }

  private synchronized List<FileScanTask> share(int task) {
    if (task < 0 || task >= tasks) {
      throw new IllegalArgumentException("task " + task + " of a scan split over " + tasks);
    }
    if (shares == null) {
      shares = ScanShares.assign(scan.planFiles(), tasks);
    }
    return shares.get(task);
  }
}
