package io.floe.engine.dml;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import io.floe.engine.parser.SqlMergeWhen;
import java.util.List;

/**
 * MERGE's WHEN MATCHED part over one batch of a target file's rows: the rows its matched query found
 * ({@link MatchedRows}: row ids, the clause each chose and the clauses' values) are deleted or updated by their
 * clause; the other rows are written back as they are.
 */
final class MergeMatcher implements RowChange {
  private final MatchedRows matched;
  private final List<MergeClause> clauses;

  MergeMatcher(MatchedRows matched, List<MergeClause> clauses) {
    this.matched = matched;
    this.clauses = clauses;
  }

  @Override
  public Outcome apply(Batch target, String file, long[] positions) {
    int[] rows = new int[target.size()];
    int[] valueRows = new int[target.size()];
    int found = matched.match(file, positions, rows, valueRows);
    if (found == 0) {
      return new Outcome(0, target);
    }
    int[] chosen = MergeClause.chosen(matched.values(0, valueRows, found));
    Column[] out = target.vectors().clone();
    boolean[] deleted = new boolean[target.size()];
    int deletedCount = 0;
    long changed = 0;
    int[] count = new int[1];
    for (int k = 0; k < clauses.size(); k++) {
      int[] taking = MergeClause.rowsChoosing(chosen, k, count);
      if (count[0] == 0) {
        continue;
      }
      changed += count[0];
      MergeClause clause = clauses.get(k);
      int[] targetRows = new int[count[0]]; // ascending, as the rows found are
      int[] clauseValueRows = new int[count[0]];
      for (int i = 0; i < count[0]; i++) {
        targetRows[i] = rows[taking[i]];
        clauseValueRows[i] = valueRows[taking[i]];
      }
      if (clause.action() == SqlMergeWhen.Action.DELETE) {
        for (int r : targetRows) {
          deleted[r] = true;
        }
        deletedCount += count[0];
        continue;
      }
      for (int c = 0; c < clause.columns().length; c++) {
        int column = clause.columns()[c];
        out[column] = Columns.replaceRows(out[column], targetRows, count[0],
            matched.values(clause.values()[c], clauseValueRows, count[0]));
      }
    }
    Batch written = new Batch(target.size(), out);
    if (deletedCount > 0) {
      int[] kept = new int[target.size() - deletedCount];
      int n = 0;
      for (int r = 0; r < target.size(); r++) {
        if (!deleted[r]) {
          kept[n++] = r;
        }
      }
      written = written.select(kept, n);
    }
    return new Outcome(changed, written);
  }
}
