package io.floe.metadata;

/** A partition statistics file of one snapshot, as table metadata lists it under {@code partition-statistics}. */
public record PartitionStatisticsFile(long snapshotId, String path, long fileSizeInBytes) {
}
