package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.data.Record;
import io.floe.manifest.DataFile;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.metadata.Snapshot;
import io.floe.metadata.StatisticsFile;
import io.floe.metadata.TableMetadata;
import io.floe.puffin.ColumnThetaSketches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends rows or already-written data files as one new snapshot. Appends never conflict: on a lost race the
 * new files are simply added to the new current snapshot. Ends with {@link #commit()}.
 *
 * <p>When every row appended was written by Floe with sketches ({@link #appendRecords}, {@link #appendWritten}; see
 * {@link TableProperties#WRITE_DISTINCT_COUNTS}), the commit also gives the new snapshot a statistics file of distinct
 * counts: the new rows' sketches added to the parent snapshot's statistics file (columns it lacks are left out), or
 * alone for the table's first snapshot. Without a statistics file on the parent, or with a file written elsewhere
 * ({@link #appendFile}), the snapshot gets none (the planner then reads an ancestor's, as after any other change).
 */
public final class AppendFiles extends SnapshotProducer<AppendFiles> {
  private final List<DataFile> added = new ArrayList<>();
  private final WrittenDataFiles written;
  private final ManifestCompactor compactor;
  private List<ManifestFile> newManifests;
  /** The sketches of the rows appended, per writer; null once rows of unknown values are appended. */
  private List<Map<Integer, ColumnThetaSketches.Result>> sketches = new ArrayList<>();

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
    add(file);
    sketches = null;
    return this;
  }

  /**
   * Adds every data file of a writer of this table, completing it, and the sketches of the values it wrote (a
   * writer from {@link Table#newAppendWriter}; one from {@link Table#newWriter} has none). The writer's files stay
   * the caller's to delete should the commit fail.
   */
  public AppendFiles appendWritten(TableWriter writer) {
    writer.complete().forEach(this::add);
    addSketches(writer.sketches());
    return this;
  }

  /**
   * Writes the rows into new data files now (partitioned and rolled per the table's settings). Each call writes
   * files of its own: for many small batches, write them with one {@link Table#newAppendWriter} and add it with
   * {@link #appendWritten}.
   */
  public AppendFiles appendRecords(Iterable<? extends Record> rows) {
    return appendWritten(written.writeSketched(rows));
  }

  private void add(DataFile file) {
    if (file.specId() != startingBase.defaultSpecId() && startingBase.specsById().get(file.specId()) == null) {
      throw new IllegalArgumentException("data file " + file.path() + " names unknown partition spec " + file.specId());
    }
    added.add(file);
    newManifests = null;
  }

  private void addSketches(Map<Integer, ColumnThetaSketches.Result> writerSketches) {
    if (sketches != null && writerSketches != null) {
      sketches.add(writerSketches);
    } else {
      sketches = null;
    }
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
  protected StatisticsFile statistics(TableMetadata base, Snapshot snapshot) {
    if (sketches == null || added.isEmpty()) {
      return null;
    }
    Map<Integer, byte[]> parentSketches = null;
    if (snapshot.parentSnapshotId() != null) {
      parentSketches = ThetaStatisticsFiles.ofParent(ops, base, snapshot);
      if (parentSketches == null) {
        return null;
      }
    }
    Map<Integer, List<byte[]>> byField = new LinkedHashMap<>();
    for (Map<Integer, ColumnThetaSketches.Result> writerSketches : sketches) {
      writerSketches.forEach((id, result) ->
          byField.computeIfAbsent(id, k -> new ArrayList<>()).add(result.compactSketch()));
    }
    List<ColumnThetaSketches.Result> results = new ArrayList<>();
    for (Map.Entry<Integer, List<byte[]>> field : byField.entrySet()) {
      List<byte[]> parts = new ArrayList<>(field.getValue());
      if (parentSketches != null) {
        byte[] before = parentSketches.get(field.getKey());
        if (before == null) {
          continue;
        }
        parts.add(before);
      }
      results.add(ColumnThetaSketches.union(field.getKey(), parts));
    }
    return results.isEmpty() ? null : ThetaStatisticsFiles.write(ops, snapshot, results);
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
