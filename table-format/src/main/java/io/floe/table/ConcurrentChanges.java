package io.floe.table;

import io.floe.commit.ConflictException;
import io.floe.io.FileIO;
import io.floe.manifest.DataFile;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.Snapshot;
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

    /** "snapshot 123 (delete)", for messages. */
    String by() {
      return "concurrent snapshot " + snapshot.snapshotId() + " (" + snapshot.operation() + ")";
    }
  }

  /**
   * The snapshots of {@code base}'s main branch committed after {@code start} (null: the table was empty),
   * newest first. If the history between them is gone (expired meanwhile), what happened cannot be checked and
   * this fails with a {@link ConflictException}.
   */
  static List<Snapshot> since(String tableName, TableMetadata base, Snapshot start) {
    List<Snapshot> since = new ArrayList<>();
    Snapshot s = base.currentSnapshot();
    while (s != null && (start == null || s.snapshotId() != start.snapshotId())) {
      since.add(s);
      Long parent = s.parentSnapshotId();
      if (parent == null) {
        s = null;
        break;
      }
      s = base.snapshot(parent);
      if (s == null) {
        throw new ConflictException(tableName, "cannot validate against concurrent commits: snapshot " + parent
            + " in the history since the operation started was expired");
      }
    }
    if (s == null && start != null) {
      throw new ConflictException(tableName, "cannot validate against concurrent commits: the starting snapshot "
          + start.snapshotId() + " is no longer an ancestor of the current snapshot");
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
