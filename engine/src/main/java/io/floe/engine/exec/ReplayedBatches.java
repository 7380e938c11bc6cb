package io.floe.engine.exec;

import java.util.List;

/**
 * The batches of a list, in order, leaving the list as it is: one reader of rows that several readers replay (a
 * shared subplan's, a recursive query's working table).
 */
final class ReplayedBatches implements Operator {
  private final List<Batch> batches;
  private int next;

  ReplayedBatches(List<Batch> batches) {
    this.batches = batches;
  }

  @Override
  public Batch next() {
    return next < batches.size() ? batches.get(next++) : null;
  }

  @Override
  public void close() {
  }
}
