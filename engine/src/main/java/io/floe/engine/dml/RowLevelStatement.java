package io.floe.engine.dml;

import io.floe.catalog.TableIdentifier;
import io.floe.commit.CommitStateUnknownException;
import io.floe.engine.FloeSession;
import io.floe.expressions.Expression;
import io.floe.manifest.DataFile;
import io.floe.scan.FileScanTask;
import io.floe.table.OverwriteFiles;
import io.floe.table.Table;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * One DELETE, UPDATE or MERGE against its target table: the overwrite is started before anything is read, so the
 * files read are those of its starting snapshot and the commit is validated against every commit since
 * (serializable: concurrent removal of a rewritten file, or a concurrent append that may hold rows matching the
 * statement's filter, fails it with {@code 40001}). Rewritten and new files are committed as one snapshot; on any
 * failure they are deleted and the table is left as it was.
 */
final class RowLevelStatement {
  private final FloeSession session;
  private final TableIdentifier id;
  private final Table table;
  private final OverwriteFiles overwrite;
  private final RowConverter converter;
  private final WriterPool writers;

  RowLevelStatement(FloeSession session, TableIdentifier id) {
    this.session = session;
    this.id = id;
    this.table = session.tableForWrite(id);
    this.overwrite = table.newOverwrite();
    this.converter = new RowConverter(table.schema(), table.name());
    this.writers = new WriterPool(table);
  }

  Table table() {
    return table;
  }

  RowConverter converter() {
    return converter;
  }

  /** The files of the starting snapshot that may hold rows matching {@code filter}. */
  List<FileScanTask> candidates(Expression filter) {
    if (table.currentSnapshot() == null) {
      return List.of();
    }
    return table.newScan().filter(filter).planFiles();
  }

  /** Rows added besides the rewritten ones (MERGE's inserts), written once the target files were processed. */
  @FunctionalInterface
  interface AddedRows {
    /** Writes the rows with the pool's writers; returns how many. */
    long write(WriterPool writers, RowConverter converter);
  }

  /**
   * Applies {@code change} to the candidate files, writes {@code added} rows, and commits one snapshot; returns
   * the rows changed plus those added.
   *
   * @param conflictFilter rows the statement's outcome depends on (for serializable validation)
   */
  long run(List<FileScanTask> candidates, Predicate<DataFile> coveredWhole, RowChange change,
      Expression conflictFilter, AddedRows added) throws SQLException {
    try {
      CopyOnWrite.Result result;
      try (BufferAllocator allocator = new RootAllocator()) {
        result = new CopyOnWrite(table, converter, writers, session.workers(), allocator)
            .run(candidates, coveredWhole, change);
      }
      long inserted = added == null ? 0 : added.write(writers, converter);
      List<DataFile> newFiles = writers.complete();
      if (!result.removed().isEmpty() || !newFiles.isEmpty()) {
        result.removed().forEach(f -> overwrite.deleteFile(f.path()));
        newFiles.forEach(overwrite::addFile);
        overwrite.conflictDetectionFilter(conflictFilter).commit();
      }
      return result.changedRows() + inserted;
    } catch (CommitStateUnknownException e) {
      throw DmlErrors.of(e, id); // the files may be committed: keep them
    } catch (RuntimeException | Error e) {
      writers.abort(e);
      throw DmlErrors.of(e, id);
    }
  }
}
