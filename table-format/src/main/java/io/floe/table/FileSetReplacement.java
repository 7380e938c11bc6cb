package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.manifest.DataFile;
import io.floe.manifest.ManifestFile;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An operation that removes a set of data files worked out against its starting snapshot and adds others, as one
 * snapshot (the base of {@link ReplacePartitions} and {@link RewriteFiles}). On each attempt, every file added or
 * removed by the commits that landed since the start is passed to {@link #checkConcurrent}, which throws a
 * {@link io.floe.commit.ConflictException} on a conflict; the removals are then applied to the new base, and fail
 * if a file to remove is no longer there.
 */
abstract class FileSetReplacement<SELF extends FileSetReplacement<SELF>> extends SnapshotProducer<SELF> {
  protected final List<DataFile> added = new ArrayList<>();
  private final ManifestCompactor compactor = new ManifestCompactor(this);
  private List<ManifestFile> newManifests;

  FileSetReplacement(TableOperations ops) {
    super(ops);
  }

  /** The files to remove, by path, as live in the starting snapshot (worked out once). */
  protected abstract Map<String, DataFile> filesToRemove();

  /** Throws a {@link io.floe.commit.ConflictException} if this concurrent change conflicts with the operation. */
  protected abstract void checkConcurrent(ConcurrentChanges.Change change);

  /** To call when the added files change: the manifest of added files is written again. */
  protected void addedFilesChanged() {
    newManifests = null;
  }

  @Override
  protected List<DataFile> addedFiles() {
    return added;
  }

  @Override
  protected List<DataFile> removedFiles() {
    return List.copyOf(filesToRemove().values());
  }

  @Override
  protected List<ManifestFile> apply(TableMetadata base, long sequenceNumber) {
    Map<String, DataFile> toRemove = filesToRemove();
    List<Snapshot> since = ConcurrentChanges.since(this, base);
    ConcurrentChanges.forEach(io(), base, since, this::checkConcurrent);
    if (newManifests == null) {
      newManifests = ManifestWriting.writeAdded(this, added);
    }
    return ManifestWriting.replacing(this, base, sequenceNumber, newManifests, toRemove, compactor);
  }
}
