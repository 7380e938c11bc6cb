package io.floe.metadata;

import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Derives new {@link TableMetadata} versions: a new table, a new snapshot, a moved metadata location. */
public final class MetadataChanges {
  /** How many earlier metadata files the metadata-log keeps (Iceberg's property name). */
  public static final String PREVIOUS_VERSIONS_MAX = "write.metadata.previous-versions-max";

  private MetadataChanges() {
  }

  /** The first metadata of a table; partition field ids are assigned from 1000 in spec order. */
  public static TableMetadata newTable(String location, Schema schema, PartitionSpec spec, Map<String, String> properties) {
    Schema schema0 = schema.withSchemaId(0);
    List<PartitionField> fields = new ArrayList<>();
    int nextId = PartitionSpec.FIRST_FIELD_ID;
    for (PartitionField f : spec.fields()) {
      fields.add(new PartitionField(f.sourceId(), nextId++, f.name(), f.transform()));
    }
    PartitionSpec spec0 = new PartitionSpec(0, schema0, fields);
    long now = System.currentTimeMillis();
    return new TableMetadata(null, 2, UUID.randomUUID().toString(), stripTrailingSlash(location), 0, now,
        schema0.highestFieldId(), List.of(schema0), 0, List.of(spec0), 0, spec0.lastAssignedFieldId(),
        List.of(SortOrder.unsorted()), 0, properties, null, List.of(), Map.of(), List.of(), List.of());
  }

  /** {@code base} plus a snapshot that becomes the current snapshot of the main branch. */
  public static TableMetadata addSnapshot(TableMetadata base, Snapshot snapshot) {
    List<Snapshot> snapshots = new ArrayList<>(base.snapshots());
    snapshots.add(snapshot);
    Map<String, SnapshotRef> refs = new HashMap<>(base.refs());
    SnapshotRef oldMain = refs.get(SnapshotRef.MAIN);
    refs.put(SnapshotRef.MAIN, oldMain == null ? SnapshotRef.branch(snapshot.snapshotId())
        : new SnapshotRef(snapshot.snapshotId(), SnapshotRef.Type.BRANCH, oldMain.minSnapshotsToKeep(),
            oldMain.maxSnapshotAgeMs(), oldMain.maxRefAgeMs()));
    List<SnapshotLogEntry> snapshotLog = new ArrayList<>(base.snapshotLog());
    snapshotLog.add(new SnapshotLogEntry(snapshot.timestampMs(), snapshot.snapshotId()));
    return new TableMetadata(null, base.formatVersion(), base.tableUuid(), base.location(),
        snapshot.sequenceNumber(), snapshot.timestampMs(), base.lastColumnId(), base.schemas(),
        base.currentSchemaId(), base.specs(), base.defaultSpecId(), base.lastPartitionId(), base.sortOrders(),
        base.defaultSortOrderId(), base.properties(), snapshot.snapshotId(), snapshots, refs, snapshotLog,
        nextMetadataLog(base));
  }

  /**
   * {@code base} without the snapshots not in {@code keepSnapshotIds} and with only {@code keepRefs} (which must
   * include main when the table has a current snapshot). The snapshot-log loses the entries of removed snapshots
   * and, as Iceberg does, everything before such an entry, so that the log never claims a snapshot was current
   * over a span when a removed one was.
   */
  public static TableMetadata removeSnapshots(TableMetadata base, Set<Long> keepSnapshotIds, Map<String, SnapshotRef> keepRefs) {
    List<Snapshot> snapshots = base.snapshots().stream().filter(s -> keepSnapshotIds.contains(s.snapshotId())).toList();
    if (base.currentSnapshotId() != null && !keepSnapshotIds.contains(base.currentSnapshotId())) {
      throw new IllegalArgumentException("cannot remove the current snapshot " + base.currentSnapshotId() + " of table "
          + base.location());
    }
    for (SnapshotRef ref : keepRefs.values()) {
      if (!keepSnapshotIds.contains(ref.snapshotId())) {
        throw new IllegalArgumentException("cannot remove snapshot " + ref.snapshotId() + " of table " + base.location()
            + ": a ref kept points to it");
      }
    }
    List<SnapshotLogEntry> snapshotLog = new ArrayList<>();
    for (SnapshotLogEntry e : base.snapshotLog()) {
      if (keepSnapshotIds.contains(e.snapshotId())) {
        snapshotLog.add(e);
      } else {
        snapshotLog.clear();
      }
    }
    return new TableMetadata(null, base.formatVersion(), base.tableUuid(), base.location(), base.lastSequenceNumber(),
        System.currentTimeMillis(), base.lastColumnId(), base.schemas(), base.currentSchemaId(), base.specs(),
        base.defaultSpecId(), base.lastPartitionId(), base.sortOrders(), base.defaultSortOrderId(), base.properties(),
        base.currentSnapshotId(), snapshots, keepRefs, snapshotLog, nextMetadataLog(base));
  }

  /** The metadata-log of a version that follows {@code base}: base's log plus base's own file, trimmed. */
  public static List<MetadataLogEntry> nextMetadataLog(TableMetadata base) {
    List<MetadataLogEntry> log = new ArrayList<>(base.metadataLog());
    if (base.metadataFileLocation() != null) {
      log.add(new MetadataLogEntry(base.lastUpdatedMs(), base.metadataFileLocation()));
    }
    int max = (int) Math.max(1, base.propertyAsLong(PREVIOUS_VERSIONS_MAX, 100));
    return log.size() > max ? log.subList(log.size() - max, log.size()) : log;
  }

  /** The same metadata, recorded as read from / written to {@code metadataFileLocation}. */
  public static TableMetadata withLocation(TableMetadata m, String metadataFileLocation) {
    return new TableMetadata(metadataFileLocation, m.formatVersion(), m.tableUuid(), m.location(),
        m.lastSequenceNumber(), m.lastUpdatedMs(), m.lastColumnId(), m.schemas(), m.currentSchemaId(), m.specs(),
        m.defaultSpecId(), m.lastPartitionId(), m.sortOrders(), m.defaultSortOrderId(), m.properties(),
        m.currentSnapshotId(), m.snapshots(), m.refs(), m.snapshotLog(), m.metadataLog());
  }

  private static String stripTrailingSlash(String location) {
    String l = location;
    while (l.endsWith("/") && l.length() > 1) {
      l = l.substring(0, l.length() - 1);
    }
    return l;
  }
}
