package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import org.apache.calcite.rex.RexNode;

/**
 * A compiled WHERE condition that narrows a selection of rows: it keeps the rows where the condition is TRUE (FALSE
 * and NULL drop the row), so no boolean column is built for the condition as a whole. Compiled by
 * {@link FilterCompiler}.
 */
@FunctionalInterface
public interface RowFilter {
  /**
   * Keeps, in their order at the front of {@code rows}, the rows among {@code rows[0..count)} (indexes into
   * {@code batch}, increasing) where the condition is TRUE; returns how many.
   */
  int select(Batch batch, int[] rows, int count);

  /**
   * Whether the next {@link #select} reads the batch's columns; false when it keeps every row without reading them
   * (a join key filter not ready yet or given up), so a scan need not decode the columns it alone would read.
   */
  default boolean readsColumns() {
    return true;
  }

  /**
   * One conjunct of a WHERE condition, compiled, and the input columns it reads: the conjuncts of a condition are
   * applied one after another, each on the rows the ones before kept. {@code cheap}: a number or date compared with
   * constants, a test that costs less per row than hashing it. {@code condition}: the conjunct compiled, or null
   * for a test that is no condition of the query's (a join key filter).
   */
  record Conjunct(RowFilter filter, int[] columns, boolean cheap, RexNode condition) {
  }
}
