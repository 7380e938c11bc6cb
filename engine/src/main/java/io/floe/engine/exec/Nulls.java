package io.floe.engine.exec;

/** Validity as a {@code boolean[]} of nulls, where null means "no nulls": the helpers typed columns share. */
public final class Nulls {
  private Nulls() {
  }

  /**
   * Removes the rows that are null from the selection {@code rows[0..count)}, keeping the order; returns how many
   * remain. Selection filters test a row's value without looking at its null flag, then call this.
   */
  public static int dropNullRows(boolean[] nulls, int[] rows, int count) {
    if (nulls == null) {
      return count;
    }
    int out = 0;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      rows[out] = row;
      out += nulls[row] ? 0 : 1;
    }
    return out;
  }

  /** The null flags of the selected rows (null when there are none). */
  public static boolean[] select(boolean[] nulls, int[] rows, int count) {
    if (nulls == null) {
      return null;
    }
    boolean[] out = new boolean[count];
    boolean any = false;
    for (int i = 0; i < count; i++) {
      out[i] = nulls[rows[i]];
      any |= out[i];
    }
    return any ? out : null;
  }

  /** Rows null in either input (null when there are none). */
  public static boolean[] union(boolean[] a, boolean[] b, int n) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = a[i] || b[i];
    }
    return out;
  }

  /** Rows of {@code batch} null in any of the columns {@code columns} (null when there are none). */
  static boolean[] inAny(Batch batch, int[] columns) {
    boolean[] out = null;
    for (int c : columns) {
      out = union(out, mask(batch.column(c)), batch.size());
    }
    return out;
  }

  /** Which rows of {@code column} are NULL (null when none is): typed columns' own flags, others' computed. */
  static boolean[] mask(Column column) {
    if (column instanceof NullableColumn nullable) {
      return nullable.nulls();
    }
    boolean[] nulls = new boolean[column.size()];
    for (int r = 0; r < nulls.length; r++) {
      nulls[r] = column.isNull(r);
    }
    return nulls;
  }

  static long bytes(boolean[] nulls) {
    return nulls == null ? 0 : 16L + nulls.length;
  }
}
