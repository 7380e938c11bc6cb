package io.floe.metadata;

import java.util.Map;

/** A snapshot: the table's state at one commit, listed by its manifest list. */
public record Snapshot(
    long sequenceNumber,
    long snapshotId,
    Long parentSnapshotId,
    long timestampMs,
    String manifestList,
    Map<String, String> summary,
    Integer schemaId) {

  public Snapshot {
    summary = Map.copyOf(summary);
  }

  /** The summary's {@code operation}: append, replace, overwrite or delete. */
  public String operation() {
    return summary.get("operation");
  }
}
