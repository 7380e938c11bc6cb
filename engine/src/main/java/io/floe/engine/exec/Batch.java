package io.floe.engine.exec;

import java.util.List;

/**
 * A batch of rows in columnar layout: {@code columns[c][r]} is row r of column c, in the engine's value
 * representation (see {@link io.floe.engine.expr.Values}).
 */
public record Batch(int size, Object[][] columns) {

  /** An empty batch with {@code width} columns. */
  public static Batch empty(int width) {
    return new Batch(0, new Object[width][0]);
  }

  public int width() {
    return columns.length;
  }

  /** The rows at {@code rows} (indices into this batch), in that order. */
  public Batch select(int[] rows, int count) {
    Object[][] out = new Object[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      Object[] src = columns[c];
      Object[] dst = new Object[count];
      for (int i = 0; i < count; i++) {
        dst[i] = src[rows[i]];
      }
      out[c] = dst;
    }
    return new Batch(count, out);
  }

  /** Row {@code r} as an array. */
  public Object[] row(int r) {
    Object[] row = new Object[columns.length];
    for (int c = 0; c < columns.length; c++) {
      row[c] = columns[c][r];
    }
    return row;
  }

  /** A batch of the given rows. */
  public static Batch ofRows(List<Object[]> rows, int width) {
    Object[][] cols = new Object[width][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = rows.get(r);
      for (int c = 0; c < width; c++) {
        cols[c][r] = row[c];
      }
    }
    return new Batch(rows.size(), cols);
  }
}
