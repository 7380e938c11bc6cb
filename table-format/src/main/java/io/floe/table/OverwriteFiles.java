package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.data.Record;
import io.floe.expressions.Expression;
import io.floe.manifest.DataFile;

/**
 * Replaces data as one snapshot: removes the rows matching a filter (copy-on-write, see {@link DeleteFiles})
 * and/or given files, adds new rows or files, and adds position delete files (merge-on-read). Validated against
 * concurrent commits per the table's {@link IsolationLevel}. Ends with {@link #commit()}.
 */
public final class OverwriteFiles extends RowLevelOperation<OverwriteFiles> {
  OverwriteFiles(TableOperations ops) {
    super(ops);
  }

  @Override
  protected OverwriteFiles self() {
    return this;
  }

  /** Removes every row matching the filter. */
  public OverwriteFiles overwriteByRowFilter(Expression filter) {
    addRowFilter(filter);
    return this;
  }

  /**
   * Declares that this overwrite was decided from the rows matching {@code filter} (Iceberg's conflict detection
   * filter): under serializable isolation, a concurrent commit adding a file that may hold such rows fails this one.
   */
  public OverwriteFiles conflictDetectionFilter(Expression filter) {
    addConflictDetectionFilter(filter);
    return this;
  }

  /** Removes this data file (by its path). */
  public OverwriteFiles deleteFile(String path) {
    addExplicitDelete(path);
    return this;
  }

  /** Adds a data file written elsewhere. */
  public OverwriteFiles addFile(DataFile file) {
    addDataFile(file);
    return this;
  }

  /**
   * Adds a position delete file (merge-on-read: the rows at its positions of {@code dataFile} are deleted without
   * rewriting it); fails on commit if a concurrent commit removed {@code dataFile}.
   */
  public OverwriteFiles addPositionDeletes(DataFile deleteFile, String dataFile) {
    addPositionDeleteFile(deleteFile, dataFile);
    return this;
  }

  /** Writes these rows into new data files now; they are added on commit. */
  public OverwriteFiles addRecords(Iterable<? extends Record> rows) {
    writeRecords(rows);
    return this;
  }
}
