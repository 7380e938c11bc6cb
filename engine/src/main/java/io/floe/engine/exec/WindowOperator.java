package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Window functions: appends one column per function to every input row, keeping the input's batches and row
 * order. The columns the windows read (partition and order keys, arguments) are gathered into typed columns; per
 * window a permutation of the rows is sorted by partition and order keys with typed comparators, partitions and
 * peer groups are found by comparing neighbours, and {@link WindowFunctions} computes each function as a typed
 * column over the sorted positions, scattered back to the input order.
 */
public final class WindowOperator implements Operator {
  /**
   * One window: partition keys, order, frame (ranking functions and LAG/LEAD ignore it) and the calls computed
   * over it.
   */
  public record Window(int[] partitionKeys, List<RelFieldCollation> order, WindowFrame frame,
      List<WindowCall> calls) {
    public Window {
      partitionKeys = partitionKeys.clone();
      order = List.copyOf(order);
      calls = List.copyOf(calls);
    }
  }

  private final Operator input;
  private final List<Window> windows;
  private final MemoryAccount memory;
  private List<Batch> batches;
  private List<Column> results;
  private int batch;
  private int offset;

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
    if (batches == null) {
      compute();
    }
    if (batch >= batches.size()) {
      return null;
    }
    Batch in = batches.get(batch);
    batches.set(batch++, null);
    Column[] out = new Column[in.width() + results.size()];
    System.arraycopy(in.vectors(), 0, out, 0, in.width());
    for (int f = 0; f < results.size(); f++) {
      out[in.width() + f] = Gather.range(results.get(f), offset, offset + in.size());
    }
    offset += in.size();
    return new Batch(in.size(), out);
  }

  private void compute() {
    batches = new ArrayList<>();
    List<Integer> read = readColumns();
    BatchBuffer buffer = new BatchBuffer();
    long held = 0;
    Batch b;
    while ((b = input.next()) != null) {
      Cancellation.check();
      if (b.size() == 0) {
        continue;
      }
      batches.add(b);
      Column[] used = new Column[read.size()];
      for (int i = 0; i < used.length; i++) {
        used[i] = b.column(read.get(i));
      }
      buffer.add(used, b.size());
      held += b.memoryBytes();
      memory.hold(held + buffer.memoryBytes());
    }
    int n = buffer.size();
    results = new ArrayList<>();
    if (n == 0) {
      return;
    }
    Column[] columns = new Column[read.isEmpty() ? 0 : read.get(read.size() - 1) + 1];
    Column[] gathered = buffer.columns();
    for (int i = 0; i < read.size(); i++) {
      columns[read.get(i)] = gathered[i];
    }
    for (Window w : windows) {
      // sort order, partition and peer bounds, frames (three pieces more around an EXCLUDE clause's rows)
      long positions = w.frame().exclusion() == WindowFrame.Exclusion.NO_OTHERS ? 24L : 48L;
      memory.hold(held + buffer.memoryBytes() + positions * n + resultBytes(n));
      results.addAll(evaluate(w, columns, n));
    }
  }

  /** Each row's partition as a dense id (hashing the partition keys, no sort); all 0 without PARTITION BY. */
  private static int[] partitionIds(Window w, Column[] columns, int n) {
    if (w.partitionKeys().length == 0) {
      return new int[n];
    }
    return new GroupTable(w.partitionKeys()).groupIds(new Batch(n, columns));
  }

  /** The rows grouped by partition (a counting sort by id), in input order within a partition. */
  private static int[] partitionOrder(int[] partitionIds, int n) {
    int partitions = 0;
    for (int i = 0; i < n; i++) {
      partitions = Math.max(partitions, partitionIds[i] + 1);
    }
    int[] start = new int[partitions + 1];
    for (int i = 0; i < n; i++) {
      start[partitionIds[i] + 1]++;
    }
    for (int p = 0; p < partitions; p++) {
      start[p + 1] += start[p];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[start[partitionIds[i]]++] = i;
    }
    return order;
  }

  private long resultBytes(int n) {
    return 9L * n * results.size();
  }

  private List<Column> evaluate(Window w, Column[] columns, int n) {
    int[] partitionIds = partitionIds(w, columns, n);
    int[] order = partitionOrder(partitionIds, n);
    // aggregates over whole partitions do not depend on the order: the partitions need no sort then
    boolean sorted = !w.order().isEmpty() && WindowFunctions.orderMatters(w.frame(), w.calls());
    RowComparator.IndexComparator byOrder = sorted ? RowComparator.of(columns, w.order()) : null;
    int[] partitionEnd = new int[n];
    int[] peerStart = new int[n];
    int[] peerEnd = new int[n];
    for (int from = 0, to; from < n; from = to) {
      int id = partitionIds[order[from]];
      to = from + 1;
      while (to < n && partitionIds[order[to]] == id) {
        to++;
      }
      java.util.Arrays.fill(partitionEnd, from, to, to);
      if (byOrder == null) {
        // no ORDER BY: the partition's rows are all peers
        java.util.Arrays.fill(peerStart, from, to, from);
        java.util.Arrays.fill(peerEnd, from, to, to);
        continue;
      }
      IndexSort.sort(order, from, to, byOrder);
      int peer = from;
      for (int i = from + 1; i <= to; i++) {
        if (i == to || byOrder.compare(order[i - 1], order[i]) != 0) {
          java.util.Arrays.fill(peerStart, peer, i, peer);
          java.util.Arrays.fill(peerEnd, peer, i, i);
          peer = i;
        }
      }
    }
    Column key = null;
    boolean descending = false;
    boolean nullsFirst = false;
    if (w.frame().rangeOffsets()) {
      RelFieldCollation first = w.order().get(0);
      key = columns[first.getFieldIndex()];
      if (!(key instanceof LongColumn) && !(key instanceof DoubleColumn)) {
        key = Columns.pack(key.toArray());
      }
      descending = first.direction.isDescending();
      nullsFirst = RowComparator.nullsFirst(first);
    }
    WindowFrame.Sorted positions = new WindowFrame.Sorted(peerStart, peerEnd, key, order, descending, nullsFirst);
    WindowFunctions functions = new WindowFunctions(columns, order, partitionEnd, positions, w.frame(), sorted);
    List<Column> out = new ArrayList<>();
    for (WindowCall call : w.calls()) {
      out.add(functions.evaluate(call));
    }
    return out;
  }

  /** The input columns the windows read, ascending. */
  private List<Integer> readColumns() {
    TreeSet<Integer> read = new TreeSet<>();
    for (Window w : windows) {
      for (int k : w.partitionKeys()) {
        read.add(k);
      }
      for (RelFieldCollation f : w.order()) {
        read.add(f.getFieldIndex());
      }
      for (WindowCall call : w.calls()) {
        if (call.argument() >= 0) {
          read.add(call.argument());
        }
        if (call.defaultColumn() >= 0) {
          read.add(call.defaultColumn());
        }
        if (call.countColumn() >= 0) {
          read.add(call.countColumn());
        }
      }
    }
    return new ArrayList<>(read);
  }

  @Override
  public void close() {
    memory.close();
    input.close();
  }
}
