package io.floe.engine.exec;

import java.util.Arrays;

/** Rows of a column picked by index into a column of the same type, where index -1 gives NULL. */
final class Gather {
  private Gather() {
  }

  /** Row {@code rows[i]} of {@code source} (NULL where it is -1) for i in 0..n-1. */
  static Column rows(Column source, int[] rows, int n) {
    boolean[] nulls = null;
    for (int i = 0; i < n; i++) {
      if (rows[i] < 0 || source.isNull(rows[i])) {
        nulls = nulls == null ? new boolean[n] : nulls;
        nulls[i] = true;
      }
    }
    if (source instanceof LongColumn l) {
      long[] v = l.values();
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = rows[i] < 0 ? 0 : v[rows[i]];
      }
      return new LongColumn(out, nulls, n, l.kind(), l.scale());
    }
    if (source instanceof DoubleColumn d) {
      double[] v = d.values();
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = rows[i] < 0 ? 0 : v[rows[i]];
      }
      return new DoubleColumn(out, nulls, n);
    }
    if (source instanceof BoolColumn b) {
      boolean[] v = b.values();
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = rows[i] >= 0 && v[rows[i]];
      }
      return new BoolColumn(out, nulls, n);
    }
    if (source instanceof BytesColumn s) {
      int[] starts = new int[n];
      int[] lengths = new int[n];
      for (int i = 0; i < n; i++) {
        if (rows[i] >= 0) {
          starts[i] = s.start(rows[i]);
          lengths[i] = s.length(rows[i]);
        }
      }
      return new BytesColumn(s.data(), starts, lengths, nulls, n, s.text());
    }
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      out[i] = rows[i] < 0 ? null : source.get(rows[i]);
    }
    return new ObjectColumn(out);
  }

  /** {@code count} NULLs typed like {@code like} (so the operators above keep their typed loops). */
  static Column nulls(Column like, int count) {
    int[] none = new int[count];
    Arrays.fill(none, -1);
    return rows(like, none, count);
  }

  /** Rows {@code from..to} of {@code source}. */
  static Column range(Column source, int from, int to) {
    if (source instanceof LongColumn l) {
      return new LongColumn(Arrays.copyOfRange(l.values(), from, to), nullRange(l.nulls(), from, to), to - from,
          l.kind(), l.scale());
    }
    if (source instanceof DoubleColumn d) {
      return new DoubleColumn(Arrays.copyOfRange(d.values(), from, to), nullRange(d.nulls(), from, to), to - from);
    }
    int[] rows = new int[to - from];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = from + i;
    }
    return source.select(rows, rows.length);
  }

  /** The null flags of rows {@code from..to} (null when there are none). */
  private static boolean[] nullRange(boolean[] nulls, int from, int to) {
    if (nulls == null) {
      return null;
    }
    for (int r = from; r < to; r++) {
      if (nulls[r]) {
        return Arrays.copyOfRange(nulls, from, to);
      }
    }
    return null;
  }
}
