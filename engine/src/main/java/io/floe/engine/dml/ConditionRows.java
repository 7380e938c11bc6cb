package io.floe.engine.dml;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.Column;

/** Reads a compiled condition's result (a typed boolean column from the kernels) row by row without boxing. */
final class ConditionRows {
  private ConditionRows() {
  }

  /** Whether {@code condition} is TRUE (not FALSE, not NULL) at {@code row}. */
  static boolean isTrue(Column condition, int row) {
    return condition instanceof BoolColumn b ? b.isTrue(row) : Boolean.TRUE.equals(condition.get(row));
  }
}
