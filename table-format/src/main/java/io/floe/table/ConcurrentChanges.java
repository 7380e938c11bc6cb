package io.floe.table;

import io.floe.commit.ConflictException;
import io.floe.io.FileIO;
import io.floe.manifest.DataFile;
import io.floe.manifest.FileContent;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotAncestry;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The data files other commits added or removed after an operation's starting snapshot: what an operation
 * validates before it is re-applied to a newer base. Shared by every operation that removes files.
 */
final class ConcurrentChanges {
  private ConcurrentChanges() {
  }

  /** One data file added or removed by a snapshot committed after the starting snapshot. */
  record Change(Snapshot snapshot, PartitionSpec spec, ManifestEntry entry) {
    boolean added() {
      return entry.status() == ManifestEntry.Status.ADDED;
    }

    boolean removed() {
      return entry.status() == ManifestEntry.Status.DELETED;
    }

    DataFile file() {
      return entry.file();
    }

    /** Whether a data file was added (not a delete file). */
    boolean addedData() {
      return added() && file().content() == FileContent.DATA;
    }

    /**
     * Whether this is a delete file (merge-on-read, from another engine) added in the partition of one of
     * {@code files}, or an equality delete file of an unpartitioned spec: it may delete rows of those files that
     * an operation rewriting them read as live.
     */
    boolean addedDeletesFor(Map<String, DataFile> files) {
      if (!added() || file().content() == FileContent.DATA || files.isEmpty()) {
        return false;
      }
      if (file().content() == FileContent.EQUALITY_DELETES && spec.isUnpartitioned()) {
        return true;
      }
      for (DataFile f : files.values()) {
        if (f.specId() == file().specId() && f.partition().equals(file().partition())) {
          return true;
        }
      }
      return false;
    }

    /** The conflict of an operation rewriting files that {@link #addedDeletesFor} them. */
    ConflictException deletesConflict(String tableName) {
      return new ConflictException(tableName, by() + " added delete file " + file().path()
          + " that may delete rows of files this operation rewrites; it is abandoned so that those rows do not come"
          + " back");
    }

    /** "snapshot 123 (delete)", for messages. */
    String by() {
      return "concurrent snapshot " + snapshot.snapshotId() + " (" + snapshot.operation() + ")";
    }
  }

  /**
   * The snapshots committed to {@code op}'s target branch in {@code base} after the snapshot {@code op} started
   * from, newest first. Fails with a {@link ConflictException} when what happened meanwhile cannot be checked: the
   * branch no longer descends from the starting snapshot (rolled back or replaced), or the history in between was
   * expired.
   */
  static List<Snapshot> since(SnapshotProducer<?> op, TableMetadata base) {
    Snapshot start = op.startingHead();
    List<Snapshot> since = new ArrayList<>();
    for (Snapshot s : SnapshotAncestry.ancestorsOf(base, op.head(base))) {
      if (start != null && s.snapshotId() == start.snapshotId()) {
        return since;
      }
      since.add(s);
    }
    Snapshot oldest = since.isEmpty() ? null : since.get(since.size() - 1);
    if (oldest != null && oldest.parentSnapshotId() != null) {
      throw new ConflictException(op.ops.tableName(), "cannot validate against concurrent commits: snapshot "
          + oldest.parentSnapshotId() + " in the history of branch " + op.targetBranch()
          + " since this operation started was expired");
    }
    if (start != null) {
      throw new ConflictException(op.ops.tableName(), "branch " + op.targetBranch() + " no longer descends from snapshot "
          + start.snapshotId() + " that this operation read (it was rolled back or replaced by a concurrent commit)");
    }
    return since;
  }

  /** Calls {@code visitor} for each file added or removed by one of {@code snapshots} (entries they wrote). */
  static void forEach(FileIO io, TableMetadata base, List<Snapshot> snapshots, Consumer<Change> visitor) {
    Map<Integer, PartitionSpec> specs = base.specsById();
    for (Snapshot s : snapshots) {
      for (ManifestFile m : ManifestListReader.read(io, s.manifestList())) {
        if (m.addedSnapshotId() != s.snapshotId()) {
          continue;
        }
        PartitionSpec spec = specs.get(m.partitionSpecId());
        for (ManifestEntry e : ManifestReader.read(io, m, specs)) {
          if (e.snapshotId() != null && e.snapshotId() == s.snapshotId() && e.status() != ManifestEntry.Status.EXISTING) {
            visitor.accept(new Change(s, spec, e));
          }
        }
      }
    }
  }
}
