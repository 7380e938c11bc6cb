package io.floe.engine.exec;

/** A column of SQL booleans: TRUE, FALSE or NULL (three-valued). */
public final class BoolColumn extends NullableColumn {
  private final boolean[] values;

  public BoolColumn(boolean[] values, boolean[] nulls, int size) {
    super(nulls, size);
    this.values = values;
  }

  public boolean[] values() {
    return values;
  }

  /** Whether row {@code row} is TRUE (not FALSE, not NULL). */
  public boolean isTrue(int row) {
    return values[row] && !isNull(row);
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : values[row];
  }

  @Override
  public Column select(int[] rows, int count) {
    boolean[] out = new boolean[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[rows[i]];
    }
    return new BoolColumn(out, Nulls.select(nulls, rows, count), count);
  }

  @Override
  public long memoryBytes() {
    return 16L + values.length + Nulls.bytes(nulls);
  }
}
