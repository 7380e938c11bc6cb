package io.floe.engine.exec;

import java.util.Arrays;

/** A stable merge sort of row indexes by a {@link RowComparator.IndexComparator} (no boxing). */
public final class IndexSort {
  private static final int INSERTION = 24;

  private IndexSort() {
  }

  /** 0, 1, ..., n-1 sorted by {@code order}. */
  public static int[] sorted(int n, RowComparator.IndexComparator order) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    sort(rows, n, order);
    return rows;
  }

  /** Sorts {@code rows[0..n)} by {@code order}, keeping the order of equal rows. */
  public static void sort(int[] rows, int n, RowComparator.IndexComparator order) {
    if (n < 2) {
      return;
    }
    int[] buffer = rows.clone();
    mergeSort(buffer, rows, 0, n, order);
  }

  /** Sorts {@code rows[from..to)} by {@code order}, keeping the order of equal rows. */
  public static void sort(int[] rows, int from, int to, RowComparator.IndexComparator order) {
    if (to - from < 2) {
      return;
    }
    int[] part = Arrays.copyOfRange(rows, from, to);
    sort(part, part.length, order);
    System.arraycopy(part, 0, rows, from, part.length);
  }

  /** Sorts {@code from[lo..hi)} into {@code to[lo..hi)} ({@code from} and {@code to} hold the same values). */
  private static void mergeSort(int[] from, int[] to, int lo, int hi, RowComparator.IndexComparator order) {
    if (hi - lo <= INSERTION) {
      for (int i = lo + 1; i < hi; i++) {
        int v = to[i];
        int j = i - 1;
        while (j >= lo && order.compare(to[j], v) > 0) {
          to[j + 1] = to[j];
          j--;
        }
        to[j + 1] = v;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(to, from, lo, mid, order);
    mergeSort(to, from, mid, hi, order);
    if (order.compare(from[mid - 1], from[mid]) <= 0) {
      System.arraycopy(from, lo, to, lo, hi - lo);
      return;
    }
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (j >= hi || i < mid && order.compare(from[i], from[j]) <= 0) {
        to[k] = from[i++];
      } else {
        to[k] = from[j++];
      }
    }
  }
}
