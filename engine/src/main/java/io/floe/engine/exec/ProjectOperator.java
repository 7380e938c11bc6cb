package io.floe.engine.exec;

import io.floe.engine.expr.VectorExpr;
import java.util.List;

/** Computes one output column per expression. */
public final class ProjectOperator implements Operator {
  private final Operator input;
  private final List<VectorExpr> exprs;

  public ProjectOperator(Operator input, List<VectorExpr> exprs) {
    this.input = input;
    this.exprs = List.copyOf(exprs);
  }

  @Override
  public Batch next() {
    Batch batch = input.next();
    if (batch == null) {
      return null;
    }
    Column[] out = new Column[exprs.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = exprs.get(c).eval(batch);
    }
    return new Batch(batch.size(), out);
  }

  @Override
  public void close() {
    input.close();
  }
}
