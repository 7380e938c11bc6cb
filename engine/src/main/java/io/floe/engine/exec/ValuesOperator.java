package io.floe.engine.exec;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A constant relation given by its rows, returned as one batch of typed columns: strings as UTF-8
 * {@link BytesColumn}s, other values packed by {@link Columns#pack} (longs, doubles, booleans; boxed when mixed).
 */
public final class ValuesOperator implements Operator {
  private final List<Object[]> rows;
  private final int width;
  private boolean done;

  public ValuesOperator(List<Object[]> rows, int width) {
    this.rows = List.copyOf(rows);
    this.width = width;
  }

  @Override
  public Batch next() {
    if (done || rows.isEmpty()) {
      return null;
    }
    done = true;
    int n = rows.size();
    Column[] columns = new Column[width];
    for (int c = 0; c < width; c++) {
      Object[] values = new Object[n];
      for (int r = 0; r < n; r++) {
        values[r] = rows.get(r)[c];
      }
      columns[c] = column(values);
    }
    return new Batch(n, columns);
  }

  private static Column column(Object[] values) {
    boolean strings = false;
    for (Object v : values) {
      if (v != null && !(v instanceof String)) {
        return Columns.pack(values);
      }
      strings |= v != null;
    }
    if (!strings) {
      return Columns.pack(values);
    }
    byte[][] bytes = new byte[values.length][];
    int total = 0;
    for (int r = 0; r < values.length; r++) {
      bytes[r] = values[r] == null ? new byte[0] : ((String) values[r]).getBytes(StandardCharsets.UTF_8);
      total += bytes[r].length;
    }
    byte[] data = new byte[total];
    int[] starts = new int[values.length];
    int[] lengths = new int[values.length];
    boolean[] nulls = null;
    int at = 0;
    for (int r = 0; r < values.length; r++) {
      System.arraycopy(bytes[r], 0, data, at, bytes[r].length);
      starts[r] = at;
      lengths[r] = bytes[r].length;
      at += bytes[r].length;
      if (values[r] == null) {
        nulls = nulls == null ? new boolean[values.length] : nulls;
        nulls[r] = true;
      }
    }
    return new BytesColumn(data, starts, lengths, nulls, values.length, true);
  }

  @Override
  public void close() {
    done = true;
  }
}
