package io.floe.engine.exec;

/**
 * One column of a {@link Batch}: typed primitive storage ({@link LongColumn}, {@link DoubleColumn},
 * {@link BoolColumn}, {@link BytesColumn}) that kernels loop over directly, or boxed values ({@link ObjectColumn})
 * for what has no kernel. {@link #get(int)} returns a value in the engine's representation
 * ({@link io.floe.engine.expr.Values}) whatever the storage.
 */
public interface Column {
  int size();

  boolean isNull(int row);

  /** Row {@code row}'s value in the engine's representation, null for SQL NULL. */
  Object get(int row);

  /** The rows at {@code rows[0..count)}, in that order. */
  Column select(int[] rows, int count);

  /** Approximate bytes of memory this column holds, for the query's memory accounting. */
  long memoryBytes();

  /** The values boxed, one per row. */
  default Object[] toArray() {
    Object[] out = new Object[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = get(i);
    }
    return out;
  }
}
