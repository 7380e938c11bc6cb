package io.floe.metadata;

import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Derives new {@link TableMetadata} versions: a new table, a new snapshot, a new current schema or default
 * partition spec, new properties, a snapshot's statistics file, a moved metadata location.
 */
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
        List.of(SortOrder.unsorted()), 0, properties, null, List.of(), Map.of(), List.of(), List.of(), List.of(),
        List.of());
  }

  /** {@code base} plus a snapshot that becomes the current snapshot of the main branch. */
  public static TableMetadata addSnapshot(TableMetadata base, Snapshot snapshot) {
    return addSnapshot(base, snapshot, SnapshotRef.MAIN);
  }

  /**
   * {@code base} plus a snapshot that becomes the head of {@code branch} (created if absent, keeping the retention
   * settings of an existing one). Only a commit to {@code main} changes current-snapshot-id and the snapshot-log.
   */
  public static TableMetadata addSnapshot(TableMetadata base, Snapshot snapshot, String branch) {
    List<Snapshot> snapshots = new ArrayList<>(base.snapshots());
    snapshots.add(snapshot);
    Map<String, SnapshotRef> refs = new HashMap<>(base.refs());
    SnapshotRef old = refs.get(branch);
    if (old != null && !old.isBranch()) {
      throw new IllegalArgumentException("'" + branch + "' of table " + base.location() + " is a tag, not a branch");
    }
    refs.put(branch, old == null ? SnapshotRef.branch(snapshot.snapshotId()) : old.withSnapshotId(snapshot.snapshotId()));
    boolean main = SnapshotRef.MAIN.equals(branch);
    List<SnapshotLogEntry> snapshotLog = new ArrayList<>(base.snapshotLog());
    Long current = base.currentSnapshotId();
    if (main) {
      snapshotLog.add(new SnapshotLogEntry(snapshot.timestampMs(), snapshot.snapshotId()));
      current = snapshot.snapshotId();
    }
    return new TableMetadata(null, base.formatVersion(), base.tableUuid(), base.location(),
        snapshot.sequenceNumber(), snapshot.timestampMs(), base.lastColumnId(), base.schemas(),
        base.currentSchemaId(), base.specs(), base.defaultSpecId(), base.lastPartitionId(), base.sortOrders(),
        base.defaultSortOrderId(), base.properties(), current, snapshots,
        refs, snapshotLog, nextMetadataLog(base), base.statistics(), base.partitionStatistics());
  }

  /**
   * {@code base} with its refs replaced by {@code refs}, changing no snapshot (branch and tag management,
   * rollback). Every ref must point to a snapshot of {@code base} and {@code main} cannot be removed once it
   * exists. When {@code main} moves, current-snapshot-id follows and the snapshot-log records the change.
   */
  public static TableMetadata withRefs(TableMetadata base, Map<String, SnapshotRef> refs) {
    for (Map.Entry<String, SnapshotRef> e : refs.entrySet()) {
      if (base.snapshot(e.getValue().snapshotId()) == null) {
        throw new IllegalArgumentException("ref '" + e.getKey() + "' of table " + base.location()
            + " would point to unknown snapshot " + e.getValue().snapshotId());
      }
    }
    SnapshotRef main = refs.get(SnapshotRef.MAIN);
    if (main == null && base.currentSnapshotId() != null) {
      throw new IllegalArgumentException("branch 'main' of table " + base.location() + " cannot be removed");
    }
    if (main != null && !main.isBranch()) {
      throw new IllegalArgumentException("'main' of table " + base.location() + " must be a branch");
    }
    long now = Math.max(System.currentTimeMillis(), base.lastUpdatedMs());
    Long current = main == null ? null : main.snapshotId();
    List<SnapshotLogEntry> snapshotLog = new ArrayList<>(base.snapshotLog());
    if (current != null && !current.equals(base.currentSnapshotId())) {
      snapshotLog.add(new SnapshotLogEntry(now, current));
    }
    return new TableMetadata(null, base.formatVersion(), base.tableUuid(), base.location(), base.lastSequenceNumber(),
        now, base.lastColumnId(), base.schemas(), base.currentSchemaId(), base.specs(), base.defaultSpecId(),
        base.lastPartitionId(), base.sortOrders(), base.defaultSortOrderId(), base.properties(), current,
        base.snapshots(), refs, snapshotLog, nextMetadataLog(base), base.statistics(), base.partitionStatistics());
  }

  /**
   * {@code base} with {@code schema} as its current schema, as a metadata-only change (no snapshot): the schema
   * takes the id of an identical schema the table already has (ids, names, types, docs and identifier fields), or
   * the next free id; {@code last-column-id} becomes the highest of {@code lastColumnId}, the old value and the
   * schema's field ids; every partition spec is rebound to the new schema (a spec over a column dropped since
   * stays bound to the newest schema that still has its source columns, as when reading metadata).
   */
  public static TableMetadata setCurrentSchema(TableMetadata base, Schema schema, int lastColumnId) {
    Integer schemaId = null;
    int nextId = 0;
    for (Schema s : base.schemas()) {
      if (schemaId == null && s.sameColumns(schema)) {
        schemaId = s.schemaId();
      }
      nextId = Math.max(nextId, s.schemaId() + 1);
    }
    List<Schema> schemas = new ArrayList<>(base.schemas());
    Schema current;
    if (schemaId == null) {
      current = schema.withSchemaId(nextId);
      schemas.add(current);
    } else {
      current = base.schemaById(schemaId);
    }
    List<PartitionSpec> specs = new ArrayList<>();
    for (PartitionSpec spec : base.specs()) {
      specs.add(rebind(spec, current, schemas));
    }
    int newLastColumnId = Math.max(Math.max(base.lastColumnId(), lastColumnId), current.highestFieldId());
    return new TableMetadata(null, base.formatVersion(), base.tableUuid(), base.location(),
        base.lastSequenceNumber(), System.currentTimeMillis(), newLastColumnId, schemas, current.schemaId(), specs,
        base.defaultSpecId(), base.lastPartitionId(), base.sortOrders(), base.defaultSortOrderId(), base.properties(),
        base.currentSnapshotId(), base.snapshots(), base.refs(), base.snapshotLog(), nextMetadataLog(base),
        base.statistics(), base.partitionStatistics());
  }

  /**
   * {@code base} with a partition spec of {@code fields} (over the current schema) as its default spec, as a
   * metadata-only change (no snapshot): the spec takes the id of an existing spec with the same fields (ids,
   * names, sources and transforms) or the next free id; {@code last-partition-id} becomes the highest of
   * {@code lastPartitionId}, the old value and the spec's field ids.
   */
  public static TableMetadata setDefaultSpec(TableMetadata base, List<PartitionField> fields, int lastPartitionId) {
    Integer specId = null;
    int nextId = 0;
    for (PartitionSpec s : base.specs()) {
      if (specId == null && s.fields().equals(fields)) {
        specId = s.specId();
      }
      nextId = Math.max(nextId, s.specId() + 1);
    }
    List<PartitionSpec> specs = new ArrayList<>(base.specs());
    PartitionSpec spec;
    if (specId == null) {
      spec = new PartitionSpec(nextId, base.schema(), fields);
      specs.add(spec);
    } else {
      spec = base.specById(specId);
    }
    int newLastPartitionId = Math.max(Math.max(base.lastPartitionId(), lastPartitionId), spec.lastAssignedFieldId());
    return new TableMetadata(null, base.formatVersion(), base.tableUuid(), base.location(),
        base.lastSequenceNumber(), System.currentTimeMillis(), base.lastColumnId(), base.schemas(),
        base.currentSchemaId(), specs, spec.specId(), newLastPartitionId, base.sortOrders(),
        base.defaultSortOrderId(), base.properties(), base.currentSnapshotId(), base.snapshots(), base.refs(),
        base.snapshotLog(), nextMetadataLog(base), base.statistics(), base.partitionStatistics());
  }

  /** A spec bound to {@code current}, or to the newest of {@code schemas} that still has all its source columns. */
  private static PartitionSpec rebind(PartitionSpec spec, Schema current, List<Schema> schemas) {
    if (fits(spec, current)) {
      return new PartitionSpec(spec.specId(), current, spec.fields());
    }
    for (int i = schemas.size() - 1; i >= 0; i--) {
      if (fits(spec, schemas.get(i))) {
        return new PartitionSpec(spec.specId(), schemas.get(i), spec.fields());
      }
    }
    return spec;
  }

  private static boolean fits(PartitionSpec spec, Schema schema) {
    return spec.fields().stream().allMatch(f -> schema.findField(f.sourceId()) != null);
  }

  /**
   * {@code base} without the snapshots not in {@code keepSnapshotIds}, and their statistics files, and with only
   * {@code keepRefs} (which must include main when the table has a current snapshot). The snapshot-log loses the entries of removed snapshots
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
        base.currentSnapshotId(), snapshots, keepRefs, snapshotLog, nextMetadataLog(base),
        base.statistics().stream().filter(f -> keepSnapshotIds.contains(f.snapshotId())).toList(),
        base.partitionStatistics().stream().filter(f -> keepSnapshotIds.contains(f.snapshotId())).toList());
  }

  /** {@code base} with {@code properties} as its table properties, as a metadata-only change. */
  public static TableMetadata setProperties(TableMetadata base, Map<String, String> properties) {
    return withPropertiesAndStatistics(base, properties, base.statistics());
  }

  /**
   * {@code base} with {@code statistics} as its snapshots' statistics files, as a metadata-only change: statistics
   * are no table change, so no snapshot is added. Each must be of a snapshot of {@code base}, at most one per snapshot.
   */
  public static TableMetadata withStatistics(TableMetadata base, List<StatisticsFile> statistics) {
    Set<Long> seen = new HashSet<>();
    for (StatisticsFile file : statistics) {
      if (base.snapshot(file.snapshotId()) == null) {
        throw new IllegalArgumentException("cannot set statistics of unknown snapshot " + file.snapshotId()
            + " of table " + base.location());
      }
      if (!seen.add(file.snapshotId())) {
        throw new IllegalArgumentException("two statistics files for snapshot " + file.snapshotId() + " of table "
            + base.location());
      }
    }
    return withPropertiesAndStatistics(base, base.properties(), statistics);
  }

  /** The next version of {@code base} with these properties and statistics files, everything else as it was. */
  private static TableMetadata withPropertiesAndStatistics(TableMetadata base, Map<String, String> properties,
      List<StatisticsFile> statistics) {
    return new TableMetadata(null, base.formatVersion(), base.tableUuid(), base.location(),
        base.lastSequenceNumber(), System.currentTimeMillis(), base.lastColumnId(), base.schemas(),
        base.currentSchemaId(), base.specs(), base.defaultSpecId(), base.lastPartitionId(), base.sortOrders(),
        base.defaultSortOrderId(), properties, base.currentSnapshotId(), base.snapshots(), base.refs(),
        base.snapshotLog(), nextMetadataLog(base), statistics, base.partitionStatistics());
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
        m.currentSnapshotId(), m.snapshots(), m.refs(), m.snapshotLog(), m.metadataLog(), m.statistics(),
        m.partitionStatistics());
  }

  private static String stripTrailingSlash(String location) {
    String l = location;
    while (l.endsWith("/") && l.length() > 1) {
      l = l.substring(0, l.length() - 1);
    }
    return l;
  }
}
