package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * A window's ORDER BY keys as longs whose ascending order is the keys' order: integers, dates, times and decimals
 * as they are, doubles by their sortable bits (-0.0 equal to 0.0, NaN above all), booleans as 0 and 1, descending
 * keys complemented, and a key column's NULLs as a key of their own placed before its values. Rows then sort and
 * compare as peers in typed loops, without comparator objects.
 */
final class WindowKeys {
  private static final int INSERTION = 16;

  private final long[][] keys;

  private WindowKeys(long[][] keys) {
    this.keys = keys;
  }

  /** The keys of {@code order} over the {@code n} rows of {@code columns}, or null when one is not a number. */
  static WindowKeys of(Column[] columns, List<RelFieldCollation> order, int n) {
    List<long[]> keys = new ArrayList<>();
    for (RelFieldCollation f : order) {
      Column c = columns[f.getFieldIndex()];
      long[] values;
      if (c instanceof LongColumn l) {
        values = Arrays.copyOf(l.values(), n);
      } else if (c instanceof DoubleColumn d) {
        values = new long[n];
        for (int r = 0; r < n; r++) {
          values[r] = sortable(d.values()[r]);
        }
      } else if (c instanceof BoolColumn b) {
        values = new long[n];
        for (int r = 0; r < n; r++) {
          values[r] = b.values()[r] ? 1 : 0;
        }
      } else {
        return null;
      }
      boolean[] nulls = ((NullableColumn) c).nulls();
      if (nulls != null) {
        // NULLs before or after the values, whatever their direction
        long nullRank = RowComparator.nullsFirst(f) ? 0 : 1;
        long[] rank = new long[n];
        for (int r = 0; r < n; r++) {
          rank[r] = nulls[r] ? nullRank : 1 - nullRank;
          values[r] = nulls[r] ? 0 : values[r];
        }
        keys.add(rank);
      }
      if (f.direction.isDescending()) {
        for (int r = 0; r < n; r++) {
          values[r] = ~values[r];
        }
      }
      keys.add(values);
    }
    return new WindowKeys(keys.toArray(new long[0][]));
  }

  /** A long whose order is the SQL order of doubles (-0.0 equal to 0.0, NaN above all). */
  static long sortable(double value) {
    long bits = Double.doubleToLongBits(value + 0.0);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** Rows a and b in key order (0: peers). */
  int compare(int a, int b) {
    for (long[] key : keys) {
      int c = Long.compare(key[a], key[b]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * Sorts the rows {@code rows[from..to)} by the keys, keeping the order of peers: insertion sort of short runs,
   * then runs merged pairwise through a buffer until one is left.
   */
  void sort(int[] rows, int from, int to) {
    if (to - from <= INSERTION) {
      insertionSort(rows, from, to);
      return;
    }
    int m = to - from;
    int[] source = Arrays.copyOfRange(rows, from, to);
    for (int run = 0; run < m; run += INSERTION) {
      insertionSort(source, run, Math.min(m, run + INSERTION));
    }
    int[] target = new int[m];
    for (int width = INSERTION; width < m; width *= 2) {
      for (int lo = 0; lo < m; lo += 2 * width) {
        int mid = Math.min(m, lo + width);
        int hi = Math.min(m, lo + 2 * width);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          target[k] = j >= hi || i < mid && compare(source[i], source[j]) <= 0 ? source[i++] : source[j++];
        }
      }
      int[] swap = source;
      source = target;
      target = swap;
    }
    System.arraycopy(source, 0, rows, from, m);
  }

  private void insertionSort(int[] rows, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int row = rows[i];
      int j = i - 1;
      while (j >= from && compare(rows[j], row) > 0) {
        rows[j + 1] = rows[j];
        j--;
      }
      rows[j + 1] = row;
    }
  }
}
