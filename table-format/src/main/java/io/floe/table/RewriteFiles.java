package io.floe.table;

import io.floe.commit.ConflictException;
import io.floe.commit.TableOperations;
import io.floe.manifest.DataFile;
import io.floe.manifest.ManifestFile;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces data files by others holding the same rows, as one snapshot with operation {@code replace} (the commit
 * of {@link RewriteDataFiles}). Files other commits add meanwhile are kept (appends are never lost); if another
 * commit removed one of the replaced files, the rows it deleted must not come back, so the commit fails with a
 * {@link ConflictException} and the new files are deleted.
 */
final class RewriteFiles extends SnapshotProducer<RewriteFiles> {
  private final Map<String, DataFile> toRemove = new LinkedHashMap<>();
  private final List<DataFile> added = new ArrayList<>();
  private final ManifestCompactor compactor = new ManifestCompactor(this);
  private Runnable deleteAdded = () -> { };
  private List<ManifestFile> newManifests;

  RewriteFiles(TableOperations ops) {
    super(ops);
  }

  @Override
  protected RewriteFiles self() {
    return this;
  }

  /** The table as this rewrite read it. */
  TableMetadata startingBase() {
    return startingBase;
  }

  /**
   * Replaces {@code removed} (live in the starting snapshot) by {@code replacements}; {@code deleteReplacements}
   * deletes the replacements if the commit fails for sure.
   */
  RewriteFiles rewrite(List<DataFile> removed, List<DataFile> replacements, Runnable deleteReplacements) {
    for (DataFile f : removed) {
      toRemove.put(f.path(), f);
    }
    added.addAll(replacements);
    deleteAdded = deleteReplacements;
    newManifests = null;
    return this;
  }

  @Override
  protected String operation() {
    return "replace";
  }

  @Override
  protected List<DataFile> addedFiles() {
    return added;
  }

  @Override
  protected List<DataFile> removedFiles() {
    return List.copyOf(toRemove.values());
  }

  @Override
  protected List<ManifestFile> apply(TableMetadata base, long sequenceNumber) {
    List<Snapshot> since = ConcurrentChanges.since(ops.tableName(), base, startingBase.currentSnapshot());
    ConcurrentChanges.forEach(io(), base, since, c -> {
      if (c.removed() && toRemove.containsKey(c.file().path())) {
        throw new ConflictException(ops.tableName(), "data file " + c.file().path() + " being rewritten was removed by "
            + c.by() + "; the rewrite is abandoned so that its deleted rows do not come back");
      }
    });
    if (newManifests == null) {
      newManifests = ManifestWriting.writeAdded(this, added);
    }
    List<ManifestFile> manifests = ManifestWriting.stamped(newManifests, sequenceNumber);
    manifests.addAll(ManifestWriting.withoutFiles(this, base, sequenceNumber, toRemove));
    return compactor.compact(base, manifests, sequenceNumber);
  }

  @Override
  protected void deleteWrittenDataFiles() {
    deleteAdded.run();
  }
}
