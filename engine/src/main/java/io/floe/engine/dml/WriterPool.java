package io.floe.engine.dml;

import io.floe.manifest.DataFile;
import io.floe.table.Table;
import io.floe.table.TableWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link TableWriter} per writing thread of a statement (each fans out by partition and rolls files at the
 * table's target size), so threads write Parquet in parallel without sharing a file. Nothing written is visible
 * until the statement commits; {@link #abort()} deletes every file written.
 */
final class WriterPool {
  private final Table table;
  private final Map<Thread, TableWriter> writers = new LinkedHashMap<>();

  WriterPool(Table table) {
    this.table = table;
  }

  /** The calling thread's writer. */
  synchronized TableWriter writer() {
    return writers.computeIfAbsent(Thread.currentThread(), t -> table.newWriter());
  }

  /** Closes every writer and returns all the data files written. */
  synchronized List<DataFile> complete() {
    List<DataFile> files = new ArrayList<>();
    for (TableWriter w : writers.values()) {
      files.addAll(w.complete());
    }
    return files;
  }

  /** Deletes every file written (the statement failed); failures to delete are added to {@code cause}. */
  synchronized void abort(Throwable cause) {
    for (TableWriter w : writers.values()) {
      try {
        w.abort();
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
    writers.clear();
  }
}
