package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.StatisticsFile;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets or removes the statistics files (Puffin) of snapshots, as one metadata-only commit (a new metadata version,
 * no snapshot), as Iceberg's {@code UpdateStatistics} does: a snapshot has at most one statistics file, and setting
 * one replaces the one it had. The files themselves are written beforehand (see
 * {@link ComputeTableStatistics}); on a lost commit race the changes are applied again to the fresh metadata.
 */
public final class UpdateStatistics {
  private final TableOperations ops;
  /** By snapshot id: the file to set, or null to remove the snapshot's file. */
  private final Map<Long, StatisticsFile> changes = new LinkedHashMap<>();

  UpdateStatistics(TableOperations ops) {
    this.ops = ops;
  }

  /** Makes {@code file} the statistics file of its snapshot. */
  public UpdateStatistics setStatistics(StatisticsFile file) {
    changes.put(file.snapshotId(), file);
    return this;
  }

  /** Removes the statistics file of snapshot {@code snapshotId} from the metadata (the file is not deleted). */
  public UpdateStatistics removeStatistics(long snapshotId) {
    changes.put(snapshotId, null);
    return this;
  }

  /** Commits the changes; returns the metadata committed. */
  public TableMetadata commit() {
    return MetadataOnlyCommit.commit(ops, "statistics", base -> {
      List<StatisticsFile> statistics = new ArrayList<>(base.statistics());
      statistics.removeIf(f -> changes.containsKey(f.snapshotId()));
      changes.values().stream().filter(f -> f != null).forEach(statistics::add);
      return statistics.equals(base.statistics()) ? base : MetadataChanges.withStatistics(base, statistics);
    });
  }
}
