package io.floe.manifest;

/**
 * A manifest's entry for one file. Sequence numbers are null in written ADDED entries ("inherit") and filled in
 * from the manifest when read.
 */
public record ManifestEntry(Status status, Long snapshotId, Long sequenceNumber, Long fileSequenceNumber, DataFile file) {

  /** The spec's entry status codes 0, 1, 2. */
  public enum Status {
    EXISTING, ADDED, DELETED;

    public int id() {
      return ordinal();
    }

    public static Status fromId(int id) {
      if (id < 0 || id > 2) {
        throw new IllegalArgumentException("unknown manifest entry status " + id);
      }
      return values()[id];
    }
  }

  public boolean isLive() {
    return status != Status.DELETED;
  }
}
