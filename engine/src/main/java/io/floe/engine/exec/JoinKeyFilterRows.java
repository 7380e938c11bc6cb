package io.floe.engine.exec;

import io.floe.engine.expr.RowFilter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One producer's test of its rows against a hash join's {@link JoinKeyFilter}, on a selection vector: keeps the rows
 * whose key columns {@code keys} may be on the build side (never a row with a null key, which matches nothing). Used
 * by {@link JoinKeyFilterOperator} on a producer's batches and by {@link ScanFilter} as a conjunct of the scan's
 * filter, where the other columns are then read only for the rows it keeps. Before the filter is ready, and once it
 * has rejected too few rows to pay for testing them (measured on the first rows it checks), rows pass unchanged; an
 * awaited filter is waited for instead.
 * Only for joins where a probe row without a match yields nothing (see {@link JoinKeyFilterOperator}).
 */
public final class JoinKeyFilterRows implements RowFilter {
  /** Rows checked before deciding whether the filter pays for itself. */
  private static final long TRIAL_ROWS = 200_000;
  /** The least share of rows the filter must reject over its trial to go on being applied. */
  private static final double MIN_REJECTED = 0.1;

  private final JoinKeyFilter filter;
  private final int[] keys;
  private final Counts counts;
  private long checked;
  private long rejected;
  private boolean givenUp;
  /** Whether the filter applies to the next batch, as {@link #readsColumns()} decided for it; null: undecided. */
  private Boolean applying;

  /**
   * The probe rows of one join's filters (all its producers) and how many were dropped, and passed before the filter
   * was ready or once it was given up, for EXPLAIN ANALYZE.
   */
  public static final class Counts {
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong unchecked = new AtomicLong();
    /** What the filter was once it applied ({@link JoinKeyFilter#describe()}), else null. */
    private volatile String filter;
    private final String name;

    /** Counts of a filter on all the join's keys. */
    public Counts() {
      this("join key filter");
    }

    /** Counts shown as {@code name} ("join key filter on 1 of the 2 keys"). */
    public Counts(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return rows.get() == 0 ? "" : name + (filter == null ? "" : " (" + filter + ")") + ": dropped "
          + dropped.get() + " of " + rows.get() + " probe rows (" + unchecked.get()
          + " passed unchecked: filter not ready or given up)";
    }
  }

  /** Tests rows by their key columns {@code keys} (the join's probe keys), counted in {@code counts}. */
  public JoinKeyFilterRows(JoinKeyFilter filter, int[] keys, Counts counts) {
    this.filter = filter;
    this.keys = keys.clone();
    this.counts = counts;
  }

  /** The key columns tested. */
  public int[] keys() {
    return keys.clone();
  }

  @Override
  public boolean readsColumns() {
    applying = applies();
    return applying;
  }

  /** Whether the filter tests rows now: not given up, and ready (or to be awaited). */
  private boolean applies() {
    return !givenUp && filter.appliesOnceReady();
  }

  @Override
  public int select(Batch batch, int[] rows, int count) {
    counts.rows.addAndGet(count);
    // decided once per batch: a filter that became ready since readsColumns() said no has no columns to read
    boolean apply = applying != null ? applying : applies();
    applying = null;
    if (!apply) {
      counts.unchecked.addAndGet(count);
      return count;
    }
    int kept;
    if (keys.length == 1 && filter.testsValuesOf(batch.column(keys[0]))) {
      kept = byValue((LongColumn) batch.column(keys[0]), rows, count);
    } else if (filter.testsHashes()) {
      kept = byHash(batch, rows, count);
    } else {
      // a bitmap of values of another kind than the probe keys' (not seen from the planner's joins): not tested
      counts.unchecked.addAndGet(count);
      return count;
    }
    if (counts.filter == null) {
      counts.filter = filter.describe();
    }
    checked += count;
    rejected += count - kept;
    counts.dropped.addAndGet(count - kept);
    if (checked >= TRIAL_ROWS && rejected < MIN_REJECTED * checked) {
      givenUp = true;
    }
    return kept;
  }

  /** Keeps the selected rows whose key value is a build key (the filter is a bitmap of them). */
  private int byValue(LongColumn key, int[] rows, int count) {
    long[] values = key.values();
    boolean[] nulls = key.nulls();
    int kept = 0;
    for (int i = 0; i < count; i++) {
      int r = rows[i];
      rows[kept] = r;
      kept += (nulls == null || !nulls[r]) && filter.containsValue(values[r]) ? 1 : 0;
    }
    return kept;
  }

  /** Keeps the selected rows whose key hash the filter may hold (a Bloom filter of the build keys' hashes). */
  private int byHash(Batch batch, int[] rows, int count) {
    int[] hashes = Keys.hashes(batch, keys);
    boolean[] nullKey = Nulls.inAny(batch, keys);
    int kept = 0;
    for (int i = 0; i < count; i++) {
      int r = rows[i];
      rows[kept] = r;
      kept += (nullKey == null || !nullKey[r]) && filter.mightContain(hashes[r]) ? 1 : 0;
    }
    return kept;
  }
}
