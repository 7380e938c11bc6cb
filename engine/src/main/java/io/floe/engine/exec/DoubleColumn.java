package io.floe.engine.exec;

/** A column of doubles (REAL, FLOAT, DOUBLE). */
public final class DoubleColumn extends NullableColumn {
  private final double[] values;

  public DoubleColumn(double[] values, boolean[] nulls, int size) {
    super(nulls, size);
    this.values = values;
  }

  public double[] values() {
    return values;
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : values[row];
  }

  @Override
  public Column select(int[] rows, int count) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[rows[i]];
    }
    return new DoubleColumn(out, Nulls.select(nulls, rows, count), count);
  }

  @Override
  public long memoryBytes() {
    return 16L + 8L * values.length + Nulls.bytes(nulls);
  }
}
