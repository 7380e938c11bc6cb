package io.floe.engine.exec.spill;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the operators of one plan node (over all their tasks) spilled: sorted runs or hash partitions, their rows and
 * file bytes.
 */
public final class SpillStats {
  private final String unit;
  private final LongAdder runs = new LongAdder();
  private final LongAdder rows = new LongAdder();
  private final LongAdder bytes = new LongAdder();

  /** Stats of sorted runs. */
  public SpillStats() {
    this("runs");
  }

  /** Stats of spill files that are {@code unit} (plural, e.g. "partitions"). */
  public SpillStats(String unit) {
    this.unit = unit;
  }

  void add(long runRows, long fileBytes) {
    runs.increment();
    rows.add(runRows);
    bytes.add(fileBytes);
  }

  /** Files written: sorted runs, or hash partitions. */
  public long runs() {
    return runs.sum();
  }

  public long rows() {
    return rows.sum();
  }

  public long bytes() {
    return bytes.sum();
  }

  /** {@code spilled runs=.. rows=.. bytes=..} (or {@code partitions=..}), or empty when nothing was spilled. */
  @Override
  public String toString() {
    long spilledRuns = runs();
    return spilledRuns == 0 ? "" : String.format("spilled %s=%d rows=%d bytes=%d", unit, spilledRuns, rows(),
        bytes());
  }
}
