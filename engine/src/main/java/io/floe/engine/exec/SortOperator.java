package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Sorts its input by a collation, then applies OFFSET and FETCH. With a FETCH it keeps only the top
 * {@code offset + fetch} rows in a bounded heap (top-N) instead of sorting everything.
 */
public final class SortOperator implements Operator {
  private static final int OUTPUT_BATCH = 4096;

  private final Operator input;
  private final Comparator<Object[]> order;
  private final long offset;
  private final long fetch;
  private final MemoryAccount memory;
  private List<Object[]> sorted;
  private int position;
  private int width;

  /** {@code fetch} is -1 for no limit. */
  public SortOperator(Operator input, List<RelFieldCollation> collation, long offset, long fetch) {
    this(input, collation, offset, fetch, null);
  }

  /** A sort whose buffered rows count against the query's memory limit on {@code allocator}. */
  public SortOperator(Operator input, List<RelFieldCollation> collation, long offset, long fetch,
      BufferAllocator allocator) {
    this.memory = new MemoryAccount(allocator, "Sort");
    this.input = input;
    this.order = comparator(collation);
    this.offset = offset;
    this.fetch = fetch;
  }

  static Comparator<Object[]> comparator(List<RelFieldCollation> collation) {
    return (a, b) -> {
      for (RelFieldCollation f : collation) {
        int i = f.getFieldIndex();
        Object x = a[i];
        Object y = b[i];
        int c;
        if (x == null || y == null) {
          if (x == y) {
            continue;
          }
          boolean nullsFirst = f.nullDirection == RelFieldCollation.NullDirection.FIRST
              || f.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && f.direction.isDescending();
          c = (x == null) == nullsFirst ? -1 : 1;
          return c;
        }
        c = Values.compare(x, y);
        if (c != 0) {
          return f.direction.isDescending() ? -c : c;
        }
      }
      return 0;
    };
  }

  @Override
  public Batch next() {
    if (sorted == null) {
      sorted = fetch >= 0 ? topN(offset + fetch) : sortAll();
      position = (int) Math.min(offset, sorted.size());
    }
    int end = sorted.size();
    if (fetch >= 0) {
      end = (int) Math.min(end, offset + fetch);
    }
    if (position >= end) {
      return null;
    }
    int to = Math.min(end, position + OUTPUT_BATCH);
    Batch out = Batch.ofRows(sorted.subList(position, to), width);
    position = to;
    return out;
  }

  private List<Object[]> sortAll() {
    List<Object[]> rows = new ArrayList<>();
    Batch b;
    long held = 0;
    while ((b = input.next()) != null) {
      width = b.width();
      Cancellation.check();
      held += MemoryAccount.boxedRowBytes(b);
      memory.hold(held);
      for (int r = 0; r < b.size(); r++) {
        rows.add(b.row(r));
      }
    }
    rows.sort(order);
    return rows;
  }

  private List<Object[]> topN(long n) {
    if (n == 0) {
      return new ArrayList<>();
    }
    PriorityQueue<Object[]> heap = new PriorityQueue<>(order.reversed());
    Batch b;
    while ((b = input.next()) != null) {
      width = b.width();
      for (int r = 0; r < b.size(); r++) {
        Object[] row = b.row(r);
        if (heap.size() < n) {
          heap.add(row);
        } else if (order.compare(row, heap.peek()) < 0) {
          heap.poll();
          heap.add(row);
        }
      }
    }
    List<Object[]> rows = new ArrayList<>(heap);
    rows.sort(order);
    return rows;
  }

  @Override
  public void close() {
    memory.close();
    input.close();
  }
}
