package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.sql.SqlKind;

/**
 * Window functions: appends one column per function to every input row. Rows are sorted by partition and order
 * keys; ROW_NUMBER, RANK and DENSE_RANK number the rows of a partition; aggregates cover the whole partition
 * (no ORDER BY) or run from the partition's start to the current row (ROWS) or its last peer (RANGE).
 */
public final class WindowOperator implements Operator {
  private static final int OUTPUT_BATCH = 4096;

  /** One window: partition keys, order, whether the running frame counts ROWS (else RANGE with peers). */
  public record Window(int[] partitionKeys, List<RelFieldCollation> order, boolean running, boolean rows,
      List<AggregateSpec> functions) {
  }

  private final Operator input;
  private final List<Window> windows;
  private final MemoryAccount memory;
  private List<Object[]> output;
  private int position;
  private int width;

  public WindowOperator(Operator input, List<Window> windows) {
    this(input, windows, null);
  }

  /** Window functions whose buffered rows count against the query's memory limit on {@code allocator}. */
  public WindowOperator(Operator input, List<Window> windows, BufferAllocator allocator) {
    this.memory = new MemoryAccount(allocator, "Window");
    this.input = input;
    this.windows = List.copyOf(windows);
  }

  @Override
  public Batch next() {
    if (output == null) {
      output = compute();
    }
    if (position >= output.size()) {
      return null;
    }
    int to = Math.min(output.size(), position + OUTPUT_BATCH);
    Batch b = Batch.ofRows(output.subList(position, to), width);
    position = to;
    return b;
  }

  private List<Object[]> compute() {
    List<Object[]> rows = new ArrayList<>();
    int inputWidth = 0;
    Batch b;
    long held = 0;
    while ((b = input.next()) != null) {
      inputWidth = b.width();
      Cancellation.check();
      held += 2 * MemoryAccount.boxedRowBytes(b);
      memory.hold(held);
      for (int r = 0; r < b.size(); r++) {
        rows.add(b.row(r));
      }
    }
    width = inputWidth;
    for (Window w : windows) {
      width += w.functions().size();
    }
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      out.add(java.util.Arrays.copyOf(row, width));
    }
    int column = inputWidth;
    for (Window w : windows) {
      apply(out, w, column);
      column += w.functions().size();
    }
    return out;
  }

  private static void apply(List<Object[]> rows, Window w, int firstColumn) {
    List<RelFieldCollation> partition = new ArrayList<>();
    for (int k : w.partitionKeys()) {
      partition.add(new RelFieldCollation(k));
    }
    Comparator<Object[]> byPartition = SortOperator.comparator(partition);
    Comparator<Object[]> byOrder = SortOperator.comparator(w.order());
    rows.sort(byPartition.thenComparing(byOrder));
    int start = 0;
    while (start < rows.size()) {
      int end = start + 1;
      while (end < rows.size() && byPartition.compare(rows.get(start), rows.get(end)) == 0) {
        end++;
      }
      for (int f = 0; f < w.functions().size(); f++) {
        compute(rows.subList(start, end), w, w.functions().get(f), firstColumn + f, byOrder);
      }
      start = end;
    }
  }

  private static void compute(List<Object[]> part, Window w, AggregateSpec fn, int column, Comparator<Object[]> peers) {
    SqlKind kind = fn.kind();
    if (kind == SqlKind.ROW_NUMBER || kind == SqlKind.RANK || kind == SqlKind.DENSE_RANK) {
      long rank = 0;
      long dense = 0;
      for (int i = 0; i < part.size(); i++) {
        boolean newPeerGroup = i == 0 || peers.compare(part.get(i - 1), part.get(i)) != 0;
        if (newPeerGroup) {
          rank = i + 1;
          dense++;
        }
        part.get(i)[column] = kind == SqlKind.ROW_NUMBER ? (long) (i + 1) : kind == SqlKind.RANK ? rank : dense;
      }
      return;
    }
    Accumulator acc = Accumulator.create(fn);
    if (!w.running()) {
      for (Object[] row : part) {
        add(acc, fn, row);
      }
      Object result = acc.result();
      for (Object[] row : part) {
        row[column] = result;
      }
      return;
    }
    int i = 0;
    while (i < part.size()) {
      int end = i + 1;
      if (!w.rows()) {
        while (end < part.size() && peers.compare(part.get(i), part.get(end)) == 0) {
          end++;
        }
      }
      for (int j = i; j < end; j++) {
        add(acc, fn, part.get(j));
      }
      Object result = acc.result();
      for (int j = i; j < end; j++) {
        part.get(j)[column] = result;
      }
      i = end;
    }
  }

  private static void add(Accumulator acc, AggregateSpec fn, Object[] row) {
    if (fn.args().isEmpty()) {
      acc.add(null);
      return;
    }
    Object v = row[fn.args().get(0)];
    if (v != null) {
      acc.add(v);
    }
  }

  @Override
  public void close() {
    memory.close();
    input.close();
  }
}
