package io.floe.engine.exec;

import io.floe.engine.exec.spill.SortRuns;
import io.floe.engine.exec.spill.Spilling;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Sorts its input by a collation, then applies OFFSET and FETCH. The input is gathered into typed columns, a
 * permutation of row indexes is sorted with typed comparators ({@link RowComparator}) and the output is selected
 * by index. With a FETCH only the best {@code offset + fetch} rows are kept (top-N): once that many are held, a row
 * that does not sort before the last of them is dropped as it arrives, and the held rows are cut back to the best
 * ones whenever they double. With {@link Spilling}, rows that would take the query over its memory limit are
 * sorted and written as a run to a spill file ({@link SortRuns}), and the output is the k-way merge of the runs and
 * the rows still in memory (after merging the earliest runs into one while a batch of every run does not fit). A
 * top-N whose kept rows do not fit goes on as such a sort: each run keeps its best {@code offset + fetch} rows, later
 * rows that do not sort before the last of them are dropped, and the merge stops after that many rows.
 */
public final class SortOperator implements Operator {
  private static final int OUTPUT_BATCH = 4096;
  private static final int MIN_TOP_N_BUFFER = 4096;

  private final Operator input;
  private final List<RelFieldCollation> collation;
  private final long offset;
  private final long fetch;
  private final MemoryAccount memory;
  private final SortRuns runs;
  private final int sharers;
  /** Whether the rows still in memory at the end are written as a last run too, even when nothing spilled before. */
  private boolean mergeFromDisk;
  private Operator output;

  /** {@code fetch} is -1 for no limit. */
  public SortOperator(Operator input, List<RelFieldCollation> collation, long offset, long fetch) {
    this(input, collation, offset, fetch, null, null);
  }

  /** A sort whose buffered rows count against the query's memory limit on {@code allocator}. */
  public SortOperator(Operator input, List<RelFieldCollation> collation, long offset, long fetch,
      BufferAllocator allocator) {
    this(input, collation, offset, fetch, allocator, null);
  }

  /**
   * A sort whose buffered rows count against the query's memory limit on {@code allocator}, spilling sorted runs as
   * {@code spilling} says when they would not fit (null: never spills, fails over the limit).
   */
  public SortOperator(Operator input, List<RelFieldCollation> collation, long offset, long fetch,
      BufferAllocator allocator, Spilling spilling) {
    this.memory = new MemoryAccount(allocator, "Sort");
    this.input = input;
    this.collation = List.copyOf(collation);
    this.offset = offset;
    this.fetch = fetch;
    this.runs = spilling == null ? null : new SortRuns(spilling);
    this.sharers = spilling == null ? 1 : spilling.tasks();
  }

  /**
   * With spilling, this sort also writes the rows it holds at the end of its input as a last run (the only one when
   * they all fit), so that while it merges it holds only a batch per run: the memory is left to the operator reading
   * the merge (a window computing partitions, which already found that the rows do not fit). Returns this sort.
   */
  public SortOperator mergingFromDisk() {
    this.mergeFromDisk = true;
    return this;
  }

  @Override
  public Batch next() {
    if (output == null) {
      output = fetch >= 0 ? topN(offset + fetch) : sorted(Long.MAX_VALUE, null);
    }
    return output.next();
  }

  /**
   * The rest of the input and the runs already written, sorted, from row {@code offset} up to row {@code keep}; rows
   * that do not sort before row 0 of {@code cutoff} (null: none) are dropped as they arrive. Rows that would not fit
   * are sorted and written as runs, each cut to its first {@code keep} rows, and merged at the end.
   */
  private Operator sorted(long keep, Column[] cutoff) {
    BatchBuffer buffer = new BatchBuffer();
    Batch b;
    while ((b = input.next()) != null) {
      Cancellation.check();
      if (cutoff != null) {
        b = rowsBefore(b, cutoff, 0);
        if (b.size() == 0) {
          continue;
        }
      }
      boolean first = buffer.isEmpty();
      buffer.add(b);
      if (!memory.holdOrSpill(heldBytes(buffer), runs != null && !first, sharers)) {
        Column[] best = spill(buffer, keep);
        cutoff = best != null ? best : cutoff;
        buffer = new BatchBuffer();
      }
    }
    Column[] columns = buffer.columns();
    int[] order = sorted(columns, buffer.size());
    int end = (int) Math.min(order.length, keep);
    long fetched = keep == Long.MAX_VALUE ? -1 : keep - offset;
    if (runs == null || runs.isEmpty() && (!mergeFromDisk || end == 0)) {
      return new SortedRows(columns, order, (int) Math.min(offset, end), end, OUTPUT_BATCH);
    }
    Operator rest = new SortedRows(columns, order, 0, end, OUTPUT_BATCH);
    if (mergeFromDisk || !memory.tryHoldSpillable(heldBytes(buffer) + runs.mergeBytes(), sharers)) {
      // the merge holds a batch of each run: spill the rest too, then the runs' batches must fit
      if (end > 0) {
        runs.write(columns, Arrays.copyOf(order, end));
      }
      rest = null;
      holdForTheMerge();
      // what the rows held beyond a batch of each run goes back (kept until now: nothing could take it between)
      memory.releaseTo(runs.mergeBytes());
    }
    return new LimitOperator(runs.merge(rest, collation), offset, fetched);
  }

  /** What a buffer of rows holds: the rows and the sort's two index arrays. */
  private static long heldBytes(BatchBuffer buffer) {
    return buffer.memoryBytes() + 8L * buffer.size();
  }

  /**
   * Sorts the rows of {@code buffer}, writes the first {@code keep} of them as a run and releases their memory;
   * returns the run's last row (no later row that does not sort before it is among the first {@code keep}) when the
   * run was cut, else null.
   */
  private Column[] spill(BatchBuffer buffer, long keep) {
    Column[] columns = buffer.columns();
    int[] order = sorted(columns, buffer.size());
    Column[] last = null;
    if (order.length >= keep) {
      order = Arrays.copyOf(order, (int) keep);
      last = new Column[columns.length];
      for (int c = 0; c < columns.length; c++) {
        last[c] = columns[c].select(new int[] {order[order.length - 1]}, 1);
      }
    }
    runs.write(columns, order);
    // the memory stays held for the next run's rows, so another task cannot take it in between
    return last;
  }

  /**
   * Holds a batch of every run for the final merge; while that does not fit, first merges as many of the earliest
   * runs as fit into one. Fails with 53200 when not even two runs can be merged.
   */
  private void holdForTheMerge() {
    while (!memory.tryHoldSpillable(runs.mergeBytes(), sharers)) {
      int k = runs.count() - 1;
      while (k > 2 && !memory.tryHoldSpillable(runs.mergeBytes(k), sharers)) {
        k--;
      }
      if (k < 2 || !memory.tryHoldSpillable(runs.mergeBytes(k), sharers)) {
        memory.hold(runs.mergeBytes());
        return;
      }
      runs.mergeFirst(k, collation);
    }
  }

  private int[] sorted(Column[] columns, int size) {
    return size == 0 ? new int[0] : IndexSort.sorted(size, RowComparator.of(columns, collation));
  }

  /**
   * The best {@code n} rows, sorted, from row {@code offset} on. When the rows kept would not fit, the rest is a
   * spilling sort that keeps the first {@code n} rows of each run and of their merge.
   */
  private Operator topN(long n) {
    if (n == 0) {
      return new SortedRows(new Column[0], new int[0], 0, 0, OUTPUT_BATCH);
    }
    int limit = (int) Math.min(n, Integer.MAX_VALUE / 4);
    int compactAt = Math.max(2 * limit, limit + MIN_TOP_N_BUFFER);
    BatchBuffer buffer = new BatchBuffer();
    Column[] best = null;
    Batch b;
    while ((b = input.next()) != null) {
      Cancellation.check();
      if (best != null) {
        b = rowsBefore(b, best, limit - 1);
      }
      if (b.size() == 0) {
        continue;
      }
      boolean first = buffer.isEmpty();
      buffer.add(b);
      if (!memory.holdOrSpill(buffer.memoryBytes(), runs != null && !first, sharers)) {
        // too many rows to keep in memory (after a compaction the buffer holds n rows, so the run is cut)
        return sorted(n, spill(buffer, n));
      }
      if (buffer.size() >= compactAt) {
        best = keepBest(buffer.columns(), buffer.size(), limit);
        buffer = new BatchBuffer();
        buffer.add(best, limit);
      }
    }
    Column[] columns = buffer.columns();
    int[] order = sorted(columns, buffer.size());
    int end = (int) Math.min(order.length, n);
    return new SortedRows(columns, order, (int) Math.min(offset, end), end, OUTPUT_BATCH);
  }

  /** The rows of {@code batch} that sort before row {@code cutoff} of {@code best}. */
  private Batch rowsBefore(Batch batch, Column[] best, int cutoff) {
    int[] keep = new int[batch.size()];
    int count = 0;
    Column[] cols = batch.vectors();
    for (int r = 0; r < batch.size(); r++) {
      if (RowComparator.compare(cols, r, best, cutoff, collation) < 0) {
        keep[count++] = r;
      }
    }
    return count == batch.size() ? batch : batch.select(keep, count);
  }

  /** The best {@code limit} of the {@code size} rows of {@code all}, in order. */
  private Column[] keepBest(Column[] all, int size, int limit) {
    int[] sorted = IndexSort.sorted(size, RowComparator.of(all, collation));
    Column[] out = new Column[all.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = all[c].select(sorted, limit);
    }
    return out;
  }

  @Override
  public void close() {
    try {
      if (output != null) {
        output.close();
      }
      if (runs != null) {
        runs.close();
      }
    } finally {
      memory.close();
      input.close();
    }
  }
}
