package io.floe.expressions;

import io.floe.data.Record;
import io.floe.partition.PartitionSpec;

/**
 * Decides whether a partition might hold rows matching a row filter, by evaluating the filter's inclusive
 * projection ({@link Projections#inclusive}) on the partition tuple.
 */
public final class PartitionEvaluator {
  private final RowEvaluator evaluator;

  public PartitionEvaluator(PartitionSpec spec, Expression boundRowFilter) {
    this.evaluator = new RowEvaluator(spec.partitionType(), Projections.inclusive(spec, boundRowFilter));
  }

  /** False when no row of this partition (a record of the spec's partition type) can match. */
  public boolean mightMatch(Record partition) {
    return evaluator.eval(partition);
  }
}
