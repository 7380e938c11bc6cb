package io.floe.engine.exec;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Sorts its input by a collation, then applies OFFSET and FETCH. The input is gathered into typed columns, a
 * permutation of row indexes is sorted with typed comparators ({@link RowComparator}) and the output is selected
 * by index. With a FETCH only the best {@code offset + fetch} rows are kept (top-N): once that many are held, a row
 * that does not sort before the last of them is dropped as it arrives, and the held rows are cut back to the best
 * ones whenever they double.
 */
public final class SortOperator implements Operator {
  private static final int OUTPUT_BATCH = 4096;
  private static final int MIN_TOP_N_BUFFER = 4096;

  private final Operator input;
  private final List<RelFieldCollation> collation;
  private final long offset;
  private final long fetch;
  private final MemoryAccount memory;
  private Column[] columns;
  private int[] order;
  private int position;
  private int end;

  /** {@code fetch} is -1 for no limit. */
  public SortOperator(Operator input, List<RelFieldCollation> collation, long offset, long fetch) {
    this(input, collation, offset, fetch, null);
  }

  /** A sort whose buffered rows count against the query's memory limit on {@code allocator}. */
  public SortOperator(Operator input, List<RelFieldCollation> collation, long offset, long fetch,
      BufferAllocator allocator) {
    this.memory = new MemoryAccount(allocator, "Sort");
    this.input = input;
    this.collation = List.copyOf(collation);
    this.offset = offset;
    this.fetch = fetch;
  }

  @Override
  public Batch next() {
    if (order == null) {
      if (fetch >= 0) {
        topN(offset + fetch);
      } else {
        sortAll();
      }
      end = fetch >= 0 ? (int) Math.min(order.length, offset + fetch) : order.length;
      position = (int) Math.min(offset, end);
    }
    if (position >= end) {
      return null;
    }
    int to = Math.min(end, position + OUTPUT_BATCH);
    int[] rows = new int[to - position];
    System.arraycopy(order, position, rows, 0, rows.length);
    Column[] out = new Column[columns.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = columns[c].select(rows, rows.length);
    }
    position = to;
    return new Batch(rows.length, out);
  }

  private void sortAll() {
    BatchBuffer buffer = new BatchBuffer();
    Batch b;
    while ((b = input.next()) != null) {
      Cancellation.check();
      buffer.add(b);
      memory.hold(buffer.memoryBytes() + 4L * buffer.size());
    }
    columns = buffer.columns();
    memory.hold(buffer.memoryBytes() + 8L * buffer.size());
    order = buffer.isEmpty() ? new int[0] : IndexSort.sorted(buffer.size(), RowComparator.of(columns, collation));
  }

  /** Keeps the best {@code n} rows in {@link #columns}, sorted in {@link #order}. */
  private void topN(long n) {
    columns = new Column[0];
    order = new int[0];
    if (n == 0) {
      return;
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
      buffer.add(b);
      memory.hold(buffer.memoryBytes());
      if (buffer.size() >= compactAt) {
        best = keepBest(buffer.columns(), buffer.size(), limit);
        buffer = new BatchBuffer();
        buffer.add(best, limit);
      }
    }
    if (buffer.isEmpty()) {
      return;
    }
    columns = buffer.columns();
    order = IndexSort.sorted(buffer.size(), RowComparator.of(columns, collation));
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
    memory.close();
    input.close();
  }
}
