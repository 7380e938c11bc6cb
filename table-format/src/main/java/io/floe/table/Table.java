package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.io.FileIO;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotLogEntry;
import io.floe.metadata.SnapshotRef;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionSpec;
import io.floe.scan.TableScan;
import io.floe.types.Schema;
import java.util.List;
import java.util.Map;

/**
 * A Floe table: its metadata as last loaded, and the operations that change it, each a fluent builder ending
 * in {@code commit()}: data changes produce exactly one snapshot, schema and partition spec changes a new
 * metadata version without a snapshot. Call {@link #refresh()} to see others' commits.
 */
public final class Table {
  private final TableOperations ops;

  public Table(TableOperations ops) {
    this.ops = ops;
    if (ops.current() == null && ops.refresh() == null) {
      throw new NoSuchTableException("no table at " + ops.tableName());
    }
  }

  public String name() {
    return ops.tableName();
  }

  public String location() {
    return metadata().location();
  }

  public TableMetadata metadata() {
    return ops.current();
  }

  public TableOperations operations() {
    return ops;
  }

  public FileIO io() {
    return ops.io();
  }

  /** Loads the latest committed metadata. */
  public Table refresh() {
    if (ops.refresh() == null) {
      throw new NoSuchTableException("table " + ops.tableName() + " no longer exists");
    }
    return this;
  }

  public Schema schema() {
    return metadata().schema();
  }

  public PartitionSpec spec() {
    return metadata().spec();
  }

  public Map<String, String> properties() {
    return metadata().properties();
  }

  /** The current snapshot, or null before the first commit. */
  public Snapshot currentSnapshot() {
    return metadata().currentSnapshot();
  }

  public List<Snapshot> snapshots() {
    return metadata().snapshots();
  }

  /** The snapshot with this id, or null. */
  public Snapshot snapshot(long id) {
    return metadata().snapshot(id);
  }

  /** When each snapshot became current (the snapshot-log). */
  public List<SnapshotLogEntry> history() {
    return metadata().snapshotLog();
  }

  /** The table's branches and tags by name ({@code main} once the table has a snapshot). */
  public Map<String, SnapshotRef> refs() {
    return metadata().refs();
  }

  /** Per snapshot: when, what, by which application and user, with its counts and refs. */
  public TableHistory snapshotHistory() {
    return TableHistory.of(metadata());
  }

  /** Creates, moves and removes branches and tags, sets their retention, and rolls main back. */
  public ManageSnapshots manageSnapshots() {
    return new ManageSnapshots(ops);
  }

  public AppendFiles newAppend() {
    return new AppendFiles(ops);
  }

  public OverwriteFiles newOverwrite() {
    return new OverwriteFiles(ops);
  }

  public DeleteFiles newDelete() {
    return new DeleteFiles(ops);
  }

  /** Changes the schema: add, drop, rename, widen, reorder columns (metadata only; no data file is rewritten). */
  public UpdateSchema updateSchema() {
    return new UpdateSchema(ops);
  }

  /** Changes the default partition spec used by later writes (metadata only; existing files keep their spec). */
  public UpdatePartitionSpec updateSpec() {
    return new UpdatePartitionSpec(ops);
  }

  /** Dynamic partition overwrite: replaces the partitions that receive new files. */
  public ReplacePartitions newReplacePartitions() {
    return new ReplacePartitions(ops);
  }

  /** Compaction: bin-packs small data files into files of the target size, per partition. */
  public RewriteDataFiles rewriteDataFiles() {
    return new RewriteDataFiles(ops);
  }

  /** Sets or removes table properties, in one metadata-only commit. */
  public UpdateProperties updateProperties() {
    return new UpdateProperties(ops);
  }

  /** Computes a snapshot's column statistics (distinct counts) into a statistics file, and commits it. */
  public ComputeTableStatistics computeStatistics() {
    return new ComputeTableStatistics(ops);
  }

  /** Sets or removes snapshots' statistics files, in one metadata-only commit. */
  public UpdateStatistics updateStatistics() {
    return new UpdateStatistics(ops);
  }

  /** Expires old snapshots per the retention policy, then deletes the files only they reached. */
  public ExpireSnapshots expireSnapshots() {
    return new ExpireSnapshots(ops);
  }

  /** Removes files under the table location that no metadata references (Iceberg's remove_orphan_files). */
  public DeleteOrphanFiles deleteOrphanFiles() {
    return new DeleteOrphanFiles(ops);
  }

  /** A scan pinned to the metadata loaded now. */
  public TableScan newScan() {
    return new TableScan(ops.io(), metadata(), name());
  }

  /** A writer of new data files for this table, to be added with {@link AppendFiles#appendFile} or an overwrite. */
  public TableWriter newWriter() {
    return new TableWriter(ops, metadata(), false);
  }

  /**
   * A writer of new data files for an append, which also sketches the values written: {@link
   * AppendFiles#appendWritten} commits their distinct counts with the files.
   */
  public TableWriter newAppendWriter() {
    return new TableWriter(ops, metadata(), true);
  }

  @Override
  public String toString() {
    return "table " + name();
  }
}
