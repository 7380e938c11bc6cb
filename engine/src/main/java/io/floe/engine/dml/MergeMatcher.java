package io.floe.engine.dml;

import io.floe.engine.exec.Batch;
import io.floe.engine.expr.SqlStateException;
import io.floe.engine.expr.VectorExpr;
import java.util.Arrays;

/**
 * MERGE's WHEN MATCHED part over one batch of target rows: pairs each target row with the source rows whose keys
 * equal its own, keeps the pairs the rest of the ON condition holds for, fails with {@code 21000} when a target row
 * matches more than one source row, and applies the UPDATE SET expressions (evaluated over the pair) to matched rows.
 */
final class MergeMatcher implements RowChange {
  private final String tableName;
  private final MergeSource source;
  private final int[] targetKeys;
  private final VectorExpr residual;
  private final int[] updateColumns;
  private final VectorExpr[] updateValues;

  /**
   * @param residual the ON condition's non-equality part over (target columns, source columns), or null
   * @param updateColumns target column of each SET; null when the MERGE has no WHEN MATCHED clause
   */
  MergeMatcher(String tableName, MergeSource source, int[] targetKeys, VectorExpr residual, int[] updateColumns,
      VectorExpr[] updateValues) {
    this.tableName = tableName;
    this.source = source;
    this.targetKeys = targetKeys;
    this.residual = residual;
    this.updateColumns = updateColumns;
    this.updateValues = updateValues;
  }

  @Override
  public Outcome apply(Batch target) {
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
      Object[] holds = residual.eval(joined).toArray();
      int kept = 0;
      for (int p = 0; p < pairs; p++) {
        if (Boolean.TRUE.equals(holds[p])) {
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
    if (updateColumns == null) {
      return new Outcome(0, target);
    }
    Object[][] out = target.columns().clone();
    for (int i = 0; i < updateColumns.length; i++) {
      Object[] values = updateValues[i].eval(joined).toArray();
      Object[] column = out[updateColumns[i]].clone();
      for (int p = 0; p < pairs; p++) {
        column[pairTarget[p]] = values[p];
      }
      out[updateColumns[i]] = column;
    }
    return new Outcome(pairs, Batch.ofArrays(target.size(), out));
  }

  /** The (target row, source row) pairs as rows of target columns followed by source columns. */
  private Batch joined(Batch target, int[] pairTarget, int[] pairSource, int pairs) {
    Batch t = target.select(pairTarget, pairs);
    Batch s = source.rows().select(pairSource, pairs);
    Object[][] columns = new Object[t.width() + s.width()][];
    System.arraycopy(t.columns(), 0, columns, 0, t.width());
    System.arraycopy(s.columns(), 0, columns, t.width(), s.width());
    return Batch.ofArrays(pairs, columns);
  }
}
