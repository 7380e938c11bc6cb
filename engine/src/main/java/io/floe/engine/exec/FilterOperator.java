package io.floe.engine.exec;

import io.floe.engine.expr.VectorExpr;

/** Keeps the rows whose condition is TRUE (not FALSE, not NULL). */
public final class FilterOperator implements Operator {
  private final Operator input;
  private final VectorExpr condition;

  public FilterOperator(Operator input, VectorExpr condition) {
    this.input = input;
    this.condition = condition;
  }

  @Override
  public Batch next() {
    Batch batch;
    while ((batch = input.next()) != null) {
      Column keep = condition.eval(batch);
      int[] rows = new int[keep.size()];
      int count = selection(keep, rows);
      if (count == batch.size()) {
        return batch;
      }
      if (count > 0) {
        return batch.select(rows, count);
      }
    }
    return null;
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
