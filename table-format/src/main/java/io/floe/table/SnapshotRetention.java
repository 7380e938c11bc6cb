package io.floe.table;

import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotRef;
import io.floe.metadata.TableMetadata;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spec's snapshot retention policy: which refs and snapshots survive an expiry. Refs other than {@code main}
 * whose snapshot is older than their {@code max-ref-age-ms} are dropped; every remaining ref keeps its snapshot;
 * each branch also keeps its ancestors until one is both older than its {@code max-snapshot-age-ms} and not among
 * its first {@code min-snapshots-to-keep}; snapshots no ref reaches are kept while younger than the default age.
 * A ref's own settings win over the defaults, which come from the expiry's options, else the table properties.
 */
final class SnapshotRetention {
  /** What survives: the refs kept and the ids of the snapshots kept. */
  record Retained(Map<String, SnapshotRef> refs, Set<Long> snapshotIds) {
  }

  private final long now;
  private final long defaultExpireOlderThan;
  private final int defaultMinSnapshotsToKeep;
  private final long defaultMaxRefAgeMs;

  /**
   * @param expireOlderThan the default age limit as a timestamp (null: now minus the table's max snapshot age)
   * @param retainLast the default number of snapshots each branch keeps (null: the table's setting)
   */
  SnapshotRetention(TableMetadata metadata, long now, Long expireOlderThan, Integer retainLast) {
    this.now = now;
    this.defaultExpireOlderThan = expireOlderThan != null ? expireOlderThan
        : now - positive(metadata, TableProperties.MAX_SNAPSHOT_AGE_MS, TableProperties.MAX_SNAPSHOT_AGE_MS_DEFAULT);
    this.defaultMinSnapshotsToKeep = retainLast != null ? retainLast
        : (int) positive(metadata, TableProperties.MIN_SNAPSHOTS_TO_KEEP, TableProperties.MIN_SNAPSHOTS_TO_KEEP_DEFAULT);
    this.defaultMaxRefAgeMs = positive(metadata, TableProperties.MAX_REF_AGE_MS, TableProperties.MAX_REF_AGE_MS_DEFAULT);
  }

  private static long positive(TableMetadata metadata, String key, long defaultValue) {
    long v = metadata.propertyAsLong(key, defaultValue);
    if (v <= 0) {
      throw new IllegalArgumentException("table property '" + key + "' of " + metadata.location() + " must be positive, not " + v);
    }
    return v;
  }

  Retained apply(TableMetadata metadata) {
    Map<String, SnapshotRef> refs = new LinkedHashMap<>();
    for (Map.Entry<String, SnapshotRef> e : metadata.refs().entrySet()) {
      SnapshotRef ref = e.getValue();
      Snapshot s = metadata.snapshot(ref.snapshotId());
      if (s == null) {
        continue;
      }
      long maxRefAge = ref.maxRefAgeMs() != null ? ref.maxRefAgeMs() : defaultMaxRefAgeMs;
      if (e.getKey().equals(SnapshotRef.MAIN) || now - s.timestampMs() <= maxRefAge) {
        refs.put(e.getKey(), ref);
      }
    }
    Set<Long> keep = new HashSet<>();
    Set<Long> reachable = new HashSet<>();
    for (SnapshotRef ref : refs.values()) {
      keep.add(ref.snapshotId());
      if (ref.isBranch()) {
        keepAncestors(metadata, ref, keep, reachable);
      } else {
        reachable.add(ref.snapshotId());
      }
    }
    for (Snapshot s : metadata.snapshots()) {
      if (!reachable.contains(s.snapshotId()) && s.timestampMs() >= defaultExpireOlderThan) {
        keep.add(s.snapshotId());
      }
    }
    return new Retained(refs, keep);
  }

  private void keepAncestors(TableMetadata metadata, SnapshotRef branch, Set<Long> keep, Set<Long> reachable) {
    long olderThan = branch.maxSnapshotAgeMs() != null ? now - branch.maxSnapshotAgeMs() : defaultExpireOlderThan;
    int minKeep = branch.minSnapshotsToKeep() != null ? branch.minSnapshotsToKeep() : defaultMinSnapshotsToKeep;
    int count = 0;
    boolean keeping = true;
    for (Snapshot s = metadata.snapshot(branch.snapshotId()); s != null;
         s = s.parentSnapshotId() == null ? null : metadata.snapshot(s.parentSnapshotId())) {
      reachable.add(s.snapshotId());
      keeping = keeping && (count < minKeep || s.timestampMs() >= olderThan);
      if (keeping) {
        keep.add(s.snapshotId());
      }
      count++;
    }
  }

  /** The snapshots of {@code metadata} not in {@code retained}, oldest first. */
  static List<Snapshot> expired(TableMetadata metadata, Set<Long> retained) {
    return metadata.snapshots().stream().filter(s -> !retained.contains(s.snapshotId())).toList();
  }
}
