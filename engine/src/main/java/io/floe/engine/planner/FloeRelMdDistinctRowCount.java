package io.floe.engine.planner;

import io.floe.engine.catalog.ColumnStatistics;
import java.util.OptionalDouble;
import org.apache.calcite.rel.metadata.RelMdDistinctRowCount;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Distinct counts of a {@link FloeTableScan}'s columns from the table's {@link io.floe.engine.catalog.ColumnStatistics}
 * (upper bounds from manifest metrics, used as the estimate): a set of columns has at most the product of its
 * columns' bounds and at most the scan's rows; a predicate (and a filter pushed into the scan) thins the distinct
 * values like a random selection of the rows it keeps ({@link RelMdUtil#numDistinctVals}). Every other relational
 * expression keeps Calcite's estimate.
 */
public class FloeRelMdDistinctRowCount extends RelMdDistinctRowCount {
  /** Public for Calcite's generated metadata dispatch. */
  public FloeRelMdDistinctRowCount() {
  }

  public @Nullable Double getDistinctRowCount(FloeTableScan scan, RelMetadataQuery mq, ImmutableBitSet groupKey,
      @Nullable RexNode predicate) {
    if (groupKey.isEmpty()) {
      return super.getDistinctRowCount(scan, mq, groupKey, predicate);
    }
    double tableRows = scan.tableRows();
    ColumnStatistics statistics = scan.columnStatistics();
    double distinct = 1;
    for (int field : groupKey) {
      if (scan.readsRowId(field)) {
        return super.getDistinctRowCount(scan, mq, groupKey, predicate);
      }
      OptionalDouble bound = statistics.distinctValues(scan.fieldId(field));
      if (bound.isEmpty()) {
        return super.getDistinctRowCount(scan, mq, groupKey, predicate);
      }
      distinct *= bound.getAsDouble();
    }
    distinct = Math.min(distinct, Math.max(1, tableRows));
    Double scanRows = mq.getRowCount(scan);
    if (scanRows != null && scanRows < tableRows) {
      distinct = RelMdUtil.numDistinctVals(distinct, scanRows);
    }
    if (predicate != null && !predicate.isAlwaysTrue()) {
      Double selectivity = mq.getSelectivity(scan, predicate);
      if (selectivity != null && scanRows != null) {
        distinct = RelMdUtil.numDistinctVals(distinct, scanRows * selectivity);
      }
    }
    return Math.max(1, distinct);
  }
}
