package io.floe.engine.dml;

import io.floe.engine.parser.SqlMergeWhen;

/**
 * One WHEN clause of a MERGE as its queries ({@link MergeQueries}) compute it: its action and, for UPDATE and INSERT,
 * the target columns written and the query's value columns that hold their values.
 */
record MergeClause(SqlMergeWhen.Action action, int[] columns, int[] values) {
  /** The index of the clause a row chose: none (no condition held). */
  static final int NONE = -1;

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

  /** The clause each row of {@code choices} (an integer column, NULL read as none) chose. */
  static int[] chosen(io.floe.engine.exec.Column choices) {
    int[] chosen = new int[choices.size()];
    for (int r = 0; r < chosen.length; r++) {
      Object k = choices.get(r);
      chosen[r] = k == null ? NONE : ((Number) k).intValue();
    }
    return chosen;
  }
}
