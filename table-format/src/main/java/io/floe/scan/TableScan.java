package io.floe.scan;

import io.floe.arrow.ArrowRows;
import io.floe.data.Records;
import io.floe.data.Record;
import io.floe.expressions.Binder;
import io.floe.expressions.SelectivityEstimator;
import io.floe.expressions.Expression;
import io.floe.expressions.Expressions;
import io.floe.io.CloseableIterator;
import io.floe.io.FileIO;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotLogEntry;
import io.floe.metadata.SnapshotRef;
import io.floe.metadata.TableMetadata;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A scan of one table snapshot: filter, column selection, and time travel by snapshot id, ref or timestamp.
 * The scan is pinned to the table metadata it was created from, so commits that land meanwhile never change
 * what it returns. Results come as Arrow batches ({@link #batches}) or, for small results, records.
 */
public final class TableScan {
  private final FileIO io;
  private final TableMetadata metadata;
  private final String tableName;
  private final ScanMetrics metrics = new ScanMetrics();
  private Expression filter = Expressions.alwaysTrue();
  private List<String> columns;
  private Long snapshotId;
  private Long asOfMs;
  private String ref;
  private boolean caseSensitive = true;
  private int batchSize = 8192;
  private boolean filterRows = true;

  public TableScan(FileIO io, TableMetadata metadata, String tableName) {
    this.io = io;
    this.metadata = metadata;
    this.tableName = tableName;
  }

  /** Keeps rows matching this filter (combined with AND with earlier filters). */
  public TableScan filter(Expression expression) {
    this.filter = Expressions.and(filter, expression);
    return this;
  }

  /**
   * Whether the scan evaluates the filter on every row (the default) or uses it only to prune partitions and
   * files and skip row groups ({@code false}): the caller then receives a superset of the matching rows and
   * evaluates the filter itself.
   */
  public TableScan filterRows(boolean value) {
    this.filterRows = value;
    return this;
  }

  /** Returns only these top-level columns, in this order. */
  public TableScan select(String... names) {
    return select(List.of(names));
  }

  public TableScan select(List<String> names) {
    this.columns = List.copyOf(names);
    return this;
  }

  /** Reads the snapshot with this id (time travel). */
  public TableScan useSnapshot(long id) {
    checkOneTimeTravel();
    this.snapshotId = id;
    return this;
  }

  /** Reads the snapshot that was current at this time (epoch milliseconds): the latest at or before it. */
  public TableScan asOfTime(long epochMillis) {
    checkOneTimeTravel();
    this.asOfMs = epochMillis;
    return this;
  }

  /** Reads the snapshot a branch or tag points to. */
  public TableScan useRef(String name) {
    checkOneTimeTravel();
    this.ref = name;
    return this;
  }

  private void checkOneTimeTravel() {
    if (snapshotId != null || asOfMs != null || ref != null) {
      throw new IllegalArgumentException("a scan takes one of snapshot id, timestamp or ref, not several");
    }
  }

  public TableScan caseSensitive(boolean value) {
    this.caseSensitive = value;
    return this;
  }

  public TableScan batchSize(int rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("batch size must be positive: " + rows);
    }
    this.batchSize = rows;
    return this;
  }

  /** The snapshot this scan reads; null for a table that has no snapshot yet (and no time travel asked). */
  public Snapshot snapshot() {
    if (snapshotId != null) {
      Snapshot s = metadata.snapshot(snapshotId);
      if (s == null) {
        throw new IllegalArgumentException("unknown snapshot id " + snapshotId + " of table " + tableName);
      }
      return s;
    }
    if (ref != null) {
      SnapshotRef r = metadata.refs().get(ref);
      if (r == null) {
        throw new IllegalArgumentException("unknown branch or tag '" + ref + "' of table " + tableName + "; it has " + metadata.refs().keySet());
      }
      return metadata.snapshot(r.snapshotId());
    }
    if (asOfMs != null) {
      return snapshotAsOf(asOfMs);
    }
    return metadata.currentSnapshot();
  }

  private Snapshot snapshotAsOf(long millis) {
    SnapshotLogEntry found = null;
    for (SnapshotLogEntry e : metadata.snapshotLog()) {
      if (e.timestampMs() <= millis && metadata.snapshot(e.snapshotId()) != null) {
        found = e;
      }
    }
    if (found == null) {
      String first = metadata.snapshotLog().isEmpty() ? "it has no snapshots"
          : "its first snapshot is at " + Instant.ofEpochMilli(metadata.snapshotLog().get(0).timestampMs());
      throw new IllegalArgumentException("table " + tableName + " has no snapshot at or before "
          + Instant.ofEpochMilli(millis) + "; " + first);
    }
    return metadata.snapshot(found.snapshotId());
  }

  /** The table schema as of the scanned snapshot (time travel reads the schema the snapshot was written with). */
  public Schema tableSchema() {
    boolean timeTravel = snapshotId != null || asOfMs != null || ref != null;
    Snapshot s = timeTravel ? snapshot() : null;
    return s != null && s.schemaId() != null ? metadata.schemaById(s.schemaId()) : metadata.schema();
  }

  /** The schema of the rows returned. */
  public Schema projection() {
    Schema schema = tableSchema();
    if (columns == null) {
      return schema;
    }
    List<NestedField> selected = new ArrayList<>();
    for (String c : columns) {
      NestedField f = caseSensitive ? schema.asStruct().field(c) : findIgnoreCase(schema, c);
      if (f == null) {
        throw new IllegalArgumentException("unknown column '" + c + "' in table " + tableName + "; columns are " + schema.columnNames());
      }
      selected.add(f);
    }
    return new Schema(schema.schemaId(), selected);
  }

  private static NestedField findIgnoreCase(Schema schema, String name) {
    for (NestedField f : schema.columns()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  private Expression boundFilter() {
    try {
      return Binder.bind(tableSchema().asStruct(), filter, caseSensitive);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid filter on table " + tableName + ": " + e.getMessage(), e);
    }
  }

  /** The data files to read (after partition and column-bound pruning). */
  public List<FileScanTask> planFiles() {
    return ScanPlanner.plan(io, metadata, snapshot(), tableSchema(), boundFilter(), metrics);
  }

  /**
   * The estimated rows of {@code files} (as {@link #planFiles} plans them) that the filter keeps, from their column
   * statistics ({@link SelectivityEstimator}): at most their record count.
   */
  public double estimatedRows(List<FileScanTask> files) {
    SelectivityEstimator estimator = new SelectivityEstimator(tableSchema(), boundFilter());
    double rows = 0;
    for (FileScanTask task : files) {
      rows += task.file().recordCount() * estimator.fraction(task.file().metrics());
    }
    return rows;
  }

  /** Streams the matching rows as Arrow batches allocated from {@code allocator}; each batch is the caller's to close. */
  public CloseableIterator<VectorSchemaRoot> batches(BufferAllocator allocator) {
    Schema schema = tableSchema();
    Expression bound = boundFilter();
    List<FileScanTask> tasks = ScanPlanner.plan(io, metadata, snapshot(), schema, bound, metrics);
    return new ArrowScanReader(io, tasks, schema, projection(), bound, filterRows, allocator, batchSize, metrics);
  }

  /**
   * Streams the rows of {@code files} as Arrow batches: some of the files (or splits of files, see
   * {@link FileScanTask#rowGroups(int, int)}) this scan's {@link #planFiles()} returned, so that several readers
   * share one planned scan. Counts into this scan's {@link #metrics()} (a file split counts as opened once, by the
   * split that starts it).
   */
  public ArrowScanReader batches(BufferAllocator allocator, List<FileScanTask> files) {
    return new ArrowScanReader(io, files, tableSchema(), projection(), boundFilter(), filterRows, allocator, batchSize,
        metrics);
  }

  /** Reads every matching row into memory as records of {@link #projection()} (internal values). */
  public List<Record> records() {
    Schema projection = projection();
    List<Record> rows = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
         CloseableIterator<VectorSchemaRoot> it = batches(allocator)) {
      while (it.hasNext()) {
        try (VectorSchemaRoot batch = it.next()) {
          for (int i = 0; i < batch.getRowCount(); i++) {
            rows.add(Records.copy(ArrowRows.rowView(batch, projection, i)));
          }
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read table " + tableName, e);
    }
    return rows;
  }

  public ScanMetrics metrics() {
    return metrics;
  }
}
