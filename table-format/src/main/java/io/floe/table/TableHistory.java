package io.floe.table;

import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotAncestry;
import io.floe.metadata.SnapshotRef;
import io.floe.metadata.TableMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who changed what, when: one {@link Entry} per snapshot of a table version, from the snapshot summaries (the
 * writer keys of {@link SummaryKeys} and the spec's counts). Snapshots written by other engines show what their
 * summaries hold; missing counts are 0 and missing names null.
 */
public final class TableHistory {
  /** One snapshot: when, which, its parent, the operation, who wrote it, what it changed, refs pointing at it. */
  public record Entry(long timestampMs, long snapshotId, Long parentId, long sequenceNumber, String operation,
                      String applicationId, Long batchVersion, String user, String engine, long addedFiles,
                      long deletedFiles, long addedRecords, long deletedRecords, Long totalRecords, List<String> refs,
                      boolean mainAncestor) {
    public Entry {
      refs = List.copyOf(refs);
    }
  }

  private final TableMetadata metadata;
  private final List<Entry> entries;

  private TableHistory(TableMetadata metadata) {
    this.metadata = metadata;
    Map<Long, List<String>> refsBySnapshot = new TreeMap<>();
    for (Map.Entry<String, SnapshotRef> e : new TreeMap<>(metadata.refs()).entrySet()) {
      refsBySnapshot.computeIfAbsent(e.getValue().snapshotId(), k -> new ArrayList<>()).add(e.getKey());
    }
    Set<Long> mainLine = new HashSet<>();
    for (Snapshot s : SnapshotAncestry.ancestorsOf(metadata, metadata.currentSnapshot())) {
      mainLine.add(s.snapshotId());
    }
    List<Snapshot> snapshots = new ArrayList<>(metadata.snapshots());
    snapshots.sort(Comparator.comparingLong(Snapshot::sequenceNumber).thenComparingLong(Snapshot::timestampMs));
    List<Entry> list = new ArrayList<>();
    for (Snapshot s : snapshots) {
      list.add(entry(s, refsBySnapshot.getOrDefault(s.snapshotId(), List.of()), mainLine.contains(s.snapshotId())));
    }
    this.entries = List.copyOf(list);
  }

  public static TableHistory of(TableMetadata metadata) {
    return new TableHistory(metadata);
  }

  /** Every snapshot of the table, oldest first. */
  public List<Entry> entries() {
    return entries;
  }

  /** The history of a branch or tag: its head and ancestors, oldest first. */
  public List<Entry> of(String ref) {
    SnapshotRef r = metadata.refs().get(ref);
    if (r == null) {
      throw new IllegalArgumentException("no branch or tag '" + ref + "' in table " + metadata.location() + "; it has "
          + metadata.refs().keySet());
    }
    List<Entry> lineage = new ArrayList<>();
    for (Snapshot s : SnapshotAncestry.ancestorsOf(metadata, metadata.snapshot(r.snapshotId()))) {
      lineage.add(0, entry(s.snapshotId()));
    }
    return lineage;
  }

  /** The entry of this snapshot; fails for an unknown id. */
  public Entry entry(long snapshotId) {
    for (Entry e : entries) {
      if (e.snapshotId() == snapshotId) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown snapshot id " + snapshotId + " of table " + metadata.location());
  }

  /** One line per snapshot, oldest first. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Entry e : entries) {
      out.append(String.format("%s  %-20d parent %-20s %-9s +%d/-%d rows  app %s%s  user %s  %s%s%n",
          Instant.ofEpochMilli(e.timestampMs()), e.snapshotId(), e.parentId() == null ? "-" : e.parentId(), e.operation(),
          e.addedRecords(), e.deletedRecords(), e.applicationId() == null ? "-" : e.applicationId(),
          e.batchVersion() == null ? "" : " batch " + e.batchVersion(), e.user() == null ? "-" : e.user(),
          e.engine() == null ? "-" : e.engine(), e.refs().isEmpty() ? "" : "  " + e.refs()));
    }
    return out.toString();
  }

  private static Entry entry(Snapshot s, List<String> refs, boolean mainAncestor) {
    Map<String, String> sum = s.summary();
    String engineName = sum.get(SummaryKeys.ENGINE_NAME);
    String engineVersion = sum.get(SummaryKeys.ENGINE_VERSION);
    String engine = engineName == null ? null : engineVersion == null ? engineName : engineName + " " + engineVersion;
    String batch = sum.get(SummaryKeys.BATCH_VERSION);
    return new Entry(s.timestampMs(), s.snapshotId(), s.parentSnapshotId(), s.sequenceNumber(), s.operation(),
        sum.get(SummaryKeys.APP_ID), batch == null ? null : number(s, SummaryKeys.BATCH_VERSION), sum.get(SummaryKeys.USER),
        engine, count(s, "added-data-files"), count(s, "deleted-data-files"), count(s, "added-records"),
        count(s, "deleted-records"), sum.containsKey("total-records") ? number(s, "total-records") : null, refs,
        mainAncestor);
  }

  private static long count(Snapshot s, String key) {
    return s.summary().containsKey(key) ? number(s, key) : 0;
  }

  private static long number(Snapshot s, String key) {
    String v = s.summary().get(key);
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("summary of snapshot " + s.snapshotId() + " has a non-numeric " + key + ": " + v, e);
    }
  }
}
