package io.floe.engine.exec;

/** Validity as a {@code boolean[]} of nulls, where null means "no nulls": the helpers typed columns share. */
public final class Nulls {
  private Nulls() {
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

  static long bytes(boolean[] nulls) {
    return nulls == null ? 0 : 16L + nulls.length;
  }
}
