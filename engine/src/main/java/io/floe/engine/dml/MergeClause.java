package io.floe.engine.dml;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.expr.VectorExpr;
import io.floe.engine.parser.SqlMergeWhen;
import java.util.Arrays;
import java.util.List;

/**
 * One compiled WHEN clause of a MERGE: its action, its extra condition (null when it has none) and, for UPDATE and
 * INSERT, the target columns written and their values; all evaluated over rows of (target columns, source
 * columns), the target columns NULL for WHEN NOT MATCHED clauses.
 */
record MergeClause(SqlMergeWhen.Action action, VectorExpr condition, int[] columns, VectorExpr[] values) {
  static final int NONE = -1;

  /**
   * For each row of {@code rows}, the index of the first of {@code clauses} whose condition holds, or {@link #NONE}.
   * A clause's condition is evaluated only over the rows no earlier clause took.
   */
  static int[] choose(List<MergeClause> clauses, Batch rows) {
    int[] chosen = new int[rows.size()];
    Arrays.fill(chosen, NONE);
    int[] open = new int[rows.size()];
    for (int r = 0; r < open.length; r++) {
      open[r] = r;
    }
    int openCount = open.length;
    for (int k = 0; k < clauses.size() && openCount > 0; k++) {
      VectorExpr condition = clauses.get(k).condition();
      Column holds = condition == null ? null : condition.eval(rows.select(open, openCount));
      int stillOpen = 0;
      for (int i = 0; i < openCount; i++) {
        if (holds == null || ConditionRows.isTrue(holds, i)) {
          chosen[open[i]] = k;
        } else {
          open[stillOpen++] = open[i];
        }
      }
      openCount = stillOpen;
    }
    return chosen;
  }

  /** The indexes of the rows that chose clause {@code k}, and their count in element 0 of {@code count}. */
  static int[] rowsChoosing(int[] chosen, int k, int[] count) {
    int[] rows = new int[chosen.length];
    int n = 0;
    for (int r = 0; r < chosen.length; r++) {
      if (chosen[r] == k) {
        rows[n++] = r;
      }
    }
    count[0] = n;
    return rows;
  }
}
