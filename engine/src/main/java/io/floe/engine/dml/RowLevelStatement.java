package io.floe.engine.dml;

import io.floe.catalog.TableIdentifier;
import io.floe.commit.CommitStateUnknownException;
import io.floe.engine.FloeSession;
import io.floe.engine.exec.Batch;
import io.floe.expressions.Expression;
import io.floe.manifest.DataFile;
import io.floe.scan.FileScanTask;
import io.floe.table.OverwriteFiles;
import io.floe.table.PositionDeleteWriter;
import io.floe.table.Table;
import io.floe.table.TableProperties;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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

  /** The rows of a batch a merge-on-read statement deletes. */
  @FunctionalInterface
  interface RowMatcher {
    /** Writes the indexes of the matching rows of {@code rows} to {@code out}, increasing; returns how many. */
    int match(Batch rows, int[] out);
  }

  /** Whether the table's DELETEs write position delete files ({@code write.delete.mode} = merge-on-read). */
  boolean mergeOnRead() throws SQLException {
    if (!TableProperties.MERGE_ON_READ.equals(table.properties().get(TableProperties.DELETE_MODE))) {
      return false;
    }
    if (table.metadata().formatVersion() < 2) {
      throw new SQLFeatureNotSupportedException("not supported: merge-on-read deletes (" + TableProperties.DELETE_MODE
          + ") on table " + id + " of format version " + table.metadata().formatVersion() + " (delete files need 2)",
          "0A000");
    }
    return true;
  }

  /**
   * Deletes merge-on-read: files {@code coveredWhole} holds for (without delete files) are removed unread; in each
   * other candidate file, the rows {@code matcher} matches are listed by position in one position delete file per
   * file (tasks on the statement's threads), or the file is removed when they are all its live rows; one snapshot
   * adds the delete files and removes the files. A concurrent commit removing a data file a delete file refers to
   * fails the statement ({@code 40001}). Returns the rows deleted.
   */
  long deleteMergeOnRead(List<FileScanTask> candidates, Predicate<DataFile> coveredWhole, RowMatcher matcher,
      Expression conflictFilter) throws SQLException {
    List<DataFile[]> written = Collections.synchronizedList(new ArrayList<>()); // {delete file, data file}
    try {
      Set<String> removed = Collections.synchronizedSet(new LinkedHashSet<>());
      AtomicLong deleted = new AtomicLong();
      try (ParallelTasks tasks = new ParallelTasks(session.workers())) {
        for (FileScanTask task : candidates) {
          if (coveredWhole.test(task.file()) && !task.hasDeletes()) {
            if (removed.add(task.file().path())) {
              deleted.addAndGet(task.file().recordCount());
            }
            continue;
          }
          tasks.submit(() -> {
            long[][] positions = {new long[1024]};
            int[] count = {0};
            long[] read = {0};
            TargetFileReader.readWithPositions(table, table.schema(), task, (batch, rowPositions) -> {
              int[] matched = new int[batch.size()];
              int n = matcher.match(batch, matched);
              if (count[0] + n > positions[0].length) {
                positions[0] = Arrays.copyOf(positions[0], Math.max(2 * positions[0].length, count[0] + n));
              }
              for (int i = 0; i < n; i++) {
                positions[0][count[0]++] = rowPositions[matched[i]];
              }
              read[0] += batch.size();
              return true;
            });
            if (count[0] > 0 && count[0] == read[0] && task.startsFile() && task.end() == Long.MAX_VALUE) {
              removed.add(task.file().path()); // every live row goes: the file goes (its delete files with it)
            } else if (count[0] > 0) {
              written.add(new DataFile[] {PositionDeleteWriter.write(table, task.file(), positions[0], count[0]),
                  task.file()});
            }
            deleted.addAndGet(count[0]);
          });
        }
        tasks.await();
      }
      if (!removed.isEmpty() || !written.isEmpty()) {
        removed.forEach(overwrite::deleteFile);
        written.forEach(w -> overwrite.addPositionDeletes(w[0], w[1].path()));
        overwrite.conflictDetectionFilter(conflictFilter).commit();
      }
      return deleted.get();
    } catch (CommitStateUnknownException e) {
      throw DmlErrors.of(e, id); // the files may be committed: keep them
    } catch (RuntimeException | Error e) {
      for (DataFile[] w : written) {
        table.io().deleteFile(w[0].path());
      }
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
  long run(List<FileScanTask> candidates, Predicate<DataFile> coveredWhole, RowChange change,
      Expression conflictFilter, AddedRows added) throws SQLException {
    try {
      CopyOnWrite.Result result;
      try (BufferAllocator allocator = new RootAllocator()) {
        result = new CopyOnWrite(table, converter, writers, session.workers(), allocator)
            .run(candidates, coveredWhole, change);
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
