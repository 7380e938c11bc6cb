package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Cuts an input sorted by partition keys into pieces of whole partitions: each piece ends where the last partition
 * of the batches read so far begins, so it holds the partitions completed by one input batch (or one partition
 * spanning several batches). The rows of the unfinished partition are held on the operator's {@link MemoryAccount}:
 * a partition that does not fit fails with 53200 naming the operator.
 */
final class SortedPartitions implements AutoCloseable {
  private final Operator sorted;
  /** The partition keys (ascending; only equality matters). */
  private final List<RelFieldCollation> keys;
  private final MemoryAccount memory;
  private List<Batch> pending = new ArrayList<>();
  private long pendingBytes;

  SortedPartitions(Operator sorted, int[] partitionKeys, MemoryAccount memory) {
    this.sorted = sorted;
    List<RelFieldCollation> byKeys = new ArrayList<>();
    for (int k : partitionKeys) {
      byKeys.add(new RelFieldCollation(k));
    }
    this.keys = List.copyOf(byKeys);
    this.memory = memory;
  }

  /** The next rows of whole partitions, in order, as batches; null after the last. */
  List<Batch> next() {
    Batch b;
    while ((b = sorted.next()) != null) {
      Cancellation.check();
      if (b.size() == 0) {
        continue;
      }
      int lastStart = lastPartitionStart(b);
      if (lastStart > 0) {
        List<Batch> done = take();
        done.add(slice(b, 0, lastStart));
        hold(slice(b, lastStart, b.size()));
        return done;
      }
      if (!pending.isEmpty() && !samePartition(last(pending), last(pending).size() - 1, b, 0)) {
        List<Batch> done = take();
        hold(b);
        return done;
      }
      hold(b);
    }
    return pending.isEmpty() ? null : take();
  }

  /** Where the partition of the last row of {@code b} begins in {@code b} (0: at or before its first row). */
  private int lastPartitionStart(Batch b) {
    int end = b.size() - 1;
    int start = end;
    while (start > 0 && samePartition(b, start - 1, b, end)) {
      start--;
    }
    return start;
  }

  /** The memory of the rows read but not yet returned (those of the unfinished partition). */
  long pendingBytes() {
    return pendingBytes;
  }

  private boolean samePartition(Batch a, int i, Batch b, int j) {
    return RowComparator.compare(a.vectors(), i, b.vectors(), j, keys) == 0;
  }

  private void hold(Batch b) {
    pending.add(b);
    pendingBytes += b.memoryBytes();
    memory.hold(pendingBytes);
  }

  /** The pending batches, no longer held. */
  private List<Batch> take() {
    List<Batch> out = pending;
    pending = new ArrayList<>();
    pendingBytes = 0;
    return out;
  }

  private static Batch last(List<Batch> batches) {
    return batches.get(batches.size() - 1);
  }

  private static Batch slice(Batch b, int from, int to) {
    Column[] columns = new Column[b.width()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = Gather.range(b.column(c), from, to);
    }
    return new Batch(to - from, columns);
  }

  @Override
  public void close() {
    pending.clear();
    sorted.close();
  }
}
