package io.floe.engine.exec;

import java.math.BigDecimal;

/** A column of boxed engine values, for types and results without a typed column. */
public final class ObjectColumn implements Column {
  private final Object[] values;

  public ObjectColumn(Object[] values) {
    this.values = values;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isNull(int row) {
    return values[row] == null;
  }

  @Override
  public Object get(int row) {
    return values[row];
  }

  @Override
  public Column select(int[] rows, int count) {
    Object[] out = new Object[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[rows[i]];
    }
    return new ObjectColumn(out);
  }

  @Override
  public long memoryBytes() {
    long bytes = 16L + 8L * values.length;
    for (Object v : values) {
      if (v instanceof String s) {
        bytes += 40 + s.length();
      } else if (v instanceof BigDecimal) {
        bytes += 64;
      } else if (v instanceof byte[] b) {
        bytes += 16 + b.length;
      } else if (v != null) {
        bytes += 16;
      }
    }
    return bytes;
  }

  @Override
  public Object[] toArray() {
    return values.clone();
  }
}
