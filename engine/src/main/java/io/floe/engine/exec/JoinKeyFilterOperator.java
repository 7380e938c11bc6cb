package io.floe.engine.exec;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Drops the rows of a hash join's probe input whose keys are surely not on the build side, as its
 * {@link JoinKeyFilter} says once the join's tasks have built their tables; placed on the probe side's producers, so
 * those rows are neither sent over the exchange nor probed. Before the filter is ready, and when the filter rejects
 * too few rows to pay for hashing them (measured on the first rows it checks), rows pass unchanged. Only for joins
 * where a probe row without a match yields nothing (inner, semi, the probe side of a right join, or the probing side
 * of a join that builds on its left).
 */
public final class JoinKeyFilterOperator implements Operator {
  /** Rows checked before deciding whether the filter pays for itself. */
  private static final long TRIAL_ROWS = 200_000;
  /** The least share of rows the filter must reject over its trial to go on being applied. */
  private static final double MIN_REJECTED = 0.1;

  private final Operator input;
  private final JoinKeyFilter filter;
  private final int[] keys;
  private final Counts counts;
  private long checked;
  private long rejected;
  private boolean givenUp;

  /**
   * The probe rows of one join's filter operators (all its producers) and how many were dropped, and passed before
   * the filter was ready or once it was given up, for EXPLAIN ANALYZE.
   */
  public static final class Counts {
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong unchecked = new AtomicLong();

    @Override
    public String toString() {
      return rows.get() == 0 ? "" : "join key filter: dropped " + dropped.get() + " of " + rows.get()
          + " probe rows (" + unchecked.get() + " passed unchecked: filter not ready or given up)";
    }
  }

  /** Filters {@code input}'s rows by their key columns {@code keys} (the join's probe keys). */
  public JoinKeyFilterOperator(Operator input, JoinKeyFilter filter, int[] keys, Counts counts) {
    this.input = input;
    this.filter = filter;
    this.keys = keys.clone();
    this.counts = counts;
  }

  @Override
  public Batch next() {
    Batch batch;
    while ((batch = input.next()) != null) {
      counts.rows.addAndGet(batch.size());
      if (givenUp || !filter.applies()) {
        counts.unchecked.addAndGet(batch.size());
        return batch;
      }
      Batch kept = filter(batch);
      if (kept != null) {
        return kept;
      }
    }
    return null;
  }

  /** The rows of {@code batch} the filter keeps, or null if none. */
  private Batch filter(Batch batch) {
    int n = batch.size();
    int[] hashes = Keys.hashes(batch, keys);
    boolean[] nullKey = Nulls.inAny(batch, keys);
    int[] rows = new int[n];
    int count = 0;
    for (int r = 0; r < n; r++) {
      rows[count] = r;
      count += (nullKey == null || !nullKey[r]) && filter.mightContain(hashes[r]) ? 1 : 0;
    }
    checked += n;
    rejected += n - count;
    counts.dropped.addAndGet(n - count);
    if (checked >= TRIAL_ROWS && rejected < MIN_REJECTED * checked) {
      givenUp = true;
    }
    if (count == 0) {
      return null;
    }
    return count == n ? batch : batch.select(rows, count);
  }

  @Override
  public void close() {
    input.close();
  }
}
