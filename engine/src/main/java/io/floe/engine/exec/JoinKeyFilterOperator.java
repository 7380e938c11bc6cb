package io.floe.engine.exec;

/**
 * Drops the rows of a hash join's probe input whose keys are surely not on the build side, as its
 * {@link JoinKeyFilter} says once the join's tasks have built their tables; placed on the probe side's producers, so
 * those rows are neither sent over the exchange nor probed. The test and when rows pass unchecked (the filter not
 * ready, or given up) are {@link JoinKeyFilterRows}'s. Only for joins where a probe row without a match yields
 * nothing (inner, semi, the probe side of a right join, or the probing side of a join that builds on its left).
 */
public final class JoinKeyFilterOperator implements Operator {
  private final Operator input;
  private final JoinKeyFilterRows filter;
  private int[] rows = new int[0];

  /** Filters {@code input}'s rows by {@code filter} (the join's probe key columns against its build keys). */
  public JoinKeyFilterOperator(Operator input, JoinKeyFilterRows filter) {
    this.input = input;
    this.filter = filter;
  }

  @Override
  public Batch next() {
    Batch batch;
    while ((batch = input.next()) != null) {
      int n = batch.size();
      if (n == 0) {
        continue;
      }
      if (rows.length < n) {
        rows = new int[n];
      }
      for (int r = 0; r < n; r++) {
        rows[r] = r;
      }
      int count = filter.select(batch, rows, n);
      if (count == n) {
        return batch;
      }
      if (count > 0) {
        return batch.select(rows, count);
      }
    }
    return null;
  }

  @Override
  public void close() {
    input.close();
  }
}
