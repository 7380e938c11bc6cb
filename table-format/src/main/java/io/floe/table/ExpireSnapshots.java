package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires snapshots per the spec's retention policy ({@link SnapshotRetention}) and explicit ids, in one metadata
 * commit (worked out again on the fresh base after a lost race); then, only once that commit succeeded, deletes the manifest
 * lists, manifests and data files that no kept snapshot reaches and the expired snapshots' statistics files
 * ({@link ExpiredFiles}). Ends with
 * {@link #commit()}.
 */
public final class ExpireSnapshots {
  private static final Logger LOG = LoggerFactory.getLogger(ExpireSnapshots.class);

  private final TableOperations ops;
  private final Set<Long> explicitIds = new LinkedHashSet<>();
  private Long expireOlderThan;
  private Integer retainLast;
  private boolean cleanExpiredFiles = true;

  ExpireSnapshots(TableOperations ops) {
    this.ops = ops;
  }

  /** What an expiry did. */
  public record Result(List<Long> expiredSnapshotIds, List<String> removedRefs, long deletedDataFiles,
                       long deletedManifests, long deletedManifestLists, long deletedStatisticsFiles) {
  }

  /**
   * Expires snapshots older than this instant (epoch ms) that no retention rule keeps; replaces the table's
   * {@code history.expire.max-snapshot-age-ms} for branches without their own setting.
   */
  public ExpireSnapshots expireOlderThan(long timestampMillis) {
    this.expireOlderThan = timestampMillis;
    return this;
  }

  /** Keeps at least this many snapshots of each branch without its own setting (instead of the table's). */
  public ExpireSnapshots retainLast(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("must retain at least one snapshot, not " + count);
    }
    this.retainLast = count;
    return this;
  }

  /** Expires this snapshot whatever the retention rules say; it must not be the snapshot of a kept ref. */
  public ExpireSnapshots expireSnapshotId(long snapshotId) {
    explicitIds.add(snapshotId);
    return this;
  }

  /** Whether to delete the files only expired snapshots reached (default true). */
  public ExpireSnapshots cleanExpiredFiles(boolean clean) {
    this.cleanExpiredFiles = clean;
    return this;
  }

  /**
   * Commits the new metadata, then deletes the unreachable files (when asked); returns what was done. If the
   * outcome of the metadata commit is unknown, {@link io.floe.commit.CommitStateUnknownException} is thrown and no
   * file is deleted (the files of snapshots it may have expired are then orphans; see {@link DeleteOrphanFiles}).
   */
  public Result commit() {
    TableMetadata first = ops.refresh();
    if (first == null) {
      throw new NoSuchTableException("no table at " + ops.tableName());
    }
    if (cleanExpiredFiles && !Boolean.parseBoolean(first.property(TableProperties.GC_ENABLED, "true"))) {
      throw new IllegalStateException("cannot delete the files of expired snapshots of table " + ops.tableName() + ": "
          + TableProperties.GC_ENABLED + " is false (its files may be shared); use cleanExpiredFiles(false)");
    }
    ExpiryPlan[] last = new ExpiryPlan[1];
    TableMetadata committed = MetadataOnlyCommit.commit(ops, "snapshot expiry", base -> {
      last[0] = plan(base);
      return last[0].after();
    });
    ExpiryPlan plan = last[0];
    if (plan.isEmpty()) {
      return new Result(List.of(), List.of(), 0, 0, 0, 0);
    }
    List<Long> ids = plan.expired().stream().map(Snapshot::snapshotId).toList();
    LOG.info("expired {} snapshots of {}, dropped refs {}", ids.size(), ops.tableName(), plan.removedRefs());
    if (!cleanExpiredFiles) {
      return new Result(ids, plan.removedRefs(), 0, 0, 0, 0);
    }
    ExpiredFiles.Deleted deleted = ExpiredFiles.delete(ops, plan.before(), plan.expired(), committed);
    return new Result(ids, plan.removedRefs(), deleted.dataFiles(), deleted.manifests(), deleted.manifestLists(),
        deleted.statisticsFiles());
  }

  private ExpiryPlan plan(TableMetadata base) {
    SnapshotRetention.Retained retained = new SnapshotRetention(base, System.currentTimeMillis(), expireOlderThan,
        retainLast).apply(base);
    Set<Long> keep = new LinkedHashSet<>(retained.snapshotIds());
    for (long id : explicitIds) {
      if (base.snapshot(id) == null) {
        throw new IllegalArgumentException("cannot expire snapshot " + id + ": table " + ops.tableName() + " has no such snapshot");
      }
      List<String> refs = retained.refs().entrySet().stream().filter(e -> e.getValue().snapshotId() == id)
          .map(java.util.Map.Entry::getKey).sorted().toList();
      if (!refs.isEmpty()) {
        throw new IllegalArgumentException("cannot expire snapshot " + id + " of table " + ops.tableName()
            + ": refs " + refs + " point to it");
      }
      keep.remove(id);
    }
    List<Snapshot> expired = SnapshotRetention.expired(base, keep);
    List<String> removedRefs = new ArrayList<>(base.refs().keySet());
    removedRefs.removeAll(retained.refs().keySet());
    removedRefs.sort(null);
    TableMetadata after = expired.isEmpty() && removedRefs.isEmpty() ? base
        : MetadataChanges.removeSnapshots(base, keep, retained.refs());
    return new ExpiryPlan(base, after, expired, removedRefs);
  }

  /** One attempt's change: the base, the metadata to commit, the snapshots it expires and the refs it drops. */
  private record ExpiryPlan(TableMetadata before, TableMetadata after, List<Snapshot> expired, List<String> removedRefs) {
    boolean isEmpty() {
      return expired.isEmpty() && removedRefs.isEmpty();
    }
  }
}
