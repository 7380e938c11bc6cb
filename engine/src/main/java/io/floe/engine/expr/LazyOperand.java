package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import org.apache.calcite.rel.type.RelDataType;

/**
 * An operand evaluated only on some rows of a batch (the rows an earlier CASE condition, AND/OR operand or
 * COALESCE operand left undecided): only the input columns it reads are selected.
 */
record LazyOperand(VectorExpr expr, int[] inputs, RelDataType type) {
  /** The operand on rows {@code rows[0..count)} of {@code batch}. */
  Column evalOn(Batch batch, int[] rows, int count) {
    if (count == batch.size()) {
      return expr.eval(batch);
    }
    Column[] columns = new Column[batch.width()];
    for (int c : inputs) {
      columns[c] = batch.column(c).select(rows, count);
    }
    return expr.eval(new Batch(count, columns));
  }
}
