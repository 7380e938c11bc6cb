package io.floe.engine.dml;

import io.floe.engine.exec.Batch;
import io.floe.manifest.DataFile;
import io.floe.scan.FileScanTask;
import io.floe.table.PositionDeleteWriter;
import io.floe.table.Table;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A merge-on-read DELETE of the candidate files of its target, one file per task on the statement's threads (the
 * counterpart of {@link CopyOnWrite}): a file {@code droppedUnread} holds for is removed without being read; any
 * other file is read with the positions of its live rows, and the positions of the rows the statement matches go
 * to one position delete file per data file, or the file is removed when they are all its live rows.
 */
final class MergeOnReadDelete {
  private final Table table;
  private final Schema read;
  private final int threads;

  /** A delete reading {@code read}, the columns its matcher needs (of the table's schema), from each file. */
  MergeOnReadDelete(Table table, Schema read, int threads) {
    this.table = table;
    this.read = read;
    this.threads = threads;
  }

  /** The rows of a batch the statement deletes. */
  @FunctionalInterface
  interface RowMatcher {
    /**
     * Writes the indexes of the matching rows of {@code rows} (of data file {@code file}, at {@code positions}) to
     * {@code out}, increasing; returns how many.
     */
    int match(Batch rows, String file, long[] positions, int[] out);
  }

  /** A position delete file and the data file whose rows it lists. */
  record WrittenDeletes(DataFile deleteFile, DataFile dataFile) {
  }

  /** What the delete did: rows deleted, data files to remove, delete files written (not committed yet). */
  record Result(long deletedRows, List<String> removed, List<WrittenDeletes> written) {
  }

  /**
   * Deletes the rows {@code matcher} matches from {@code candidates}. On failure the delete files written so far are
   * deleted; on success the caller commits them (and deletes them if the commit fails).
   */
  Result run(List<FileScanTask> candidates, Predicate<FileScanTask> droppedUnread, RowMatcher matcher) {
    List<WrittenDeletes> written = Collections.synchronizedList(new ArrayList<>());
    Set<String> removed = Collections.synchronizedSet(new LinkedHashSet<>());
    AtomicLong deleted = new AtomicLong();
    try (ParallelTasks tasks = new ParallelTasks(threads)) {
      for (FileScanTask task : candidates) {
        if (droppedUnread.test(task)) {
          if (removed.add(task.file().path())) {
            deleted.addAndGet(task.file().recordCount());
          }
          continue;
        }
        tasks.submit(() -> deleted.addAndGet(delete(task, matcher, removed, written)));
      }
      tasks.await();
    } catch (RuntimeException | Error e) {
      deleteAll(written);
      throw e;
    }
    return new Result(deleted.get(), List.copyOf(removed), List.copyOf(written));
  }

  /** Deletes the matching rows of one file; returns how many. */
  private long delete(FileScanTask task, RowMatcher matcher, Set<String> removed, List<WrittenDeletes> written) {
    long[][] positions = {new long[1024]};
    int[] count = {0};
    long[] read = {0}; // live rows read
    TargetFileReader.readWithPositions(table, this.read, task, (batch, rowPositions) -> {
      int[] matched = new int[batch.size()];
      int n = matcher.match(batch, task.file().path(), rowPositions, matched);
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
      written.add(new WrittenDeletes(PositionDeleteWriter.write(table, task.file(), positions[0], count[0]),
          task.file()));
    }
    return count[0];
  }

  /** Deletes the delete files written (after a failure: none of them is committed). */
  void deleteAll(List<WrittenDeletes> written) {
    for (WrittenDeletes w : written) {
      table.io().deleteFile(w.deleteFile().path());
    }
  }
}
