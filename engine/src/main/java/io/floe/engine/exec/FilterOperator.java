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
      int[] rows = selection(condition.eval(batch));
      int count = rows.length;
      if (count == batch.size()) {
        return batch;
      }
      if (count > 0) {
        return batch.select(rows, count);
      }
    }
    return null;
  }

  /** The rows where {@code condition} is TRUE. */
  static int[] selection(Column condition) {
    int n = condition.size();
    int[] rows = new int[n];
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
    return count == n ? rows : java.util.Arrays.copyOf(rows, count);
  }

  @Override
  public void close() {
    input.close();
  }
}
