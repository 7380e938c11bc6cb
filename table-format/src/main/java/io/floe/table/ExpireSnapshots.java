package io.floe.table;

import io.floe.commit.CommitFailedException;
import io.floe.commit.CommitStateUnknownException;
import io.floe.commit.RetryPolicy;
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
 * commit (retried on lost races like any commit); then, only once that commit succeeded, deletes the manifest
 * lists, manifests and data files that no kept snapshot reaches ({@link ExpiredFiles}). Ends with
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
                       long deletedManifests, long deletedManifestLists) {
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

  /** Commits the new metadata, then deletes the unreachable files (when asked); returns what was done. */
  public Result commit() {
    TableMetadata base = ops.refresh();
    if (base == null) {
      throw new NoSuchTableException("no table at " + ops.tableName());
    }
    if (cleanExpiredFiles && !Boolean.parseBoolean(base.property(TableProperties.GC_ENABLED, "true"))) {
      throw new IllegalStateException("cannot delete the files of expired snapshots of table " + ops.tableName() + ": "
          + TableProperties.GC_ENABLED + " is false (its files may be shared); use cleanExpiredFiles(false)");
    }
    RetryPolicy retry = RetryPolicy.from(base);
    long deadline = System.currentTimeMillis() + retry.totalTimeoutMs();
    ExpiryPlan unknown = null;
    ExpiryPlan committed = null;
    for (int attempt = 0; committed == null; attempt++) {
      if (attempt > 0) {
        base = ops.refresh();
        if (base == null) {
          throw new IllegalStateException("table " + ops.tableName() + " was dropped");
        }
      }
      if (unknown != null && unknown.landedIn(base)) {
        LOG.info("expiry of {} snapshots of {} had landed on an earlier attempt", unknown.expired().size(), ops.tableName());
        committed = unknown.committedAs(base);
        break;
      }
      ExpiryPlan plan = plan(base);
      if (plan.isEmpty()) {
        return new Result(List.of(), List.of(), 0, 0, 0);
      }
      try {
        ops.commit(base, plan.after());
        committed = plan;
      } catch (CommitStateUnknownException e) {
        unknown = plan;
        if (attempt >= retry.numRetries() || System.currentTimeMillis() > deadline) {
          throw e;
        }
        LOG.warn("outcome of the expiry commit to {} unknown, checking on retry: {}", ops.tableName(), e.toString());
        retry.backoff(attempt + 1);
      } catch (CommitFailedException e) {
        if (attempt >= retry.numRetries() || System.currentTimeMillis() > deadline) {
          throw new CommitFailedException("gave up expiring snapshots of table " + ops.tableName() + " after "
              + (attempt + 1) + " attempts lost to concurrent commits", e);
        }
        retry.backoff(attempt + 1);
      }
    }
    List<Long> ids = committed.expired().stream().map(Snapshot::snapshotId).toList();
    LOG.info("expired {} snapshots of {}, dropped refs {}", ids.size(), ops.tableName(), committed.removedRefs());
    if (!cleanExpiredFiles) {
      return new Result(ids, committed.removedRefs(), 0, 0, 0);
    }
    ExpiredFiles.Deleted deleted = ExpiredFiles.delete(ops, committed.before(), committed.expired(), committed.after());
    return new Result(ids, committed.removedRefs(), deleted.dataFiles(), deleted.manifests(), deleted.manifestLists());
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

    /** Whether {@code current} already lacks every snapshot and ref this plan removes. */
    boolean landedIn(TableMetadata current) {
      return expired.stream().allMatch(s -> current.snapshot(s.snapshotId()) == null)
          && removedRefs.stream().noneMatch(current.refs()::containsKey);
    }

    ExpiryPlan committedAs(TableMetadata current) {
      return new ExpiryPlan(before, current, expired, removedRefs);
    }
  }
}
