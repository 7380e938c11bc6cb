package io.floe.table;

import io.floe.commit.CommitFailedException;
import io.floe.commit.CommitStateUnknownException;
import io.floe.commit.RetryPolicy;
import io.floe.commit.TableOperations;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Branches, tags, their retention settings, and rollback, committed together as one new metadata version that
 * adds no snapshot (Iceberg's {@code ManageSnapshots}). Each change is checked when it is added, and again on
 * the fresh table state of every commit attempt; a change of {@code main} moves current-snapshot-id and is
 * recorded in the snapshot-log. Ends with {@link #commit()}.
 */
public final class ManageSnapshots {
  private static final Logger LOG = LoggerFactory.getLogger(ManageSnapshots.class);

  private final TableOperations ops;
  private final List<Consumer<RefEdits>> changes = new ArrayList<>();
  private boolean committed;

  ManageSnapshots(TableOperations ops) {
    this.ops = ops;
  }

  /** Creates a branch at main's current snapshot. */
  public ManageSnapshots createBranch(String name) {
    return add(e -> e.createBranch(name));
  }

  public ManageSnapshots createBranch(String name, long snapshotId) {
    return add(e -> e.createBranch(name, snapshotId));
  }

  public ManageSnapshots createTag(String name, long snapshotId) {
    return add(e -> e.createTag(name, snapshotId));
  }

  /** Points an existing branch at any known snapshot (for {@code main}: like {@link #setCurrentSnapshot}). */
  public ManageSnapshots replaceBranch(String name, long snapshotId) {
    return add(e -> e.replaceBranch(name, snapshotId));
  }

  public ManageSnapshots replaceTag(String name, long snapshotId) {
    return add(e -> e.replaceTag(name, snapshotId));
  }

  /** Removes a branch other than {@code main}; its snapshots stay until expired. */
  public ManageSnapshots removeBranch(String name) {
    return add(e -> e.removeBranch(name));
  }

  public ManageSnapshots removeTag(String name) {
    return add(e -> e.removeTag(name));
  }

  public ManageSnapshots renameBranch(String name, String newName) {
    return add(e -> e.renameBranch(name, newName));
  }

  /** Retention of a branch: expiry keeps at least this many snapshots of its history. */
  public ManageSnapshots setMinSnapshotsToKeep(String branch, int count) {
    return add(e -> e.setMinSnapshotsToKeep(branch, count));
  }

  /** Retention of a branch: expiry may remove snapshots of its history older than this. */
  public ManageSnapshots setMaxSnapshotAgeMs(String branch, long ms) {
    return add(e -> e.setMaxSnapshotAgeMs(branch, ms));
  }

  /** Retention of a branch or tag: the ref itself may be expired this long after its head was written. */
  public ManageSnapshots setMaxRefLifetimeMs(String ref, long ms) {
    return add(e -> e.setMaxRefAgeMs(ref, ms));
  }

  /** Moves branch {@code target} to the head of {@code source}, only if target's head is an ancestor of it. */
  public ManageSnapshots fastForwardBranch(String target, String source) {
    return add(e -> e.fastForward(target, source));
  }

  /** Moves main back to {@code snapshotId}, which must be an ancestor of main's head. */
  public ManageSnapshots rollbackTo(long snapshotId) {
    return add(e -> e.rollbackTo(snapshotId));
  }

  /** Moves main back to the latest snapshot of its history written at or before {@code epochMillis}. */
  public ManageSnapshots rollbackToTime(long epochMillis) {
    return add(e -> e.rollbackToTime(epochMillis));
  }

  /** Moves main to any known snapshot (also one on another branch). */
  public ManageSnapshots setCurrentSnapshot(long snapshotId) {
    return add(e -> e.setCurrentSnapshot(snapshotId));
  }

  private ManageSnapshots add(Consumer<RefEdits> change) {
    if (committed) {
      throw new IllegalStateException("these ref changes of table " + ops.tableName() + " were already committed");
    }
    changes.add(change);
    try {
      applyTo(current());
    } catch (RuntimeException e) {
      changes.remove(changes.size() - 1);
      throw e;
    }
    return this;
  }

  /**
   * Commits the changes as one new metadata version (retrying lost races on the fresh table state) and returns
   * it; without changes, commits nothing and returns the current metadata.
   */
  public TableMetadata commit() {
    if (committed) {
      throw new IllegalStateException("these ref changes of table " + ops.tableName() + " were already committed");
    }
    TableMetadata start = current();
    if (changes.isEmpty()) {
      return start;
    }
    RetryPolicy retry = RetryPolicy.from(start);
    long deadline = System.currentTimeMillis() + retry.totalTimeoutMs();
    TableMetadata unknown = null;
    for (int attempt = 0; ; attempt++) {
      TableMetadata base = attempt == 0 ? start : ops.refresh();
      if (base == null) {
        throw new IllegalStateException("table " + ops.tableName() + " was dropped");
      }
      if (unknown != null && sameRefs(base, unknown)) {
        LOG.info("ref changes of table {} had landed on an earlier attempt", ops.tableName());
        committed = true;
        return base;
      }
      TableMetadata updated = applyTo(base);
      boolean lastAttempt = attempt >= retry.numRetries() || System.currentTimeMillis() > deadline;
      try {
        ops.commit(base, updated);
        committed = true;
        return ops.current();
      } catch (CommitStateUnknownException e) {
        if (lastAttempt) {
          throw e;
        }
        unknown = updated;
        LOG.warn("outcome of ref changes of table {} unknown, checking on retry: {}", ops.tableName(), e.toString());
      } catch (CommitFailedException e) {
        if (lastAttempt) {
          throw new CommitFailedException("gave up changing refs of table " + ops.tableName() + " after " + (attempt + 1)
              + " attempts lost to concurrent commits (" + RetryPolicy.NUM_RETRIES + "=" + retry.numRetries() + ")", e);
        }
      }
      retry.backoff(attempt + 1);
    }
  }

  private TableMetadata current() {
    TableMetadata m = ops.current();
    if (m == null) {
      throw new IllegalStateException("table " + ops.tableName() + " does not exist");
    }
    return m;
  }

  private TableMetadata applyTo(TableMetadata base) {
    RefEdits edits = new RefEdits(base, ops.tableName());
    for (Consumer<RefEdits> change : changes) {
      change.accept(edits);
    }
    return MetadataChanges.withRefs(base, edits.refs());
  }

  private static boolean sameRefs(TableMetadata a, TableMetadata b) {
    return a.refs().equals(b.refs()) && Objects.equals(a.currentSnapshotId(), b.currentSnapshotId());
  }
}
