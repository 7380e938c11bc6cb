package io.floe.engine.planner;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Row estimates for distribution choices: Calcite's estimate (snapshot {@code total-records} through selectivity
 * guesses), bounded above by the rows a scan's filter is estimated to keep in the files it reads after partition and
 * column-bound pruning (from their column bounds: {@link ScanPruning#estimatedRows()}), which bounds every filter,
 * projection, sort and aggregate above the scan too.
 */
final class RowEstimates {
  private final Map<FloeTableScan, ScanPruning> pruning = new IdentityHashMap<>();

  /** The pruning of {@code scan}, planned once per scan. */
  ScanPruning pruning(FloeTableScan scan) {
    return pruning.computeIfAbsent(scan, ScanPruning::of);
  }

  /** The estimated output rows of {@code rel}. */
  double rows(RelNode rel) {
    RelMetadataQuery mq = rel.getCluster().getMetadataQuery();
    Double estimate = mq.getRowCount(rel);
    return Math.min(estimate == null ? Double.MAX_VALUE : estimate, upperBound(rel));
  }

  private double upperBound(RelNode rel) {
    if (rel instanceof FloeTableScan scan) {
      return Math.max(1, pruning(scan).estimatedRows());
    }
    if (rel instanceof Filter || rel instanceof Project || rel instanceof Sort || rel instanceof Aggregate) {
      return upperBound(rel.getInput(0));
    }
    return Double.MAX_VALUE;
  }
}
