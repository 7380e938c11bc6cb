package io.floe.engine.exec;

/**
 * The rows of many batches gathered into one typed column per field ({@link ColumnBuilder}): what sort and window
 * operators buffer before they reorder rows.
 */
final class BatchBuffer {
  private ColumnBuilder[] builders;
  private int rows;

  /** Appends every row of {@code batch}. */
  void add(Batch batch) {
    if (builders == null) {
      builders = new ColumnBuilder[batch.width()];
      for (int c = 0; c < builders.length; c++) {
        builders[c] = new ColumnBuilder();
      }
    }
    for (int c = 0; c < builders.length; c++) {
      builders[c].appendAll(batch.column(c));
    }
    rows += batch.size();
  }

  /** Appends the given columns (all of the same length). */
  void add(Column[] columns, int size) {
    add(new Batch(size, columns));
  }

  int size() {
    return rows;
  }

  /** Whether no batch was added (the width is unknown). */
  boolean isEmpty() {
    return builders == null;
  }

  /** The columns of all rows added (empty when nothing was added). */
  Column[] columns() {
    if (builders == null) {
      return new Column[0];
    }
    Column[] out = new Column[builders.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = builders[c].build();
    }
    return out;
  }

  /** Approximate bytes held. */
  long memoryBytes() {
    long bytes = 0;
    if (builders != null) {
      for (ColumnBuilder b : builders) {
        bytes += b.memoryBytes();
      }
    }
    return bytes;
  }
}
