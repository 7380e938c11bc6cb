package io.floe.engine.exec.spill;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.MergeOperator;
import io.floe.engine.exec.Operator;
import io.floe.engine.exec.SortedRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * The sorted runs one sort spilled to files, and their k-way merge. Each run is written in batches of about
 * {@value #BATCH_BYTES} bytes of memory, so the merge holds about that much per run. {@link #close()} deletes the
 * files.
 */
public final class SortRuns implements AutoCloseable {
  private static final long BATCH_BYTES = 256L << 10;
  private static final int MIN_BATCH_ROWS = 16;
  private static final int MAX_BATCH_ROWS = 4096;

  private final Spilling spilling;
  private final List<Path> files = new ArrayList<>();
  private final List<RunReader> readers = new ArrayList<>();
  private long mergeBytes;

  public SortRuns(Spilling spilling) {
    this.spilling = spilling;
  }

  /** Whether no run was written. */
  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** Writes the rows of {@code columns} in the order {@code order} as a new run. */
  public void write(Column[] columns, int[] order) {
    long bytes = 0;
    for (Column c : columns) {
      bytes += c.memoryBytes();
    }
    int rows = order.length;
    long rowBytes = Math.max(1, bytes / Math.max(1, rows));
    int batchRows = (int) Math.max(MIN_BATCH_ROWS, Math.min(MAX_BATCH_ROWS, BATCH_BYTES / rowBytes));
    Path file = spilling.directory().newFile("sort");
    files.add(file);
    try (RunWriter writer = new RunWriter(file)) {
      SortedRows sorted = new SortedRows(columns, order, 0, rows, batchRows);
      Batch batch;
      while ((batch = sorted.next()) != null) {
        writer.write(batch);
      }
      long fileBytes = writer.finish();
      mergeBytes += writer.largestBatchBytes();
      spilling.stats().add(writer.rows(), fileBytes);
    }
  }

  /** The memory a merge of the runs holds: the largest batch of each run. */
  public long mergeBytes() {
    return mergeBytes;
  }

  /**
   * The runs' rows merged in order, then those of {@code rest} (rows sorted in memory, null for none): equal rows
   * come from the earlier run, so the merge keeps the input order of equal rows like an in-memory sort.
   */
  public Operator merge(Operator rest, List<RelFieldCollation> collation) {
    List<Operator> inputs = new ArrayList<>();
    for (Path file : files) {
      RunReader reader = new RunReader(file);
      readers.add(reader);
      inputs.add(reader);
    }
    if (rest != null) {
      inputs.add(rest);
    }
    return new MergeOperator(inputs, collation);
  }

  /** Closes the readers and deletes the runs' files (all of them, even if one fails). */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (RunReader reader : readers) {
      try {
        reader.close();
      } catch (RuntimeException e) {
        failure = first(failure, e);
      }
    }
    readers.clear();
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        failure = first(failure, SpillErrors.io("cannot delete the spill file " + file, e));
      }
    }
    files.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException first(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
