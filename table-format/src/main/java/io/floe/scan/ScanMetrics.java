package io.floe.scan;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of what planning and reading kept and skipped; thread-safe. */
public final class ScanMetrics {
  final AtomicLong manifestsTotal = new AtomicLong();
  final AtomicLong manifestsSkipped = new AtomicLong();
  final AtomicLong filesTotal = new AtomicLong();
  final AtomicLong filesSkippedByPartition = new AtomicLong();
  final AtomicLong filesSkippedByMetrics = new AtomicLong();
  final AtomicLong filesOpened = new AtomicLong();
  final AtomicLong rowGroupsSkipped = new AtomicLong();
  final AtomicLong rowsRead = new AtomicLong();
  final AtomicLong rowsReturned = new AtomicLong();

  public long manifestsTotal() {
    return manifestsTotal.get();
  }

  public long manifestsSkipped() {
    return manifestsSkipped.get();
  }

  /** Live data files in the manifests that were read. */
  public long filesTotal() {
    return filesTotal.get();
  }

  public long filesSkippedByPartition() {
    return filesSkippedByPartition.get();
  }

  public long filesSkippedByMetrics() {
    return filesSkippedByMetrics.get();
  }

  /** Data files actually opened for reading. */
  public long filesOpened() {
    return filesOpened.get();
  }

  public long rowGroupsSkipped() {
    return rowGroupsSkipped.get();
  }

  public long rowsRead() {
    return rowsRead.get();
  }

  public long rowsReturned() {
    return rowsReturned.get();
  }

  @Override
  public String toString() {
    return "manifests " + (manifestsTotal() - manifestsSkipped()) + "/" + manifestsTotal() + ", files "
        + filesOpened() + " opened of " + filesTotal() + " (" + filesSkippedByPartition() + " pruned by partition, "
        + filesSkippedByMetrics() + " by column bounds), row groups skipped " + rowGroupsSkipped() + ", rows "
        + rowsReturned() + " of " + rowsRead() + " read";
  }
}
