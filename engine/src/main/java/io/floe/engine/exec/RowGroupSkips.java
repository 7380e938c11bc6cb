package io.floe.engine.exec;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a scan's filter skipped over all its tasks because a row group's statistics showed that every row meets a
 * conjunct ({@link ScanFilter}): the row groups it filtered, those where it skipped a conjunct, and the skips. EXPLAIN
 * ANALYZE shows it under the scan.
 */
public final class RowGroupSkips {
  private final AtomicLong rowGroups = new AtomicLong();
  private final AtomicLong rowGroupsWithSkips = new AtomicLong();
  private final AtomicLong conjunctsSkipped = new AtomicLong();

  /** Counts a row group the filter started on, where it skips {@code skipped} conjuncts. */
  void rowGroup(int skipped) {
    rowGroups.incrementAndGet();
    if (skipped > 0) {
      rowGroupsWithSkips.incrementAndGet();
      conjunctsSkipped.addAndGet(skipped);
    }
  }

  @Override
  public String toString() {
    return rowGroups.get() == 0 ? "" : "conjuncts skipped where row group statistics show every row meets them: "
        + conjunctsSkipped.get() + " (in " + rowGroupsWithSkips.get() + " of " + rowGroups.get() + " row groups)";
  }
}
