package io.floe.table;

import io.floe.commit.CommitStateUnknownException;
import io.floe.commit.TableOperations;
import io.floe.io.CloseableIterator;
import io.floe.metadata.Snapshot;
import io.floe.metadata.StatisticsFile;
import io.floe.metadata.TableMetadata;
import io.floe.puffin.ColumnThetaSketches;
import io.floe.scan.TableScan;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the distinct counts of a snapshot's columns, as Iceberg's {@code compute_table_stats} and Trino's
 * {@code ANALYZE} do: reads the snapshot's rows once, keeps a theta sketch per column
 * ({@link ColumnThetaSketches}), writes them to a Puffin file under the table's metadata directory (one
 * {@code apache-datasketches-theta-v1} blob per column, zstd-compressed, with its {@code ndv}), and makes it the
 * snapshot's statistics file in a metadata-only commit ({@link UpdateStatistics}). By default the current snapshot
 * and every top-level primitive column of its schema. A failed commit deletes the file it wrote (unless the commit's
 * outcome is unknown).
 */
public final class ComputeTableStatistics {
  private static final Logger LOG = LoggerFactory.getLogger(ComputeTableStatistics.class);

  private final TableOperations ops;
  private Long snapshotId;
  private List<String> columns;

  ComputeTableStatistics(TableOperations ops) {
    this.ops = ops;
  }

  /** Computes the statistics of this snapshot instead of the current one. */
  public ComputeTableStatistics snapshot(long id) {
    this.snapshotId = id;
    return this;
  }

  /** Computes the statistics of these columns only (names matched ignoring case; primitive top-level columns). */
  public ComputeTableStatistics columns(List<String> names) {
    this.columns = List.copyOf(names);
    return this;
  }

  /**
   * Computes, writes and commits the statistics file; returns it, or null for a table without snapshots (when no
   * snapshot was named).
   */
  public StatisticsFile commit() {
    TableMetadata base = ops.current();
    if (base == null) {
      throw new IllegalStateException("table " + ops.tableName() + " does not exist");
    }
    Snapshot snapshot = snapshotId == null ? base.currentSnapshot() : base.snapshot(snapshotId);
    if (snapshot == null) {
      if (snapshotId != null) {
        throw new IllegalArgumentException("table " + ops.tableName() + " has no snapshot " + snapshotId);
      }
      return null;
    }
    TableScan scan = new Table(ops).newScan().useSnapshot(snapshot.snapshotId()).caseSensitive(false);
    List<NestedField> fields = fields(scan);
    scan.select(fields.stream().map(NestedField::name).toList());
    ColumnThetaSketches sketches = new ColumnThetaSketches(scan.projection(),
        fields.stream().map(NestedField::id).toList());
    try (BufferAllocator allocator = new RootAllocator();
         CloseableIterator<VectorSchemaRoot> batches = scan.batches(allocator)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          sketches.update(batch);
        }
      }
    }
    StatisticsFile file = ThetaStatisticsFiles.write(ops, snapshot, sketches.results().values());
    try {
      new UpdateStatistics(ops).setStatistics(file).commit();
    } catch (CommitStateUnknownException e) {
      throw e;
    } catch (RuntimeException e) {
      try {
        ops.io().deleteFile(file.path());
      } catch (RuntimeException deleteFailed) {
        e.addSuppressed(deleteFailed);
      }
      throw e;
    }
    LOG.info("statistics of {} columns of snapshot {} of {} in {}", fields.size(), snapshot.snapshotId(),
        ops.tableName(), file.path());
    return file;
  }

  /** The columns to sketch: the named ones (each primitive and top-level), else every primitive top-level one. */
  private List<NestedField> fields(TableScan scan) {
    Schema schema = scan.tableSchema();
    List<NestedField> fields = new ArrayList<>();
    if (columns == null) {
      schema.columns().stream().filter(f -> f.type() instanceof PrimitiveType).forEach(fields::add);
      return fields;
    }
    for (String name : columns) {
      NestedField field = schema.findFieldIgnoreCase(name);
      if (field == null || !schema.columns().contains(field)) {
        throw new IllegalArgumentException("unknown column '" + name + "' in table " + ops.tableName()
            + "; columns are " + schema.columnNames());
      }
      if (!(field.type() instanceof PrimitiveType)) {
        throw new UnsupportedOperationException("not supported: statistics of column '" + field.name() + "' of table "
            + ops.tableName() + ", of nested type " + field.type());
      }
      if (!fields.contains(field)) {
        fields.add(field);
      }
    }
    return fields;
  }
}
