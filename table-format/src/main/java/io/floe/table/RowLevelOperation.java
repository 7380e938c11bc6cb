package io.floe.table;

import io.floe.arrow.ArrowRows;
import io.floe.commit.ConflictException;
import io.floe.commit.TableOperations;
import io.floe.data.Record;
import io.floe.data.Records;
import io.floe.expressions.Binder;
import io.floe.expressions.Expression;
import io.floe.expressions.Expressions;
import io.floe.expressions.MetricsEvaluator;
import io.floe.expressions.PartitionEvaluator;
import io.floe.expressions.RowEvaluator;
import io.floe.io.CloseableIterator;
import io.floe.manifest.DataFile;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotAncestry;
import io.floe.metadata.TableMetadata;
import io.floe.parquet.ParquetArrowReader;
import io.floe.partition.PartitionSpec;
import io.floe.scan.FileScanTask;
import io.floe.scan.ScanMetrics;
import io.floe.scan.ScanPlanner;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Removes files or rows and optionally adds files, as one snapshot (the base of {@link DeleteFiles} and
 * {@link OverwriteFiles}). Rows are deleted copy-on-write: a file whose rows all match the filter is dropped,
 * a file with some matching rows is rewritten without them. The files to change are worked out once against
 * the starting snapshot; on each commit attempt the change is validated against what other commits did since
 * (see {@link IsolationLevel}) and re-applied to the new base.
 */
abstract class RowLevelOperation<SELF extends RowLevelOperation<SELF>> extends SnapshotProducer<SELF> {
  private Expression rowFilter = Expressions.alwaysFalse();
  private final List<String> explicitDeletes = new ArrayList<>();
  protected final List<DataFile> added = new ArrayList<>();
  private final List<TableWriter> writers = new ArrayList<>();
  private Map<String, DataFile> toRemove;
  private final List<DataFile> rewritten = new ArrayList<>();
  private List<ManifestFile> newManifests;
  private final ManifestCompactor compactor = new ManifestCompactor(this);

  RowLevelOperation(TableOperations ops) {
    super(ops);
  }

  protected void addRowFilter(Expression filter) {
    rowFilter = Expressions.or(rowFilter, filter);
    toRemove = null;
  }

  protected void addExplicitDelete(String path) {
    explicitDeletes.add(path);
    toRemove = null;
  }

  protected void addDataFile(DataFile file) {
    added.add(file);
    newManifests = null;
  }

  protected void writeRecords(Iterable<? extends Record> rows) {
    TableWriter writer = newWriter();
    try {
      writer.writeAll(rows);
      added.addAll(writer.complete());
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    newManifests = null;
  }

  private TableWriter newWriter() {
    TableWriter writer = new TableWriter(ops, startingBase);
    writers.add(writer);
    return writer;
  }

  @Override
  protected String operation() {
    prepare();
    if (added.isEmpty() && rewritten.isEmpty()) {
      return "delete";
    }
    return toRemove.isEmpty() ? "append" : "overwrite";
  }

  @Override
  protected List<DataFile> addedFiles() {
    List<DataFile> all = new ArrayList<>(added);
    all.addAll(rewritten);
    return all;
  }

  @Override
  protected List<DataFile> removedFiles() {
    prepare();
    return List.copyOf(toRemove.values());
  }

  private Expression boundFilter(Schema schema) {
    try {
      return Binder.bind(schema.asStruct(), rowFilter, true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid filter on table " + ops.tableName() + ": " + e.getMessage(), e);
    }
  }

  /** Works out, once, which files of the starting snapshot to remove and writes the rewritten remainders. */
  private void prepare() {
    if (toRemove != null) {
      return;
    }
    Map<String, DataFile> remove = new LinkedHashMap<>();
    Snapshot start = startingHead();
    Schema schema = startingBase.schema();
    if (!explicitDeletes.isEmpty()) {
      Map<String, DataFile> live = new HashMap<>();
      for (FileScanTask t : ScanPlanner.plan(io(), startingBase, start, schema, Expressions.alwaysTrue(), new ScanMetrics())) {
        live.put(t.file().path(), t.file());
      }
      for (String path : explicitDeletes) {
        DataFile f = live.get(path);
        if (f == null) {
          throw new IllegalArgumentException("cannot delete " + path + ": it is not a live data file of table " + ops.tableName());
        }
        remove.put(path, f);
      }
    }
    if (!(rowFilter instanceof Expression.False)) {
      Expression bound = boundFilter(schema);
      TableWriter writer = null;
      for (FileScanTask t : ScanPlanner.plan(io(), startingBase, start, schema, bound, new ScanMetrics())) {
        if (remove.containsKey(t.file().path())) {
          continue;
        }
        List<Record> kept = new ArrayList<>();
        long matched = readUnmatched(t.file(), schema, bound, kept);
        if (matched == 0) {
          continue;
        }
        remove.put(t.file().path(), t.file());
        if (!kept.isEmpty()) {
          if (writer == null) {
            writer = newWriter();
          }
          writer.writeAll(kept);
        }
      }
      if (writer != null) {
        rewritten.addAll(writer.complete());
      }
    }
    toRemove = remove;
  }

  /** Reads a file, collecting the rows that do NOT match; returns how many matched. */
  private long readUnmatched(DataFile file, Schema schema, Expression bound, List<Record> kept) {
    RowEvaluator evaluator = new RowEvaluator(schema.asStruct(), bound);
    long matched = 0;
    try (BufferAllocator allocator = new RootAllocator();
         CloseableIterator<VectorSchemaRoot> batches = ParquetArrowReader.read(io().newInputFile(file.path()), schema,
             allocator, 8192, m -> true)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          for (int i = 0; i < batch.getRowCount(); i++) {
            Record row = ArrowRows.rowView(batch, schema, i);
            if (evaluator.eval(row)) {
              matched++;
            } else {
              kept.add(Records.copy(row));
            }
          }
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read data file " + file.path() + " of table " + ops.tableName(), e);
    }
    return matched;
  }

  @Override
  protected List<ManifestFile> apply(TableMetadata base, long sequenceNumber) {
    prepare();
    validate(base);
    List<ManifestFile> manifests = new ArrayList<>();
    if (newManifests == null) {
      newManifests = ManifestWriting.writeAdded(this, addedFiles());
    }
    for (ManifestFile m : newManifests) {
      manifests.add(withSequenceNumber(m, sequenceNumber));
    }
    Snapshot current = head(base);
    int found = 0;
    if (current != null) {
      Map<Integer, PartitionSpec> specs = base.specsById();
      for (ManifestFile m : ManifestListReader.read(io(), current.manifestList())) {
        List<ManifestEntry> entries = toRemove.isEmpty() ? List.of() : ManifestReader.read(io(), m, specs);
        long hits = entries.stream().filter(e -> e.isLive() && toRemove.containsKey(e.file().path())).count();
        if (hits == 0) {
          manifests.add(m);
          continue;
        }
        found += (int) hits;
        manifests.add(ManifestWriting.write(this, base, m.partitionSpecId(), sequenceNumber, w -> {
          for (ManifestEntry e : entries) {
            if (!e.isLive()) {
              continue;
            }
            if (toRemove.containsKey(e.file().path())) {
              w.delete(e, snapshotId());
            } else {
              ManifestWriting.keep(w, e, snapshotId());
            }
          }
        }));
      }
    }
    if (found != toRemove.size()) {
      throw new ConflictException(ops.tableName(), (toRemove.size() - found)
          + " data file(s) this operation removes are no longer in the table (removed by a concurrent commit)");
    }
    return compactor.compact(base, manifests, sequenceNumber);
  }

  /**
   * Checks the commits that landed on the target branch after the starting snapshot against this operation; fails
   * if the branch no longer descends from the starting snapshot (it was rolled back or replaced meanwhile).
   */
  private void validate(TableMetadata base) {
    Snapshot start = startingHead();
    List<Snapshot> since = new ArrayList<>();
    boolean reachedStart = start == null;
    for (Snapshot s : SnapshotAncestry.ancestorsOf(base, head(base))) {
      if (start != null && s.snapshotId() == start.snapshotId()) {
        reachedStart = true;
        break;
      }
      since.add(s);
    }
    if (!reachedStart) {
      throw new ConflictException(ops.tableName(), "branch " + targetBranch() + " no longer descends from snapshot "
          + start.snapshotId() + " that this operation read (it was rolled back or replaced by a concurrent commit)");
    }
    if (since.isEmpty()) {
      return;
    }
    boolean checkAdded = IsolationLevel.of(base) == IsolationLevel.SERIALIZABLE && !(rowFilter instanceof Expression.False);
    // bound by field id against the schema this operation read, so a concurrent rename cannot break validation
    Expression bound = checkAdded ? boundFilter(startingBase.schema()) : null;
    MetricsEvaluator metrics = checkAdded ? new MetricsEvaluator(startingBase.schema(), bound) : null;
    Map<Integer, PartitionSpec> specs = base.specsById();
    for (Snapshot s : since) {
      for (ManifestFile m : ManifestListReader.read(io(), s.manifestList())) {
        if (m.addedSnapshotId() != s.snapshotId()) {
          continue;
        }
        for (ManifestEntry e : ManifestReader.read(io(), m, specs)) {
          if (e.snapshotId() == null || e.snapshotId() != s.snapshotId()) {
            continue;
          }
          if (e.status() == ManifestEntry.Status.DELETED && toRemove.containsKey(e.file().path())) {
            throw new ConflictException(ops.tableName(), "data file " + e.file().path()
                + " that this operation removes was removed by concurrent snapshot " + s.snapshotId() + " (" + s.operation() + ")");
          }
          if (checkAdded && e.status() == ManifestEntry.Status.ADDED
              && new PartitionEvaluator(specs.get(m.partitionSpecId()), bound).mightMatch(e.file().partition())
              && metrics.mightMatch(e.file().metrics())) {
            throw new ConflictException(ops.tableName(), "concurrent snapshot " + s.snapshotId() + " (" + s.operation()
                + ") added data file " + e.file().path() + " that may hold rows matching " + rowFilter
                + " (isolation level serializable)");
          }
        }
      }
    }
  }

  @Override
  protected void deleteWrittenDataFiles() {
    for (TableWriter w : writers) {
      for (String location : w.writtenLocations()) {
        io().deleteFile(location);
      }
    }
  }
}
