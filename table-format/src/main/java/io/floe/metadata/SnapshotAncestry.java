package io.floe.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks snapshot lineage: branch heads and their ancestors (a snapshot, its parent, its parent's parent, ... as far
 * as the snapshots are still in the metadata).
 */
public final class SnapshotAncestry {
  private SnapshotAncestry() {
  }

  /**
   * The snapshot a commit to {@code branch} builds on: the branch's head, or, for a branch that does not exist
   * yet, the head of {@code main} (the branch is created from it, as Iceberg does); null for an empty table.
   * Fails if {@code branch} names a tag.
   */
  public static Snapshot branchHead(TableMetadata metadata, String branch) {
    if (SnapshotRef.MAIN.equals(branch)) {
      return metadata.currentSnapshot();
    }
    SnapshotRef ref = metadata.refs().get(branch);
    if (ref == null) {
      return metadata.currentSnapshot();
    }
    if (!ref.isBranch()) {
      throw new IllegalArgumentException("'" + branch + "' of table " + metadata.location()
          + " is a tag, not a branch: snapshots can only be committed to branches");
    }
    Snapshot head = metadata.snapshot(ref.snapshotId());
    if (head == null) {
      throw new InvalidMetadataException("branch '" + branch + "' of table " + metadata.location()
          + " points to unknown snapshot " + ref.snapshotId());
    }
    return head;
  }

  /** {@code head} and its ancestors, newest first, stopping at the first one no longer in the metadata. */
  public static List<Snapshot> ancestorsOf(TableMetadata metadata, Snapshot head) {
    List<Snapshot> result = new ArrayList<>();
    for (Snapshot s = head; s != null; s = s.parentSnapshotId() == null ? null : metadata.snapshot(s.parentSnapshotId())) {
      result.add(s);
      if (result.size() > metadata.snapshots().size()) {
        throw new InvalidMetadataException("snapshot parents of table " + metadata.location() + " form a cycle at "
            + s.snapshotId());
      }
    }
    return result;
  }

  /** Whether {@code candidateId} is {@code headId} itself or one of its ancestors. */
  public static boolean isAncestorOf(TableMetadata metadata, long headId, long candidateId) {
    for (Snapshot s : ancestorsOf(metadata, metadata.snapshot(headId))) {
      if (s.snapshotId() == candidateId) {
        return true;
      }
    }
    return false;
  }
}
