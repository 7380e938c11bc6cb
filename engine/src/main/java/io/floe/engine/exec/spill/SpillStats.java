package io.floe.engine.exec.spill;

import java.util.concurrent.atomic.LongAdder;

/** What the operators of one plan node (over all their tasks) spilled: sorted runs, their rows and file bytes. */
public final class SpillStats {
  private final LongAdder runs = new LongAdder();
  private final LongAdder rows = new LongAdder();
  private final LongAdder bytes = new LongAdder();

  void add(long runRows, long fileBytes) {
    runs.increment();
    rows.add(runRows);
    bytes.add(fileBytes);
  }

  public long runs() {
    return runs.sum();
  }

  public long rows() {
    return rows.sum();
  }

  public long bytes() {
    return bytes.sum();
  }

  /** {@code spilled runs=.. rows=.. bytes=..}, or empty when nothing was spilled. */
  @Override
  public String toString() {
    long spilledRuns = runs();
    return spilledRuns == 0 ? "" : String.format("spilled runs=%d rows=%d bytes=%d", spilledRuns, rows(), bytes());
  }
}
