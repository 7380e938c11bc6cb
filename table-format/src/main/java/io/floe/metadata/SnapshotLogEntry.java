package io.floe.metadata;

/** When a snapshot became current (the spec's snapshot-log). */
public record SnapshotLogEntry(long timestampMs, long snapshotId) {
}
