package io.floe.engine;

import io.floe.scan.ScanMetrics;

/** One table scan of a query and its metrics: manifests and files pruned, files opened, row groups skipped, rows. */
public record TableScanStats(String table, ScanMetrics metrics) {
}
