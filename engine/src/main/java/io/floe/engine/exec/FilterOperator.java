package io.floe.engine.exec;

import io.floe.engine.expr.RowFilter;

/**
 * Keeps the rows whose condition is TRUE (not FALSE, not NULL): the condition narrows a selection vector, then the
 * kept rows of the output columns are gathered once.
 */
public final class FilterOperator implements Operator {
  private final Operator input;
  private final RowFilter condition;
  private final int[] outputColumns;
  private int[] rows = new int[0];

  public FilterOperator(Operator input, RowFilter condition) {
    this(input, condition, null);
  }

  /**
   * A filter whose output has only the input columns {@code outputColumns}, in that order (null: all), so columns
   * only the condition reads are never gathered.
   */
  public FilterOperator(Operator input, RowFilter condition, int[] outputColumns) {
    this.input = input;
    this.condition = condition;
    this.outputColumns = outputColumns == null ? null : outputColumns.clone();
  }

  @Override
  public Batch next() {
    Batch batch;
    while ((batch = input.next()) != null) {
      int n = batch.size();
      if (rows.length < n) {
        rows = new int[n];
      }
      for (int i = 0; i < n; i++) {
        rows[i] = i;
      }
      int count = n == 0 ? 0 : condition.select(batch, rows, n);
      if (count == n) {
        return outputColumns == null ? batch : new Batch(n, outputs(batch));
      }
      if (count > 0) {
        Column[] kept = outputs(batch);
        for (int c = 0; c < kept.length; c++) {
          kept[c] = kept[c].select(rows, count);
        }
        return new Batch(count, kept);
      }
    }
    return null;
  }

  /** The batch's output columns, in a new array (the columns themselves are not copied). */
  private Column[] outputs(Batch batch) {
    if (outputColumns == null) {
      return batch.vectors().clone();
    }
    Column[] columns = new Column[outputColumns.length];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = batch.column(outputColumns[c]);
    }
    return columns;
  }

  /** Writes the rows where {@code condition} is TRUE to the start of {@code rows}; returns how many. */
  static int selection(Column condition, int[] rows) {
    int n = condition.size();
    int count = 0;
    if (condition instanceof BoolColumn b) {
      boolean[] values = b.values();
      boolean[] nulls = b.nulls();
      for (int i = 0; i < n; i++) {
        if (values[i] && (nulls == null || !nulls[i])) {
          rows[count++] = i;
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (Boolean.TRUE.equals(condition.get(i))) {
          rows[count++] = i;
        }
      }
    }
    return count;
  }

  @Override
  public void close() {
    input.close();
  }
}
