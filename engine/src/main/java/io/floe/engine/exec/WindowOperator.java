package io.floe.engine.exec;

import io.floe.engine.exec.spill.Spilling;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Window functions: appends one column per function to every input row, keeping the input's batches and row
 * order. The columns the windows read (partition and order keys, arguments) are gathered into typed columns, and
 * each row's partition is numbered by hashing its keys. A window whose functions all aggregate whole partitions is
 * computed per partition id without moving rows ({@link WindowPartitionAggregates}); any other is laid out by
 * partition and ORDER BY ({@link WindowPositions}) and {@link WindowFunctions} computes each function as a typed
 * column over the positions, scattered back to the input order. When the rows would take more than the memory a
 * spilling operator may hold ({@link MemoryAccount#tryHoldSpillable}) and the windows share partition keys, the
 * input goes through a spilling {@link SortOperator} by those keys and the windows are computed over the sorted rows
 * a few whole partitions at a time ({@link SortedPartitions}), in the sorted order; a partition that does not fit
 * fails with 53200.
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
  /** The input columns the windows read, ascending. */
  private final List<Integer> read;
  private final MemoryAccount memory;
  private final BufferAllocator allocator;
  private final Spilling spilling;
  /** The partition keys every window has (empty: the input is one partition, it cannot spill). */
  private final int[] commonKeys;
  private boolean started;
  /** The rows being returned with their results. */
  private WindowedRows output;
  /** After a spill: whole partitions of the sorted input, computed one piece at a time; null in memory. */
  private SortedPartitions partitions;

  public WindowOperator(Operator input, List<Window> windows) {
    this(input, windows, null, null);
  }

  /**
   * Window functions whose buffered rows count against the query's memory limit on {@code allocator}; when they would
   * not fit and the windows share partition keys, the input is sorted by those keys with spilling as {@code spilling}
   * says and the windows are computed a few partitions at a time (null: never spills, fails over the limit).
   */
  public WindowOperator(Operator input, List<Window> windows, BufferAllocator allocator, Spilling spilling) {
    this.memory = new MemoryAccount(allocator, "Window");
    this.input = input;
    this.windows = List.copyOf(windows);
    this.read = readColumns();
    this.allocator = allocator;
    this.spilling = spilling;
    this.commonKeys = commonPartitionKeys(this.windows);
  }

  @Override
  public Batch next() {
    if (!started) {
      started = true;
      readInput();
    }
    while (true) {
      Batch out = output == null ? null : output.next();
      if (out != null || partitions == null) {
        return out;
      }
      // what the last piece held stays held for the next one (another task cannot take it in between)
      List<Batch> piece = partitions.next();
      if (piece == null) {
        return null;
      }
      output = compute(piece);
    }
  }

  /**
   * Reads the input and computes the windows over all of it; or, when the rows would take more than the memory a
   * spilling operator may hold, hands the rows read and the rest of the input to a spilling sort by partition.
   */
  private void readInput() {
    List<Batch> batches = new ArrayList<>();
    BatchBuffer used = new BatchBuffer();
    long held = 0;
    boolean canSpill = spilling != null && commonKeys.length > 0;
    Batch b;
    while ((b = input.next()) != null) {
      Cancellation.check();
      if (b.size() == 0) {
        continue;
      }
      batches.add(b);
      used.add(usedColumns(b), b.size());
      held += b.memoryBytes();
      if (!memory.holdOrSpill(canSpill ? peakBytes(held, used) : held + used.memoryBytes(),
          canSpill && batches.size() > 1, spilling == null ? 1 : spilling.tasks())) {
        memory.release();
        // the sort holds only a batch per run while the partitions are computed from its merge
        partitions = new SortedPartitions(new SortOperator(new HeldBatches(batches, input), sortOrder(), 0, -1,
            allocator, spilling).mergingFromDisk(), commonKeys, memory);
        return;
      }
    }
    output = evaluate(batches, used, held);
  }

  /** The windows over the rows of whole partitions {@code batches}. */
  private WindowedRows compute(List<Batch> batches) {
    BatchBuffer used = new BatchBuffer();
    // the rows read after them (the start of the next partition) are held too
    long held = partitions.pendingBytes();
    for (Batch b : batches) {
      used.add(usedColumns(b), b.size());
      held += b.memoryBytes();
    }
    memory.hold(held + used.memoryBytes());
    return evaluate(batches, used, held);
  }

  private Column[] usedColumns(Batch b) {
    Column[] used = new Column[read.size()];
    for (int i = 0; i < used.length; i++) {
      used[i] = b.column(read.get(i));
    }
    return used;
  }

  /** The windows over {@code batches}, whose columns read are gathered in {@code used}, holding {@code held}. */
  private WindowedRows evaluate(List<Batch> batches, BatchBuffer used, long held) {
    int n = used.size();
    List<Column> results = new ArrayList<>();
    if (n == 0) {
      return new WindowedRows(batches, results);
    }
    Column[] columns = new Column[read.isEmpty() ? 0 : read.get(read.size() - 1) + 1];
    Column[] gathered = used.columns();
    for (int i = 0; i < read.size(); i++) {
      columns[read.get(i)] = gathered[i];
    }
    for (int w = 0; w < windows.size(); w++) {
      memory.hold(evaluationBytes(held, used.memoryBytes(), n, w));
      results.addAll(evaluate(windows.get(w), columns, n));
    }
    return new WindowedRows(batches, results);
  }

  /**
   * What computing window {@code w} holds: the input, the read columns laid out by position, sort order and its
   * inverse, partition and peer bounds, frames (three pieces more around an EXCLUDE clause's rows) and the results
   * of the windows before it.
   */
  private long evaluationBytes(long held, long usedBytes, int n, int w) {
    long positions = windows.get(w).frame().exclusion() == WindowFrame.Exclusion.NO_OTHERS ? 40L : 64L;
    long results = 0;
    for (Window before : windows.subList(0, w)) {
      results += before.calls().size();
    }
    return held + 2 * usedBytes + positions * n + 9L * n * results;
  }

  /** The most that computing every window over the rows held would hold. */
  private long peakBytes(long held, BatchBuffer used) {
    long peak = 0;
    for (int w = 0; w < windows.size(); w++) {
      peak = Math.max(peak, evaluationBytes(held, used.memoryBytes(), used.size(), w));
    }
    return peak;
  }

  /** The spilling sort's order: the common partition keys, then the first window's ORDER BY. */
  private List<RelFieldCollation> sortOrder() {
    List<RelFieldCollation> order = new ArrayList<>();
    Set<Integer> keys = new HashSet<>();
    for (int k : commonKeys) {
      order.add(new RelFieldCollation(k));
      keys.add(k);
    }
    for (RelFieldCollation f : windows.get(0).order()) {
      if (keys.add(f.getFieldIndex())) {
        order.add(f);
      }
    }
    return order;
  }

  /**
   * The partition keys every window has, ascending (each window's partitions lie within one partition of them; none
   * when a window has no PARTITION BY).
   */
  public static int[] commonPartitionKeys(List<Window> windows) {
    Set<Integer> common = null;
    for (Window w : windows) {
      Set<Integer> keys = new TreeSet<>();
      for (int k : w.partitionKeys()) {
        keys.add(k);
      }
      if (common == null) {
        common = keys;
      } else {
        common.retainAll(keys);
      }
    }
    return common == null ? new int[0] : common.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Each row's partition as a dense id (hashing the partition keys, no sort); all 0 without PARTITION BY. */
  private static int[] partitionIds(Window w, Column[] columns, int n) {
    if (w.partitionKeys().length == 0) {
      return new int[n];
    }
    return new GroupTable(w.partitionKeys()).groupIds(new Batch(n, columns));
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

  /** Input batches with the windows' result columns appended, in input order. */
  private static final class WindowedRows {
    private final List<Batch> batches;
    private final List<Column> results;
    private int batch;
    private int offset;

    WindowedRows(List<Batch> batches, List<Column> results) {
      this.batches = batches;
      this.results = results;
    }

    Batch next() {
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
  }

  @Override
  public void close() {
    output = null;
    try {
      if (partitions != null) {
        partitions.close();
      } else {
        input.close();
      }
    } finally {
      memory.close();
    }
  }
}
