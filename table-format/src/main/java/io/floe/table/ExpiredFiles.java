package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what expired snapshots alone reached, after their expiry was committed: their manifest lists, the
 * manifests no kept snapshot lists, and the data files no kept snapshot reads. The kept sets are computed from
 * every snapshot of the committed metadata before anything is deleted; a file a kept snapshot reaches is never
 * deleted.
 */
final class ExpiredFiles {
  private static final Logger LOG = LoggerFactory.getLogger(ExpiredFiles.class);

  private ExpiredFiles() {
  }

  /** How many files of each kind were deleted. */
  record Deleted(long dataFiles, long manifests, long manifestLists) {
  }

  static Deleted delete(TableOperations ops, TableMetadata before, List<Snapshot> expired, TableMetadata after) {
    ReachableFiles kept;
    ReachableFiles gone;
    try {
      kept = ReachableFiles.of(ops.io(), after, after.snapshots(), true, path -> true);
      gone = ReachableFiles.of(ops.io(), before, expired, false, path -> !kept.manifests().contains(path));
    } catch (RuntimeException e) {
      throw new IllegalStateException("snapshots of table " + ops.tableName() + " were expired, but their files could not"
          + " be worked out, so none was deleted (remove them later with deleteOrphanFiles): " + e.getMessage(), e);
    }
    List<RuntimeException> failures = new ArrayList<>();
    long data = deleteAll(ops, gone.dataFiles(), kept.dataFiles(), failures);
    long manifests = deleteAll(ops, gone.manifests(), kept.manifests(), failures);
    long lists = deleteAll(ops, gone.manifestLists(), kept.manifestLists(), failures);
    if (!failures.isEmpty()) {
      IllegalStateException e = new IllegalStateException("snapshots of table " + ops.tableName() + " were expired, but "
          + failures.size() + " of their files could not be deleted (they stay as orphans): " + failures.get(0).getMessage());
      failures.forEach(e::addSuppressed);
      throw e;
    }
    LOG.info("deleted {} data files, {} manifests and {} manifest lists of expired snapshots of {}", data, manifests,
        lists, ops.tableName());
    return new Deleted(data, manifests, lists);
  }

  private static long deleteAll(TableOperations ops, Set<String> candidates, Set<String> kept, List<RuntimeException> failures) {
    long deleted = 0;
    for (String path : candidates) {
      if (kept.contains(path)) {
        continue;
      }
      try {
        ops.io().deleteFile(path);
        deleted++;
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    return deleted;
  }
}
