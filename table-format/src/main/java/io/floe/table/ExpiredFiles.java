package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.io.BulkDeleteException;
import io.floe.io.SupportsBulkDelete;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what expired snapshots alone reached, after their expiry was committed: their manifest lists, the
 * manifests no kept snapshot lists, the data files no kept snapshot reads, and their statistics files. The kept sets are computed from
 * every snapshot of the committed metadata before anything is deleted; a file a kept snapshot reaches is never
 * deleted.
 *
 * <p>Candidate data files are found without reading every expired manifest: a file live in an expired snapshot
 * but in no kept one was either removed on the way from a manifest's adding snapshot to a kept descendant (which
 * wrote a DELETED entry, in a manifest with deleted files that some snapshot still lists), or added on a lineage
 * no kept snapshot descends from (rolled back, or a dropped branch). So only manifests with deleted files, and
 * expired manifests added off the kept snapshots' lineage, are read; every kept manifest is read anyway.
 */
final class ExpiredFiles {
  private static final Logger LOG = LoggerFactory.getLogger(ExpiredFiles.class);

  private ExpiredFiles() {
  }

  /** How many files of each kind were deleted. */
  record Deleted(long dataFiles, long manifests, long manifestLists, long statisticsFiles) {
  }

  static Deleted delete(TableOperations ops, TableMetadata before, List<Snapshot> expired, TableMetadata after) {
    ReachableFiles kept;
    ReachableFiles gone;
    try {
      kept = ReachableFiles.of(ops.io(), after, after.snapshots(), m -> true);
      Set<Long> keptLineage = ReachableFiles.lineage(before, after.snapshots());
      gone = ReachableFiles.of(ops.io(), before, expired, m -> !kept.manifests().containsKey(m.path())
          && (m.deletedFilesCount() > 0 || !keptLineage.contains(m.addedSnapshotId())));
    } catch (RuntimeException e) {
      throw new IllegalStateException("snapshots of table " + ops.tableName() + " were expired, but their files could not"
          + " be worked out, so none was deleted (remove them later with deleteOrphanFiles): " + e.getMessage(), e);
    }
    Set<String> candidates = new HashSet<>(gone.liveDataFiles());
    candidates.addAll(gone.deletedDataFiles());
    candidates.addAll(kept.deletedDataFiles());
    List<RuntimeException> failures = new ArrayList<>();
    long data = deleteAll(ops, candidates, kept.liveDataFiles(), failures);
    long manifests = deleteAll(ops, gone.manifests().keySet(), kept.manifests().keySet(), failures);
    long lists = deleteAll(ops, gone.manifestLists(), kept.manifestLists(), failures);
    long statistics = deleteAll(ops, before.statisticsFilePaths(), after.statisticsFilePaths(), failures);
    if (!failures.isEmpty()) {
      IllegalStateException e = new IllegalStateException("snapshots of table " + ops.tableName() + " were expired, but "
          + failures.size() + " of their files could not be deleted (they stay as orphans): " + failures.get(0).getMessage());
      failures.forEach(e::addSuppressed);
      throw e;
    }
    LOG.info("deleted {} data files, {} manifests, {} manifest lists and {} statistics files of expired snapshots of {}",
        data, manifests, lists, statistics, ops.tableName());
    return new Deleted(data, manifests, lists, statistics);
  }

  private static long deleteAll(TableOperations ops, Set<String> candidates, Set<String> kept, List<RuntimeException> failures) {
    List<String> toDelete = candidates.stream().filter(path -> !kept.contains(path)).toList();
    if (ops.io() instanceof SupportsBulkDelete bulk) {
      try {
        bulk.deleteFiles(toDelete);
        return toDelete.size();
      } catch (BulkDeleteException e) {
        failures.add(e);
        return toDelete.size() - e.failedLocations().size();
      }
    }
    List<RuntimeException> results = IoPool.map(toDelete, path -> {
      try {
        ops.io().deleteFile(path);
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    long deleted = 0;
    for (RuntimeException e : results) {
      if (e == null) {
        deleted++;
      } else {
        failures.add(e);
      }
    }
    return deleted;
  }
}
