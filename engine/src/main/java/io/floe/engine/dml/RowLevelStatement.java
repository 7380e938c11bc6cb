package io.floe.engine.dml;

import io.floe.catalog.TableIdentifier;
import io.floe.commit.CommitStateUnknownException;
import io.floe.engine.FloeSession;
import io.floe.expressions.Expression;
import io.floe.manifest.DataFile;
import io.floe.scan.FileScanTask;
import io.floe.table.OverwriteFiles;
import io.floe.table.PositionDeleteWriter;
import io.floe.table.Table;
import io.floe.table.TableProperties;
import io.floe.types.Schema;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * One DELETE, UPDATE or MERGE against its target table: the overwrite is started before anything is read, so the
 * files read are those of its starting snapshot and the commit is validated against every commit since
 * (serializable: concurrent removal of a rewritten file, or a concurrent append that may hold rows matching the
 * statement's filter, fails it with {@code 40001}). Rewritten and new files are committed as one snapshot; on any
 * failure they are deleted and the table is left as it was.
 */
final class RowLevelStatement {
  private final FloeSession session;
  private final TableIdentifier id;
  private final Table table;
  private final OverwriteFiles overwrite;
  private final RowConverter converter;
  private final WriterPool writers;

  RowLevelStatement(FloeSession session, TableIdentifier id) {
    this.session = session;
    this.id = id;
    this.table = session.tableForWrite(id);
    this.overwrite = table.newOverwrite();
    this.converter = new RowConverter(table.schema(), table.name());
    this.writers = new WriterPool(table);
  }

  Table table() {
    return table;
  }

  TableIdentifier id() {
    return id;
  }

  RowConverter converter() {
    return converter;
  }

  /** The files of the starting snapshot that may hold rows matching {@code filter}. */
  List<FileScanTask> candidates(Expression filter) {
    if (table.currentSnapshot() == null) {
      return List.of();
    }
    return table.newScan().filter(filter).planFiles();
  }

  /** Whether the table's DELETEs write position delete files ({@code write.delete.mode} = merge-on-read). */
  boolean mergeOnRead() throws SQLException {
    return mergeOnRead(TableProperties.DELETE_MODE);
  }

  /**
   * Whether the statement whose mode the table property {@code modeProperty} sets ({@code write.delete.mode},
   * {@code write.update.mode}, {@code write.merge.mode}) writes position delete files rather than rewriting.
   */
  boolean mergeOnRead(String modeProperty) throws SQLException {
    if (!TableProperties.MERGE_ON_READ.equals(table.properties().get(modeProperty))) {
      return false;
    }
    if (table.metadata().formatVersion() < 2) {
      throw new SQLFeatureNotSupportedException("not supported: merge-on-read (" + modeProperty + ") on table " + id
          + " of format version " + table.metadata().formatVersion() + " (delete files need 2)", "0A000");
    }
    return true;
  }

  /**
   * Merge-on-read with the rows already found ({@link MatchedRows}): writes one position delete file per data file of
   * {@code candidates} listing its rows in {@code deleted} (rows deleted, and rows updated, whose new values
   * {@code added} writes to new data files), or removes the file when they are all its rows, and commits one snapshot;
   * no data file is read or rewritten. Returns the rows listed or removed.
   */
  long runMergeOnRead(List<FileScanTask> candidates, Function<String, long[]> deleted,
      AddedRows added, Expression conflictFilter) throws SQLException {
    List<DataFile> deleteFiles = new ArrayList<>();
    long rows = 0;
    boolean removed = false;
    try {
      for (FileScanTask task : candidates) {
        long[] positions = deleted.apply(task.file().path());
        rows += positions.length;
        if (positions.length == task.file().recordCount() && !task.hasDeletes() && task.startsFile()
            && task.end() == Long.MAX_VALUE) {
          overwrite.deleteFile(task.file().path()); // every row goes: the file goes
          removed = true;
        } else if (positions.length > 0) {
          DataFile deletes = PositionDeleteWriter.write(table, task.file(), positions, positions.length);
          deleteFiles.add(deletes);
          overwrite.addPositionDeletes(deletes, task.file().path());
        }
      }
      if (added != null) {
        added.write(writers, converter);
      }
      List<DataFile> newFiles = writers.complete();
      if (removed || !deleteFiles.isEmpty() || !newFiles.isEmpty()) {
        newFiles.forEach(overwrite::addFile);
        overwrite.conflictDetectionFilter(conflictFilter).commit();
      }
      return rows;
    } catch (CommitStateUnknownException e) {
      throw DmlErrors.of(e, id); // the files may be committed: keep them
    } catch (RuntimeException | Error e) {
      deleteFiles.forEach(f -> table.io().deleteFile(f.path()));
      writers.abort(e);
      throw DmlErrors.of(e, id);
    }
  }

  /**
   * Deletes merge-on-read ({@link MergeOnReadDelete}, reading columns {@code read} of each candidate file, those
   * {@code matcher} needs) and commits one snapshot that adds the position delete files and removes the files that
   * go whole. A concurrent commit removing a data file a delete file refers to fails the
   * statement ({@code 40001}). Returns the rows deleted.
   */
  long deleteMergeOnRead(List<FileScanTask> candidates, Predicate<FileScanTask> droppedUnread,
      MergeOnReadDelete.RowMatcher matcher, Schema read, Expression conflictFilter)
      throws SQLException {
    MergeOnReadDelete delete = new MergeOnReadDelete(table, read, session.workers());
    MergeOnReadDelete.Result result;
    try {
      result = delete.run(candidates, droppedUnread, matcher);
    } catch (RuntimeException | Error e) {
      throw DmlErrors.of(e, id);
    }
    try {
      if (!result.removed().isEmpty() || !result.written().isEmpty()) {
        result.removed().forEach(overwrite::deleteFile);
        result.written().forEach(w -> overwrite.addPositionDeletes(w.deleteFile(), w.dataFile().path()));
        overwrite.conflictDetectionFilter(conflictFilter).commit();
      }
      return result.deletedRows();
    } catch (CommitStateUnknownException e) {
      throw DmlErrors.of(e, id); // the files may be committed: keep them
    } catch (RuntimeException | Error e) {
      delete.deleteAll(result.written());
      throw DmlErrors.of(e, id);
    }
  }

  /** Rows added besides the rewritten ones (MERGE's inserts), written once the target files were processed. */
  @FunctionalInterface
  interface AddedRows {
    /** Writes the rows with the pool's writers; returns how many. */
    long write(WriterPool writers, RowConverter converter);
  }

  /**
   * Applies {@code change} to the candidate files, writes {@code added} rows, and commits one snapshot; returns
   * the rows changed plus those added.
   *
   * @param conflictFilter rows the statement's outcome depends on (for serializable validation)
   */
  long run(List<FileScanTask> candidates, Predicate<FileScanTask> droppedUnread, RowChange change,
      Expression conflictFilter, AddedRows added) throws SQLException {
    try {
      CopyOnWrite.Result result;
      try (BufferAllocator allocator = new RootAllocator()) {
        result = new CopyOnWrite(table, converter, writers, session.workers(), allocator)
            .run(candidates, droppedUnread, change);
      }
      long inserted = added == null ? 0 : added.write(writers, converter);
      List<DataFile> newFiles = writers.complete();
      if (!result.removed().isEmpty() || !newFiles.isEmpty()) {
        result.removed().forEach(f -> overwrite.deleteFile(f.path()));
        newFiles.forEach(overwrite::addFile);
        overwrite.conflictDetectionFilter(conflictFilter).commit();
      }
      return result.changedRows() + inserted;
    } catch (CommitStateUnknownException e) {
      throw DmlErrors.of(e, id); // the files may be committed: keep them
    } catch (RuntimeException | Error e) {
      writers.abort(e);
      throw DmlErrors.of(e, id);
    }
  }
}
