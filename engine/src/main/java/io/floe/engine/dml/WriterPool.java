package io.floe.engine.dml;

import io.floe.manifest.DataFile;
import io.floe.table.AppendFiles;
import io.floe.table.Table;
import io.floe.table.TableWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link TableWriter} per writing thread of a statement (each fans out by partition and rolls files at the
 * table's target size), so threads write Parquet in parallel without sharing a file. Nothing written is visible
 * until the statement commits; {@link #abort(Throwable)} deletes every file written.
 */
public final class WriterPool {
  private final Table table;
  private final boolean forAppend;
  private final Map<Thread, TableWriter> writers = new LinkedHashMap<>();

  /** A pool of writers whose files go to an overwrite. */
  WriterPool(Table table) {
    this(table, false);
  }

  /** A pool of writers whose files go to an append ({@link #commitAppend}): they sketch the values written. */
  public static WriterPool forAppend(Table table) {
    return new WriterPool(table, true);
  }

  private WriterPool(Table table, boolean forAppend) {
    this.table = table;
    this.forAppend = forAppend;
  }

  /** The calling thread's writer. */
  public synchronized TableWriter writer() {
    return writers.computeIfAbsent(Thread.currentThread(),
        t -> forAppend ? table.newAppendWriter() : table.newWriter());
  }

  /** Closes every writer and returns all the data files written. */
  synchronized List<DataFile> complete() {
    List<DataFile> files = new ArrayList<>();
    for (TableWriter w : writers.values()) {
      files.addAll(w.complete());
    }
    return files;
  }

  /**
   * Closes every writer and commits all their files, with the sketches of the values written, as one append to the
   * table; commits nothing when no file was written.
   */
  public synchronized void commitAppend() {
    AppendFiles append = table.newAppend();
    boolean anyFile = false;
    for (TableWriter w : writers.values()) {
      anyFile |= !w.complete().isEmpty();
      append.appendWritten(w);
    }
    if (anyFile) {
      append.commit();
    }
  }

  /** Deletes every file written (the statement failed); failures to delete are added to {@code cause}. */
  public synchronized void abort(Throwable cause) {
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
