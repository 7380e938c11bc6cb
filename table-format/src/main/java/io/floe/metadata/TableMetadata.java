package io.floe.metadata;

import io.floe.partition.PartitionSpec;
import io.floe.types.Schema;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content of one table metadata file (format version 2): schemas, partition specs, sort orders, properties,
 * snapshots, refs, logs and the snapshots' statistics files. Immutable; commits produce a new one. {@code metadataFileLocation} is where this
 * version was read from (not serialized).
 */
public record TableMetadata(
    String metadataFileLocation,
    int formatVersion,
    String tableUuid,
    String location,
    long lastSequenceNumber,
    long lastUpdatedMs,
    int lastColumnId,
    List<Schema> schemas,
    int currentSchemaId,
    List<PartitionSpec> specs,
    int defaultSpecId,
    int lastPartitionId,
    List<SortOrder> sortOrders,
    int defaultSortOrderId,
    Map<String, String> properties,
    Long currentSnapshotId,
    List<Snapshot> snapshots,
    Map<String, SnapshotRef> refs,
    List<SnapshotLogEntry> snapshotLog,
    List<MetadataLogEntry> metadataLog,
    List<StatisticsFile> statistics,
    List<PartitionStatisticsFile> partitionStatistics) {

  public TableMetadata {
    schemas = List.copyOf(schemas);
    specs = List.copyOf(specs);
    sortOrders = List.copyOf(sortOrders);
    properties = Map.copyOf(properties);
    snapshots = List.copyOf(snapshots);
    refs = Map.copyOf(refs);
    snapshotLog = List.copyOf(snapshotLog);
    metadataLog = List.copyOf(metadataLog);
    statistics = List.copyOf(statistics);
    partitionStatistics = List.copyOf(partitionStatistics);
    if (currentSnapshotId != null && currentSnapshotId == -1L) {
      currentSnapshotId = null;
    }
  }

  public Schema schema() {
    return schemaById(currentSchemaId);
  }

  public Schema schemaById(int id) {
    for (Schema s : schemas) {
      if (s.schemaId() == id) {
        return s;
      }
    }
    throw new IllegalStateException("table " + location + " has no schema with id " + id);
  }

  public PartitionSpec spec() {
    return specById(defaultSpecId);
  }

  public PartitionSpec specById(int id) {
    for (PartitionSpec s : specs) {
      if (s.specId() == id) {
        return s;
      }
    }
    throw new IllegalStateException("table " + location + " has no partition spec with id " + id);
  }

  public Map<Integer, PartitionSpec> specsById() {
    Map<Integer, PartitionSpec> byId = new HashMap<>();
    for (PartitionSpec s : specs) {
      byId.put(s.specId(), s);
    }
    return byId;
  }

  /** The snapshot with this id, or null. */
  public Snapshot snapshot(long snapshotId) {
    for (Snapshot s : snapshots) {
      if (s.snapshotId() == snapshotId) {
        return s;
      }
    }
    return null;
  }

  /** The statistics file of snapshot {@code snapshotId}, or null. */
  public StatisticsFile statisticsFile(long snapshotId) {
    for (StatisticsFile file : statistics) {
      if (file.snapshotId() == snapshotId) {
        return file;
      }
    }
    return null;
  }

  /**
   * The statistics file of {@code snapshot}, or else of its nearest ancestor that has one (statistics describe the
   * data as of that ancestor); null if none has one.
   */
  public StatisticsFile latestStatisticsFile(Snapshot snapshot) {
    if (statistics.isEmpty()) {
      return null; // most tables: no lineage walk (the planner asks for every table of every query)
    }
    for (Snapshot s : SnapshotAncestry.ancestorsOf(this, snapshot)) {
      StatisticsFile file = statisticsFile(s.snapshotId());
      if (file != null) {
        return file;
      }
    }
    return null;
  }

  /** The locations of the statistics and partition statistics files the metadata lists. */
  public Set<String> statisticsFilePaths() {
    Set<String> paths = new HashSet<>();
    statistics.forEach(f -> paths.add(f.path()));
    partitionStatistics.forEach(f -> paths.add(f.path()));
    return paths;
  }

  /** The current snapshot of the main branch, or null for a table without data yet. */
  public Snapshot currentSnapshot() {
    return currentSnapshotId == null ? null : snapshot(currentSnapshotId);
  }

  public String property(String key, String defaultValue) {
    return properties.getOrDefault(key, defaultValue);
  }

  public long propertyAsLong(String key, long defaultValue) {
    String v = properties.get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("table property '" + key + "' of " + location + " is not a number: " + v, e);
    }
  }

  /** A property that is {@code true} or {@code false} (ignoring case), or {@code defaultValue} when unset. */
  public boolean propertyAsBoolean(String key, boolean defaultValue) {
    String v = properties.get(key);
    if (v == null) {
      return defaultValue;
    }
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("table property '" + key + "' of " + location
          + " is not true or false: " + v);
    };
  }
}
