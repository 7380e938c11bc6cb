package io.floe.table;

import io.floe.commit.ConflictException;
import io.floe.commit.TableOperations;
import io.floe.manifest.DataFile;
import io.floe.metadata.Snapshot;
import io.floe.metadata.StatisticsFile;
import io.floe.metadata.TableMetadata;
import io.floe.puffin.ColumnThetaSketches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replaces data files by others holding the same rows, as one snapshot with operation {@code replace} (the commit
 * of {@link RewriteDataFiles}). Files other commits add meanwhile are kept (appends are never lost); if another
 * commit removed one of the replaced files, the rows it deleted must not come back, so the commit fails with a
 * {@link ConflictException} and the new files are deleted. The rows being the same, the parent snapshot's distinct
 * counts (its statistics file's sketches) are listed again for the new snapshot, so appends after a compaction keep
 * adding to them.
 */
final class RewriteFiles extends FileSetReplacement<RewriteFiles> {
  private final Map<String, DataFile> toRemove = new LinkedHashMap<>();
  private Runnable deleteAdded = () -> { };

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
    addedFilesChanged();
    return this;
  }

  @Override
  protected String operation() {
    return "replace";
  }

  @Override
  protected Map<String, DataFile> filesToRemove() {
    return toRemove;
  }

  @Override
  protected void checkConcurrent(ConcurrentChanges.Change c) {
    if (c.removed() && toRemove.containsKey(c.file().path())) {
      throw new ConflictException(ops.tableName(), "data file " + c.file().path() + " being rewritten was removed by "
          + c.by() + "; the rewrite is abandoned so that its deleted rows do not come back");
    }
    if (c.addedDeletesFor(toRemove)) {
      throw c.deletesConflict(ops.tableName());
    }
  }

  @Override
  protected StatisticsFile statistics(TableMetadata base, Snapshot snapshot) {
    Map<Integer, byte[]> sketches = ThetaStatisticsFiles.ofParent(ops, base, snapshot);
    if (sketches == null || sketches.isEmpty()) {
      return null;
    }
    List<ColumnThetaSketches.Result> results = new ArrayList<>();
    new TreeMap<>(sketches).forEach((id, sketch) -> results.add(ColumnThetaSketches.union(id, List.of(sketch))));
    return ThetaStatisticsFiles.write(ops, snapshot, results);
  }

  @Override
  protected void deleteWrittenDataFiles() {
    deleteAdded.run();
  }
}
