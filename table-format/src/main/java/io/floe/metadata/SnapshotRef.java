package io.floe.metadata;

/** A named reference to a snapshot: a branch or a tag, with its retention settings (null = table default). */
public record SnapshotRef(long snapshotId, Type type, Integer minSnapshotsToKeep, Long maxSnapshotAgeMs, Long maxRefAgeMs) {
  public static final String MAIN = "main";

  /** The ref kinds. */
  public enum Type { BRANCH, TAG }

  public static SnapshotRef branch(long snapshotId) {
    return new SnapshotRef(snapshotId, Type.BRANCH, null, null, null);
  }

  public static SnapshotRef tag(long snapshotId) {
    return new SnapshotRef(snapshotId, Type.TAG, null, null, null);
  }

  /** This ref moved to another snapshot, keeping its kind and retention settings. */
  public SnapshotRef withSnapshotId(long id) {
    return new SnapshotRef(id, type, minSnapshotsToKeep, maxSnapshotAgeMs, maxRefAgeMs);
  }

  public boolean isBranch() {
    return type == Type.BRANCH;
  }
}
