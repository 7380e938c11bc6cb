package io.floe.engine.exec;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * The rows of one window laid out by position: grouped by partition (a counting sort of the partition ids), then,
 * when the functions need it, sorted within each partition by the ORDER BY keys (a stable sort, so peers keep
 * their input order). The columns the window reads are permuted into that layout ({@link #columns}), so the sort's
 * comparisons and the functions' loops read contiguous memory rather than jumping across the input; the functions
 * compute by position and {@link #toInputOrder} scatters each result back once.
 */
final class WindowPositions {
  private final int n;
  /** {@code rows[p]}: the input row at position p. */
  private final int[] rows;
  private final Column[] columns;
  private final int[] partitionEnd;
  private final int[] peerStart;
  private final int[] peerEnd;
  /** {@code positionOfRow[r]}: the position of input row r (computed on first use). */
  private int[] positionOfRow;

  private WindowPositions(int n, int[] rows, Column[] columns, int[] partitionEnd, int[] peerStart, int[] peerEnd) {
    this.n = n;
    this.rows = rows;
    this.columns = columns;
    this.partitionEnd = partitionEnd;
    this.peerStart = peerStart;
    this.peerEnd = peerEnd;
  }

  /**
   * Lays out the {@code n} rows of {@code columns} (input columns by field; only the fields in {@code read} are
   * permuted) by partition ({@code partitionIds}, dense from 0) and, when {@code sort}, by {@code order} within each;
   * without the sort all rows of a partition are peers.
   */
  static WindowPositions of(Column[] columns, int[] read, int[] partitionIds, List<RelFieldCollation> order,
      boolean sort, int n) {
    int[] rows = partitionOrder(partitionIds, n);
    int[] partitionEnd = new int[n];
    for (int from = 0, to; from < n; from = to) {
      int id = partitionIds[rows[from]];
      to = from + 1;
      while (to < n && partitionIds[rows[to]] == id) {
        to++;
      }
      Arrays.fill(partitionEnd, from, to, to);
    }
    int[] peerStart = new int[n];
    int[] peerEnd = new int[n];
    if (!sort) {
      for (int from = 0; from < n; from = partitionEnd[from]) {
        Arrays.fill(peerStart, from, partitionEnd[from], from);
        Arrays.fill(peerEnd, from, partitionEnd[from], partitionEnd[from]);
      }
      return new WindowPositions(n, rows, permute(columns, read, rows, n), partitionEnd, peerStart, peerEnd);
    }
    // the sort reads the ORDER BY keys laid out by partition, typed as longs where they can be
    int[] keyFields = order.stream().mapToInt(RelFieldCollation::getFieldIndex).distinct().toArray();
    Column[] grouped = permute(columns, keyFields, rows, n);
    WindowKeys keys = WindowKeys.of(grouped, order, n);
    RowComparator.IndexComparator byOrder = keys == null ? RowComparator.of(grouped, order) : null;
    int[] sorted = identity(n);
    for (int from = 0; from < n; from = partitionEnd[from]) {
      if (keys != null) {
        keys.sort(sorted, from, partitionEnd[from]);
      } else {
        IndexSort.sort(sorted, from, partitionEnd[from], byOrder);
      }
    }
    for (int from = 0; from < n; from = partitionEnd[from]) {
      int to = partitionEnd[from];
      int peer = from;
      for (int i = from + 1; i <= to; i++) {
        boolean peers = i < to && (keys != null ? keys.compare(sorted[i - 1], sorted[i])
            : byOrder.compare(sorted[i - 1], sorted[i])) == 0;
        if (!peers) {
          Arrays.fill(peerStart, peer, i, peer);
          Arrays.fill(peerEnd, peer, i, i);
          peer = i;
        }
      }
    }
    int[] sortedRows = new int[n];
    for (int p = 0; p < n; p++) {
      sortedRows[p] = rows[sorted[p]];
    }
    return new WindowPositions(n, sortedRows, permute(columns, read, sortedRows, n), partitionEnd, peerStart,
        peerEnd);
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

  /** The fields {@code read} of {@code columns} with row {@code rows[p]} at p (other fields null). */
  private static Column[] permute(Column[] columns, int[] read, int[] rows, int n) {
    Column[] out = new Column[columns.length];
    for (int field : read) {
      out[field] = columns[field].select(rows, n);
    }
    return out;
  }

  /** 0, 1, ..., n - 1. */
  static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  /** The read columns by position (other fields null). */
  Column[] columns() {
    return columns;
  }

  /** The end of each position's partition. */
  int[] partitionEnd() {
    return partitionEnd;
  }

  /** The first position of each position's peer group. */
  int[] peerStart() {
    return peerStart;
  }

  /** The end of each position's peer group. */
  int[] peerEnd() {
    return peerEnd;
  }

  /** A column computed by position, in input row order. */
  Column toInputOrder(Column byPosition) {
    if (positionOfRow == null) {
      positionOfRow = new int[n];
      for (int p = 0; p < n; p++) {
        positionOfRow[rows[p]] = p;
      }
    }
    return byPosition.select(positionOfRow, n);
  }
}
