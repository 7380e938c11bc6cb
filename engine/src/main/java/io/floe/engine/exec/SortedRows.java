package io.floe.engine.exec;

/**
 * Rows of typed columns in the order of a permutation ({@code order[from..to)}), emitted in batches of at most
 * {@code batchRows} rows: a sort's output, or a sorted run on its way to a spill file.
 */
public final class SortedRows implements Operator {
  private final Column[] columns;
  private final int[] order;
  private final int end;
  private final int batchRows;
  private int position;

  public SortedRows(Column[] columns, int[] order, int from, int to, int batchRows) {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batch rows must be positive: " + batchRows);
    }
    this.columns = columns;
    this.order = order;
    this.position = from;
    this.end = to;
    this.batchRows = batchRows;
  }

  @Override
  public Batch next() {
    if (position >= end) {
      return null;
    }
    int to = Math.min(end, position + batchRows);
    int[] rows = new int[to - position];
    System.arraycopy(order, position, rows, 0, rows.length);
    Column[] out = new Column[columns.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = columns[c].select(rows, rows.length);
    }
    position = to;
    return new Batch(rows.length, out);
  }

  @Override
  public void close() {
    position = end;
  }
}
