package io.floe.engine;

import io.floe.scan.ScanMetrics;
import java.util.List;

/**
 * One table scan of a query and its metrics over all the tasks that read it: manifests and files pruned, files
 * opened, row groups skipped, rows; and the rows each task read ({@code taskRows}, one entry when the scan ran on
 * one task).
 */
public record TableScanStats(String table, ScanMetrics metrics, List<Long> taskRows) {
  public TableScanStats {
    taskRows = List.copyOf(taskRows);
  }
}
