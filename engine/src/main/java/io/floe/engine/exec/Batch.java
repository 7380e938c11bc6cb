package io.floe.engine.exec;

import java.util.List;

/**
 * A batch of rows in columnar layout: one {@link Column} per field, typed (primitive arrays the kernels loop over)
 * where the type allows. {@link #row(int)}, {@link #ofRows(List, int)} and {@link #columns()} are row-at-a-time
 * helpers for operators that are not vectorized.
 */
public final class Batch {
  private final int size;
  private final Column[] columns;

  public Batch(int size, Column[] columns) {
    this.size = size;
    this.columns = columns;
  }

  /** A batch over boxed columns: {@code columns[c][r]} is row r of column c. */
  public static Batch ofArrays(int size, Object[][] columns) {
    Column[] cols = new Column[columns.length];
    for (int c = 0; c < columns.length; c++) {
      cols[c] = new ObjectColumn(columns[c]);
    }
    return new Batch(size, cols);
  }

  /** An empty batch with {@code width} columns. */
  public static Batch empty(int width) {
    Column[] cols = new Column[width];
    for (int c = 0; c < width; c++) {
      cols[c] = new ObjectColumn(new Object[0]);
    }
    return new Batch(0, cols);
  }

  public int size() {
    return size;
  }

  public int width() {
    return columns.length;
  }

  /** Column {@code c}. */
  public Column column(int c) {
    return columns[c];
  }

  /** The columns (the array is the batch's own: do not modify it). */
  public Column[] vectors() {
    return columns;
  }

  /** Every column boxed: {@code columns()[c][r]} is row r of column c (a slow helper). */
  public Object[][] columns() {
    Object[][] out = new Object[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      out[c] = columns[c].toArray();
    }
    return out;
  }

  /** The rows at {@code rows} (indices into this batch), in that order. */
  public Batch select(int[] rows, int count) {
    Column[] out = new Column[columns.length];
    for (int c = 0; c < columns.length; c++) {
      out[c] = columns[c].select(rows, count);
    }
    return new Batch(count, out);
  }

  /** Row {@code r} as an array. */
  public Object[] row(int r) {
    Object[] row = new Object[columns.length];
    for (int c = 0; c < columns.length; c++) {
      row[c] = columns[c].get(r);
    }
    return row;
  }

  /** A batch of the given rows. */
  public static Batch ofRows(List<Object[]> rows, int width) {
    Column[] cols = new Column[width];
    for (int c = 0; c < width; c++) {
      Object[] values = new Object[rows.size()];
      for (int r = 0; r < values.length; r++) {
        values[r] = rows.get(r)[c];
      }
      cols[c] = Columns.pack(values);
    }
    return new Batch(rows.size(), cols);
  }

  /** Approximate bytes of memory the batch's columns hold. */
  public long memoryBytes() {
    long bytes = 0;
    for (Column c : columns) {
      bytes += c.memoryBytes();
    }
    return bytes;
  }
}
