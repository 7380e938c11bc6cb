package io.floe.parquet;

import org.apache.arrow.vector.FieldVector;

/**
 * A batch of one file's rows whose columns are decoded when first asked for, and then only for the rows asked for:
 * a scan that filters rows decodes the columns its filter reads first and the others only for the rows the filter
 * keeps ({@link ParquetBatchIterator#nextLazy()}). Columns are asked for before the iterator moves on (its next
 * {@code hasNext} or {@code next}); those never asked for are passed over without being decoded. Closing the batch
 * frees its vectors.
 */
public interface LazyBatch extends AutoCloseable {
  /** The batch's rows. */
  int rows();

  /**
   * The column named {@code name} with the values of rows {@code rows[0..count)} (increasing) decoded at their own
   * positions, or of every row when {@code rows} is null; the other rows are null. A column is decoded once: asked
   * for again, it is the same vector (ask first for the widest set of rows).
   */
  FieldVector column(String name, int[] rows, int count);

  @Override
  void close();
}
