package io.floe.engine.planner;

import io.floe.manifest.DataFile;
import io.floe.scan.FileScanTask;
import io.floe.scan.ScanMetrics;
import io.floe.scan.TableScan;
import java.util.List;
import java.util.Locale;

/**
 * What a table scan's pushed filter keeps, from planning its files (manifests and column bounds, no data read):
 * data files kept of the total, files pruned by partition and by column bounds, the rows in the kept files, and how
 * many of those the filter is estimated to keep from their column bounds (see
 * {@link io.floe.expressions.SelectivityEstimator}), and the delete files (merge-on-read) the kept files are read
 * with.
 */
public record ScanPruning(long filesTotal, long filesKept, long filesPrunedByPartition, long filesPrunedByBounds,
    long rowsInKeptFiles, double estimatedRows, long deleteFiles) {

  /** Plans the files of {@code scan} (in the snapshot it is pinned to, if any). */
  public static ScanPruning of(FloeTableScan scan) {
    TableScan tableScan = scan.floeTable().table().newScan();
    if (scan.pinnedSnapshotId() != null) {
      tableScan.useSnapshot(scan.pinnedSnapshotId());
    }
    tableScan.filter(scan.filter()).select(scan.storedColumnNames());
    List<FileScanTask> tasks = tableScan.planFiles();
    ScanMetrics metrics = tableScan.metrics();
    long rows = tasks.stream().mapToLong(t -> t.file().recordCount()).sum();
    long deleteFiles = tasks.stream().flatMap(t -> t.deletes().stream()).map(DataFile::path).distinct().count();
    return new ScanPruning(metrics.filesTotal(), tasks.size(), metrics.filesSkippedByPartition(),
        metrics.filesSkippedByMetrics(), rows, tableScan.estimatedRows(tasks), deleteFiles);
  }

  @Override
  public String toString() {
    return "files kept " + filesKept + " of " + filesTotal + " (" + filesPrunedByPartition + " pruned by partition, "
        + filesPrunedByBounds + " by column bounds), " + rowsInKeptFiles + " rows in kept files"
        + (estimatedRows < rowsInKeptFiles ? String.format(Locale.ROOT, ", about %.0f estimated to match from their "
        + "column bounds", estimatedRows) : "")
        + (deleteFiles > 0 ? ", read with " + deleteFiles + " delete files (merge-on-read)" : "");
  }
}
