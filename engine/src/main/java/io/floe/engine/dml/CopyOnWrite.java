package io.floe.engine.dml;

import io.floe.engine.exec.Batch;
import io.floe.manifest.DataFile;
import io.floe.scan.FileScanTask;
import io.floe.table.Table;
import io.floe.table.TableWriter;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Copy-on-write of the target files of a row-level statement, one file per task on the statement's threads: a
 * file the statement's predicate covers entirely (known from its metrics) is dropped unread; any other candidate
 * file is read batch by batch through a {@link RowChange}; a file with changed rows is removed and its rows as
 * changed are written to new files; a file without changes is left alone. Only the first batches of a file are
 * read twice when its first change comes late (they are written unchanged on the second read), so no file is held
 * in memory.
 */
final class CopyOnWrite {
  private final Table table;
  private final Schema schema;
  private final RowConverter converter;
  private final WriterPool writers;
  private final int threads;
  /** Holds the Arrow copies of the batches written, one at a time per thread. */
  private final BufferAllocator allocator;

  CopyOnWrite(Table table, RowConverter converter, WriterPool writers, int threads, BufferAllocator allocator) {
    this.table = table;
    this.schema = table.schema();
    this.converter = converter;
    this.writers = writers;
    this.threads = threads;
    this.allocator = allocator;
  }

  /** What a copy-on-write changed: rows, and the files to remove from the table (dropped or rewritten). */
  record Result(long changedRows, List<DataFile> removed, int droppedWhole, int rewritten) {
  }

  /**
   * Applies {@code change} to the {@code candidates} (files that may hold rows to change); files for which
   * {@code droppedUnread} holds are dropped without being read, all their rows counted as changed.
   */
  Result run(List<FileScanTask> candidates, Predicate<FileScanTask> droppedUnread, RowChange change) {
    AtomicLong changed = new AtomicLong();
    AtomicInteger dropped = new AtomicInteger();
    AtomicInteger rewritten = new AtomicInteger();
    List<DataFile> removed = Collections.synchronizedList(new ArrayList<>());
    try (ParallelTasks tasks = new ParallelTasks(threads)) {
      for (FileScanTask task : candidates) {
        if (droppedUnread.test(task)) {
          removed.add(task.file());
          changed.addAndGet(task.file().recordCount());
          dropped.incrementAndGet();
          continue;
        }
        tasks.submit(() -> {
          long rows = rewrite(task, change);
          if (rows > 0) {
            removed.add(task.file());
            changed.addAndGet(rows);
            rewritten.incrementAndGet();
          }
        });
      }
      tasks.await();
    }
    return new Result(changed.get(), List.copyOf(removed), dropped.get(), rewritten.get());
  }

  /** Rewrites one file if the change touches it; returns the number of rows changed. */
  private long rewrite(FileScanTask task, RowChange change) {
    long[] changed = {0};
    int[] batchesRead = {0};
    TableWriter[] writer = {null};
    TargetFileReader.readWithPositions(table, schema, task, (batch, positions) -> {
      RowChange.Outcome outcome = change.apply(batch, task.file().path(), positions);
      if (writer[0] == null && outcome.changed() > 0) {
        writer[0] = writers.writer();
        writeUnchangedPrefix(task, batchesRead[0], writer[0]);
      }
      if (writer[0] != null) {
        write(outcome.output(), writer[0]);
      }
      changed[0] += outcome.changed();
      batchesRead[0]++;
      return true;
    });
    return changed[0];
  }

  private void writeUnchangedPrefix(FileScanTask task, int batches, TableWriter writer) {
    if (batches == 0) {
      return;
    }
    int[] seen = {0};
    TargetFileReader.read(table, schema, task, batch -> {
      if (seen[0]++ >= batches) {
        return false;
      }
      write(batch, writer);
      return true;
    });
  }

  private void write(Batch rows, TableWriter writer) {
    TypedTableBatch.write(rows, writer, converter, allocator);
  }
}
