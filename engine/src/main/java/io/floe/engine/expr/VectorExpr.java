package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;

/** A compiled scalar expression evaluated a whole batch at a time; the result has one value per row. */
@FunctionalInterface
public interface VectorExpr {
  Column eval(Batch batch);
}
