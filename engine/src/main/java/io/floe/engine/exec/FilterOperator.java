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
      Object[] keep = condition.eval(batch);
      int[] rows = new int[batch.size()];
      int count = 0;
      for (int i = 0; i < keep.length; i++) {
        if (Boolean.TRUE.equals(keep[i])) {
          rows[count++] = i;
        }
      }
      if (count == batch.size()) {
        return batch;
      }
      if (count > 0) {
        return batch.select(rows, count);
      }
    }
    return null;
  }

  @Override
  public void close() {
    input.close();
  }
}
