package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.data.Record;
import io.floe.manifest.DataFile;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends rows or already-written data files as one new snapshot. Appends never conflict: on a lost race the
 * new files are simply added to the new current snapshot. Ends with {@link #commit()}.
 */
public final class AppendFiles extends SnapshotProducer<AppendFiles> {
  private final List<DataFile> added = new ArrayList<>();
  private final WrittenDataFiles written;
  private final ManifestCompactor compactor;
  private List<ManifestFile> newManifests;

  AppendFiles(TableOperations ops) {
    super(ops);
    this.compactor = new ManifestCompactor(this);
    this.written = new WrittenDataFiles(ops, startingBase);
  }

  @Override
  protected AppendFiles self() {
    return this;
  }

  /** Adds a data file written elsewhere (its partition must follow the table's current spec). */
  public AppendFiles appendFile(DataFile file) {
    if (file.specId() != startingBase.defaultSpecId() && startingBase.specsById().get(file.specId()) == null) {
      throw new IllegalArgumentException("data file " + file.path() + " names unknown partition spec " + file.specId());
    }
    added.add(file);
    newManifests = null;
    return this;
  }

  /** Writes the rows into new data files now (partitioned and rolled per the table's settings). */
  public AppendFiles appendRecords(Iterable<? extends Record> rows) {
    added.addAll(written.write(rows));
    newManifests = null;
    return this;
  }

  @Override
  protected String operation() {
    return "append";
  }

  @Override
  protected List<ManifestFile> apply(TableMetadata base, long sequenceNumber) {
    if (newManifests == null) {
      newManifests = ManifestWriting.writeAdded(this, added);
    }
    List<ManifestFile> manifests = ManifestWriting.stamped(newManifests, sequenceNumber);
    Snapshot current = head(base);
    if (current != null) {
      manifests.addAll(ManifestListReader.read(io(), current.manifestList()));
    }
    return compactor.compact(base, manifests, sequenceNumber);
  }

  @Override
  protected List<DataFile> addedFiles() {
    return added;
  }

  @Override
  protected List<DataFile> removedFiles() {
    return List.of();
  }

  @Override
  protected void deleteWrittenDataFiles() {
    written.deleteAll();
  }
}
