package io.floe.engine.dml;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import io.floe.engine.expr.SqlStateException;
import io.floe.engine.expr.VectorExpr;
import io.floe.engine.parser.SqlMergeWhen;
import java.util.Arrays;
import java.util.List;

/**
 * MERGE's WHEN MATCHED part over one batch of target rows: pairs each target row with the source rows whose keys
 * equal its own, keeps the pairs the rest of the ON condition holds for, fails with {@code 21000} when a target row
 * matches more than one source row, and applies to each matched row the first WHEN MATCHED clause whose condition
 * holds: UPDATE SET expressions (evaluated over the pair) or DELETE.
 */
final class MergeMatcher implements RowChange {
  private final String tableName;
  private final MergeSource source;
  private final int[] targetKeys;
  private final VectorExpr residual;
  private final List<MergeClause> clauses;

  /**
   * @param residual the ON condition's non-equality part over (target columns, source columns), or null
   * @param clauses the WHEN MATCHED clauses in statement order (possibly none)
   */
  MergeMatcher(String tableName, MergeSource source, int[] targetKeys, VectorExpr residual,
      List<MergeClause> clauses) {
    this.tableName = tableName;
    this.source = source;
    this.targetKeys = targetKeys;
    this.residual = residual;
    this.clauses = clauses;
  }

  @Override
  public Outcome apply(Batch target, String file, long[] positions) {
    int[] pairTarget = new int[16];
    int[] pairSource = new int[16];
    int pairs = 0;
    for (int r = 0; r < target.size(); r++) {
      for (int s : source.candidates(target, targetKeys, r)) {
        if (pairs == pairTarget.length) {
          pairTarget = Arrays.copyOf(pairTarget, pairs * 2);
          pairSource = Arrays.copyOf(pairSource, pairs * 2);
        }
        pairTarget[pairs] = r;
        pairSource[pairs] = s;
        pairs++;
      }
    }
    if (pairs == 0) {
      return new Outcome(0, target);
    }
    Batch joined = joined(target, pairTarget, pairSource, pairs);
    if (residual != null) {
      Column holds = residual.eval(joined);
      int kept = 0;
      for (int p = 0; p < pairs; p++) {
        if (ConditionRows.isTrue(holds, p)) {
          pairTarget[kept] = pairTarget[p];
          pairSource[kept] = pairSource[p];
          kept++;
        }
      }
      if (kept == 0) {
        return new Outcome(0, target);
      }
      if (kept < pairs) {
        pairs = kept;
        joined = joined(target, pairTarget, pairSource, pairs);
      }
    }
    boolean[] seen = new boolean[target.size()];
    for (int p = 0; p < pairs; p++) {
      if (seen[pairTarget[p]]) {
        throw new SqlStateException("21000", "MERGE into " + tableName + ": a target row matches more than one "
            + "source row (cardinality violation)");
      }
      seen[pairTarget[p]] = true;
      source.markMatched(pairSource[p]);
    }
    return applyClauses(target, joined, pairTarget);
  }

  /** Applies the chosen clause to each matched row; {@code pairTarget[p]} is the target row of pair {@code p}. */
  private Outcome applyClauses(Batch target, Batch joined, int[] pairTarget) {
    if (clauses.isEmpty()) {
      return new Outcome(0, target);
    }
    int[] chosen = MergeClause.choose(clauses, joined);
    Column[] out = target.vectors().clone();
    boolean[] deleted = new boolean[target.size()];
    int deletedCount = 0;
    long changed = 0;
    int[] count = new int[1];
    for (int k = 0; k < clauses.size(); k++) {
      int[] rows = MergeClause.rowsChoosing(chosen, k, count);
      if (count[0] == 0) {
        continue;
      }
      changed += count[0];
      MergeClause clause = clauses.get(k);
      if (clause.action() == SqlMergeWhen.Action.DELETE) {
        for (int i = 0; i < count[0]; i++) {
          deleted[pairTarget[rows[i]]] = true;
        }
        deletedCount += count[0];
        continue;
      }
      Batch taking = joined.select(rows, count[0]);
      int[] targetRows = new int[count[0]]; // ascending, as the pairs are
      for (int i = 0; i < count[0]; i++) {
        targetRows[i] = pairTarget[rows[i]];
      }
      for (int c = 0; c < clause.columns().length; c++) {
        int column = clause.columns()[c];
        out[column] = Columns.replaceRows(out[column], targetRows, count[0], clause.values()[c].eval(taking));
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

  /** The (target row, source row) pairs as rows of target columns followed by source columns. */
  private Batch joined(Batch target, int[] pairTarget, int[] pairSource, int pairs) {
    Batch t = target.select(pairTarget, pairs);
    Batch s = source.rows().select(pairSource, pairs);
    Column[] columns = new Column[t.width() + s.width()];
    System.arraycopy(t.vectors(), 0, columns, 0, t.width());
    System.arraycopy(s.vectors(), 0, columns, t.width(), s.width());
    return new Batch(pairs, columns);
  }
}
