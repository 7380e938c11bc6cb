package io.floe.table;

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
import io.floe.manifest.DataFile;
import io.floe.manifest.FileContent;
import io.floe.manifest.ManifestFile;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import io.floe.scan.DanglingDeletes;
import io.floe.scan.FileScanTask;
import io.floe.scan.ScanMetrics;
import io.floe.scan.ScanPlanner;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Removes files or rows and optionally adds files, as one snapshot (the base of {@link DeleteFiles} and
 * {@link OverwriteFiles}). Rows are deleted copy-on-write: a file whose rows all match the filter is dropped,
 * a file with some matching rows is rewritten without them. The files to change are worked out once against
 * the starting snapshot; on each commit attempt the change is validated against what other commits did since
 * (see {@link IsolationLevel}) and re-applied to the new base.
 */
abstract class RowLevelOperation<SELF extends RowLevelOperation<SELF>> extends SnapshotProducer<SELF> {
  private Expression rowFilter = Expressions.alwaysFalse();
  private Expression conflictFilter = Expressions.alwaysFalse();
  private final List<String> explicitDeletes = new ArrayList<>();
  /** The data files the added position delete files refer to. */
  private final Set<String> referencedDataFiles = new HashSet<>();
  protected final List<DataFile> added = new ArrayList<>();
  private final WrittenDataFiles written;
  private Map<String, DataFile> toRemove;
  private final List<DataFile> rewritten = new ArrayList<>();
  private List<ManifestFile> newManifests;
  private final ManifestCompactor compactor = new ManifestCompactor(this);

  RowLevelOperation(TableOperations ops) {
    super(ops);
    this.written = new WrittenDataFiles(ops, startingBase);
  }

  protected void addRowFilter(Expression filter) {
    rowFilter = Expressions.or(rowFilter, filter);
    toRemove = null;
  }

  /**
   * Rows matching {@code filter} were read to decide this change (e.g. the WHERE of a SQL UPDATE whose files are
   * removed explicitly): under serializable isolation, a concurrent commit adding a file that may hold such rows
   * is a conflict, as for the row filter.
   */
  protected void addConflictDetectionFilter(Expression filter) {
    conflictFilter = Expressions.or(conflictFilter, filter);
  }

  protected void addExplicitDelete(String path) {
    explicitDeletes.add(path);
    toRemove = null;
  }

  protected void addDataFile(DataFile file) {
    added.add(file);
    newManifests = null;
  }

  /**
   * Adds a position delete file (merge-on-read) whose rows are positions in {@code dataFile}: a concurrent commit
   * that removes that data file fails this one (the deletes would apply to nothing, the rows coming back in the
   * rewritten file).
   */
  protected void addPositionDeleteFile(DataFile deleteFile, String dataFile) {
    if (deleteFile.content() != FileContent.POSITION_DELETES) {
      throw new IllegalArgumentException(deleteFile.path() + " is not a position delete file but "
          + deleteFile.content());
    }
    added.add(deleteFile);
    referencedDataFiles.add(dataFile);
    newManifests = null;
  }

  protected void writeRecords(Iterable<? extends Record> rows) {
    added.addAll(written.write(rows));
    newManifests = null;
  }

  @Override
  protected String operation() {
    prepare();
    if (added.stream().allMatch(f -> f.content() != FileContent.DATA) && rewritten.isEmpty()) {
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
    return bind(schema, rowFilter);
  }

  private Expression bind(Schema schema, Expression filter) {
    try {
      return Binder.bind(schema.asStruct(), filter, true);
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
        long matched = readUnmatched(t, schema, bound, kept);
        if (matched == 0) {
          continue;
        }
        remove.put(t.file().path(), t.file());
        if (!kept.isEmpty()) {
          if (writer == null) {
            writer = written.newWriter();
          }
          writer.writeAll(kept);
        }
      }
      if (writer != null) {
        rewritten.addAll(writer.complete());
      }
    }
    // delete files (merge-on-read, other engines') that applied only to the files removed go with them
    for (DataFile dangling : DanglingDeletes.after(io(), startingBase, start, remove.keySet())) {
      remove.put(dangling.path(), dangling);
    }
    toRemove = remove;
  }

  /** Reads a file's live rows, collecting those that do NOT match; returns how many matched. */
  private long readUnmatched(FileScanTask task, Schema schema, Expression bound, List<Record> kept) {
    RowEvaluator evaluator = new RowEvaluator(schema.asStruct(), bound);
    long[] matched = {0};
    try (BufferAllocator allocator = new RootAllocator()) {
      DataFileRows.read(io(), task, schema, allocator, row -> {
        if (evaluator.eval(row)) {
          matched[0]++;
        } else {
          kept.add(Records.copy(row));
        }
      });
    }
    return matched[0];
  }

  @Override
  protected List<ManifestFile> apply(TableMetadata base, long sequenceNumber) {
    prepare();
    validate(base);
    if (newManifests == null) {
      newManifests = ManifestWriting.writeAdded(this, addedFiles());
    }
    return ManifestWriting.replacing(this, base, sequenceNumber, newManifests, toRemove, compactor);
  }

  /**
   * Checks the commits that landed on the target branch after the starting snapshot against this operation; fails
   * if the branch no longer descends from the starting snapshot (it was rolled back or replaced meanwhile).
   */
  private void validate(TableMetadata base) {
    List<Snapshot> since = ConcurrentChanges.since(this, base);
    if (since.isEmpty()) {
      return;
    }
    Expression readFilter = Expressions.or(rowFilter, conflictFilter);
    boolean checkAdded = IsolationLevel.of(base) == IsolationLevel.SERIALIZABLE && !(readFilter instanceof Expression.False);
    // bound by field id against the schema this operation read, so a concurrent rename cannot break validation
    Expression bound = checkAdded ? bind(startingBase.schema(), readFilter) : null;
    MetricsEvaluator metrics = checkAdded ? new MetricsEvaluator(startingBase.schema(), bound) : null;
    ConcurrentChanges.forEach(io(), base, since, c -> {
      if (c.removed() && toRemove.containsKey(c.file().path())) {
        throw new ConflictException(ops.tableName(), "data file " + c.file().path()
            + " that this operation removes was removed by " + c.by());
      }
      if (c.removed() && referencedDataFiles.contains(c.file().path())) {
        throw new ConflictException(ops.tableName(), "data file " + c.file().path()
            + " whose rows this operation deletes was removed by " + c.by());
      }
      if (c.addedDeletesFor(toRemove)) {
        throw c.deletesConflict(ops.tableName());
      }
      if (checkAdded && c.addedData() && new PartitionEvaluator(c.spec(), bound).mightMatch(c.file().partition())
          && metrics.mightMatch(c.file().metrics())) {
        throw new ConflictException(ops.tableName(), c.by() + " added data file " + c.file().path()
            + " that may hold rows matching " + readFilter + " (isolation level serializable)");
      }
    });
  }

  @Override
  protected void deleteWrittenDataFiles() {
    written.deleteAll();
  }
}
