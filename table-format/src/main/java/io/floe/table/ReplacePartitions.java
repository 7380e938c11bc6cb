package io.floe.table;

import io.floe.commit.ConflictException;
import io.floe.commit.TableOperations;
import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.manifest.DataFile;
import io.floe.metadata.Snapshot;
import io.floe.scan.FileScanTask;
import io.floe.scan.ScanMetrics;
import io.floe.scan.ScanPlanner;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Dynamic partition overwrite, as one snapshot (operation {@code overwrite}): adds rows or files, and removes
 * every data file that was live, at the start, in a partition of the current spec that receives new files.
 * Other partitions, and files of older partition specs, are untouched; on an unpartitioned table the whole
 * table is replaced.
 *
 * <p>Validated against concurrent commits: a file it removes must not have been removed by another commit; with
 * the isolation level {@code serializable} (the table's {@link TableProperties#ISOLATION_LEVEL}, by default) no
 * other commit may have added or removed any file in the replaced partitions since the start. A conflict throws
 * {@link ConflictException} and the new files are deleted. Ends with {@link #commit()}.
 */
public final class ReplacePartitions extends FileSetReplacement<ReplacePartitions> {
  private final WrittenDataFiles written;
  private IsolationLevel isolationLevel;
  private Map<String, DataFile> toRemove;
  private Set<Record> partitions;

  ReplacePartitions(TableOperations ops) {
    super(ops);
    this.written = new WrittenDataFiles(ops, startingBase);
  }

  @Override
  protected ReplacePartitions self() {
    return this;
  }

  /** Writes these rows into new data files of the current spec now; their partitions are replaced on commit. */
  public ReplacePartitions addRecords(Iterable<? extends Record> rows) {
    added.addAll(written.write(rows));
    changed();
    return this;
  }

  /** Adds a data file written elsewhere; it must be of the table's current partition spec. */
  public ReplacePartitions addFile(DataFile file) {
    if (file.specId() != startingBase.defaultSpecId()) {
      throw new IllegalArgumentException("cannot replace partitions of table " + ops.tableName() + " with data file "
          + file.path() + ": it is of partition spec " + file.specId() + ", not the current spec "
          + startingBase.defaultSpecId());
    }
    added.add(file);
    changed();
    return this;
  }

  /** Overrides the table's isolation level for this operation. */
  public ReplacePartitions isolationLevel(IsolationLevel level) {
    this.isolationLevel = level;
    return this;
  }

  private void changed() {
    toRemove = null;
    addedFilesChanged();
  }

  @Override
  protected String operation() {
    return "overwrite";
  }

  @Override
  protected Map<String, DataFile> filesToRemove() {
    prepare();
    return toRemove;
  }

  /** The replaced partitions, and the files live in them at the start. */
  private void prepare() {
    if (toRemove != null) {
      return;
    }
    Set<Record> replaced = new HashSet<>();
    for (DataFile f : added) {
      replaced.add(f.partition());
    }
    Map<String, DataFile> remove = new LinkedHashMap<>();
    if (!replaced.isEmpty()) {
      Snapshot start = startingHead();
      for (FileScanTask t : ScanPlanner.plan(io(), startingBase, start, startingBase.schema(), Expressions.alwaysTrue(),
          new ScanMetrics())) {
        if (inReplacedPartition(t.file(), replaced)) {
          remove.put(t.file().path(), t.file());
        }
      }
    }
    partitions = replaced;
    toRemove = remove;
  }

  private boolean inReplacedPartition(DataFile file, Set<Record> replaced) {
    return file.specId() == startingBase.defaultSpecId() && replaced.contains(file.partition());
  }

  @Override
  protected void checkConcurrent(ConcurrentChanges.Change c) {
    if (c.removed() && toRemove.containsKey(c.file().path())) {
      throw new ConflictException(ops.tableName(), "data file " + c.file().path()
          + " in a partition this operation replaces was removed by " + c.by());
    }
    IsolationLevel level = isolationLevel != null ? isolationLevel : IsolationLevel.of(startingBase);
    if (level == IsolationLevel.SERIALIZABLE && inReplacedPartition(c.file(), partitions)) {
      throw new ConflictException(ops.tableName(), c.by() + (c.added() ? " added" : " removed") + " data file "
          + c.file().path() + " in a partition this operation replaces (isolation level serializable)");
    }
  }

  @Override
  protected void deleteWrittenDataFiles() {
    written.deleteAll();
  }
}
