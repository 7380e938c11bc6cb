package io.floe.engine.exec.spill;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.MergeOperator;
import io.floe.engine.exec.Operator;
import io.floe.engine.exec.SortedRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * The sorted runs one sort spilled to files, in the order they were written, and their k-way merge. Each run is
 * written in batches of at most {@value #BATCH_BYTES} bytes of memory and about a sixteenth of the run, so a merge
 * holds a fraction of a run per run; when even that is too much, {@link #mergeFirst} merges the earliest runs into
 * one first. {@link #close()} deletes the files.
 */
public final class SortRuns implements AutoCloseable {
  private static final long BATCH_BYTES = 256L << 10;
  private static final int BATCHES_PER_RUN = 16;
  private static final int MIN_BATCH_ROWS = 16;
  private static final int MAX_BATCH_ROWS = 4096;

  private final Spilling spilling;
  private final List<Path> files = new ArrayList<>();
  /** Per run: the memory of its largest batch, what a merge holds for it. */
  private final List<Long> batchBytes = new ArrayList<>();
  private final List<RunReader> readers = new ArrayList<>();

  public SortRuns(Spilling spilling) {
    this.spilling = spilling;
  }

  /** Whether no run was written. */
  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** The number of runs. */
  public int count() {
    return files.size();
  }

  /** Writes the rows of {@code columns} in the order {@code order} as a new (the last) run. */
  public void write(Column[] columns, int[] order) {
    long bytes = 0;
    for (Column c : columns) {
      bytes += c.memoryBytes();
    }
    int rows = order.length;
    writeRun(new SortedRows(columns, order, 0, rows, batchRows(bytes, rows)), files.size());
  }

  /**
   * Merges the first {@code k} runs into one run in their place (it holds a batch of each of them); the merge of
   * consecutive runs keeps equal rows in run order, so the final merge stays stable.
   */
  public void mergeFirst(int k, List<RelFieldCollation> collation) {
    Operator merged = new MergeOperator(openRuns(k), collation);
    writeRun(new Operator() {
      private Batch pending;
      private int position;

      @Override
      public Batch next() {
        if (pending == null || position >= pending.size()) {
          pending = merged.next();
          position = 0;
          if (pending == null) {
            return null;
          }
        }
        // slices of the merged batches, as small as the runs' batches
        int rows = Math.min(pending.size() - position, batchRows(pending.memoryBytes(), pending.size()));
        int[] slice = new int[rows];
        for (int i = 0; i < rows; i++) {
          slice[i] = position + i;
        }
        position += rows;
        return pending.select(slice, rows);
      }

      @Override
      public void close() {
        merged.close();
      }
    }, 0);
    merged.close();
    for (int i = k; i >= 1; i--) {
      SpillFiles.delete(files.remove(i));
      batchBytes.remove(i);
    }
  }

  /** The memory a merge of all runs holds: the largest batch of each run. */
  public long mergeBytes() {
    return mergeBytes(files.size());
  }

  /** The memory a merge of the first {@code k} runs holds. */
  public long mergeBytes(int k) {
    long bytes = 0;
    for (int i = 0; i < k; i++) {
      bytes += batchBytes.get(i);
    }
    return bytes;
  }

  /**
   * The runs' rows merged in order, then those of {@code rest} (rows sorted in memory, null for none): equal rows
   * come from the earlier run, so the merge keeps the input order of equal rows like an in-memory sort.
   */
  public Operator merge(Operator rest, List<RelFieldCollation> collation) {
    List<Operator> inputs = openRuns(files.size());
    if (rest != null) {
      inputs.add(rest);
    }
    return new MergeOperator(inputs, collation);
  }

  /** Readers of the first {@code k} runs (closed by {@link #close()}). */
  private List<Operator> openRuns(int k) {
    List<Operator> inputs = new ArrayList<>();
    for (Path file : files.subList(0, k)) {
      RunReader reader = new RunReader(file);
      readers.add(reader);
      inputs.add(reader);
    }
    return inputs;
  }

  /** Writes {@code batches} as a new run at position {@code index}. */
  private void writeRun(Operator batches, int index) {
    Path file = spilling.directory().newFile("sort");
    files.add(index, file);
    batchBytes.add(index, 0L);
    try (RunWriter writer = new RunWriter(file)) {
      Batch batch;
      while ((batch = batches.next()) != null) {
        writer.write(batch);
      }
      long fileBytes = writer.finish();
      batchBytes.set(index, writer.largestBatchBytes());
      spilling.stats().add(writer.rows(), fileBytes);
    }
  }

  /** Rows per batch of a run of {@code rows} rows taking {@code bytes} of memory. */
  private static int batchRows(long bytes, int rows) {
    long rowBytes = Math.max(1, bytes / Math.max(1, rows));
    long batch = Math.min(BATCH_BYTES, bytes / BATCHES_PER_RUN);
    return (int) Math.max(MIN_BATCH_ROWS, Math.min(MAX_BATCH_ROWS, batch / rowBytes));
  }

  /** Closes the readers and deletes the runs' files (all of them, even if one fails). */
  @Override
  public void close() {
    List<Runnable> steps = new ArrayList<>();
    for (RunReader reader : readers) {
      steps.add(reader::close);
    }
    for (Path file : files) {
      steps.add(() -> SpillFiles.delete(file));
    }
    readers.clear();
    files.clear();
    batchBytes.clear();
    SpillFiles.runAll(steps);
  }
}
