package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Window functions: appends one column per function to every input row, keeping the input's batches and row
 * order. The columns the windows read (partition and order keys, arguments) are gathered into typed columns, and
 * each row's partition is numbered by hashing its keys. A window whose functions all aggregate whole partitions is
 * computed per partition id without moving rows ({@link WindowPartitionAggregates}); any other is laid out by
 * partition and ORDER BY ({@link WindowPositions}) and {@link WindowFunctions} computes each function as a typed
 * column over the positions, scattered back to the input order.
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
      // the read columns laid out by position, sort order and its inverse, partition and peer bounds, frames (three
      // pieces more around an EXCLUDE clause's rows)
      long positions = w.frame().exclusion() == WindowFrame.Exclusion.NO_OTHERS ? 40L : 64L;
      memory.hold(held + 2 * buffer.memoryBytes() + positions * n + resultBytes(n));
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

  private long resultBytes(int n) {
    return 9L * n * results.size();
  }

  private List<Column> evaluate(Window w, Column[] columns, int n) {
    int[] partitionIds = partitionIds(w, columns, n);
    List<Column> out = new ArrayList<>();
    if (WindowPartitionAggregates.covers(w.frame(), !w.order().isEmpty(), w.calls())) {
      WindowPartitionAggregates aggregates = new WindowPartitionAggregates(columns, partitionIds, n);
      for (WindowCall call : w.calls()) {
        out.add(aggregates.evaluate(call));
      }
      return out;
    }
    // aggregates over whole partitions do not depend on the order: the partitions need no sort then
    boolean sorted = !w.order().isEmpty() && WindowFunctions.orderMatters(w.frame(), w.calls());
    TreeSet<Integer> read = new TreeSet<>();
    addFunctionColumns(w, read);
    WindowPositions positions = WindowPositions.of(columns, read.stream().mapToInt(Integer::intValue).toArray(),
        partitionIds, w.order(), sorted, n);
    Column[] laidOut = positions.columns();
    Column key = null;
    boolean descending = false;
    boolean nullsFirst = false;
    if (w.frame().rangeOffsets()) {
      RelFieldCollation first = w.order().get(0);
      key = laidOut[first.getFieldIndex()];
      if (!(key instanceof LongColumn) && !(key instanceof DoubleColumn)) {
        key = Columns.pack(key.toArray());
      }
      descending = first.direction.isDescending();
      nullsFirst = RowComparator.nullsFirst(first);
    }
    WindowFrame.Sorted bounds = new WindowFrame.Sorted(positions.peerStart(), positions.peerEnd(), key, descending,
        nullsFirst);
    WindowFunctions functions = new WindowFunctions(laidOut, positions.partitionEnd(), bounds, w.frame());
    for (WindowCall call : w.calls()) {
      out.add(positions.toInputOrder(functions.evaluate(call)));
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
      addFunctionColumns(w, read);
    }
    return new ArrayList<>(read);
  }

  /** Adds the columns a window's functions read (ORDER BY keys, arguments, offsets, defaults) to {@code read}. */
  private static void addFunctionColumns(Window w, TreeSet<Integer> read) {
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

  @Override
  public void close() {
    memory.close();
    input.close();
  }
}
