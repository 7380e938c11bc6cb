package io.floe.scan;

import io.floe.manifest.DataFile;

/** One data file a scan reads, with the data and file sequence numbers it has in the snapshot. */
public record FileScanTask(DataFile file, long dataSequenceNumber) {
}
