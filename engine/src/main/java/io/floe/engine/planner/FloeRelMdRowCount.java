package io.floe.engine.planner;

import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMdRowCount;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Row counts of inner equi-joins from the distinct counts of their keys: {@code |L| * |R| / max(d(L.keys),
 * d(R.keys))} (each side's key values assumed contained in the side with more of them, the textbook estimate),
 * times Calcite's guess for the rest of the condition. Calcite's own estimate multiplies by a fixed 0.15 per
 * equality whatever the keys, so a join on a column with 25 values looked as selective as one on a primary key
 * and multi-join ordering chose orders producing billions of rows. When neither side's key distinct count is
 * known, and for other join types, Calcite's estimate stands.
 */
public class FloeRelMdRowCount extends RelMdRowCount {
  /** Public for Calcite's generated metadata dispatch. */
  public FloeRelMdRowCount() {
  }

  @Override
  public @Nullable Double getRowCount(Join join, RelMetadataQuery mq) {
    JoinInfo info = join.analyzeCondition();
    if (join.getJoinType() != JoinRelType.INNER || info.leftKeys.isEmpty()) {
      return super.getRowCount(join, mq);
    }
    Double left = mq.getRowCount(join.getLeft());
    Double right = mq.getRowCount(join.getRight());
    if (left == null || right == null) {
      return super.getRowCount(join, mq);
    }
    Double leftKeyValues = mq.getDistinctRowCount(join.getLeft(), ImmutableBitSet.of(info.leftKeys), null);
    Double rightKeyValues = mq.getDistinctRowCount(join.getRight(), ImmutableBitSet.of(info.rightKeys), null);
    double keyValues = Math.max(capped(leftKeyValues, left), capped(rightKeyValues, right));
    if (keyValues <= 0) {
      return super.getRowCount(join, mq);
    }
    double residual = info.nonEquiConditions.isEmpty() ? 1 : RelMdUtil.guessSelectivity(
        RexUtil.composeConjunction(join.getCluster().getRexBuilder(), info.nonEquiConditions));
    return Math.max(1, left * right / Math.max(1, keyValues) * residual);
  }

  /** A side's key distinct count, at most its rows; 0 when unknown. */
  private static double capped(@Nullable Double keyValues, double rows) {
    return keyValues == null ? 0 : Math.min(keyValues, Math.max(1, rows));
  }
}
