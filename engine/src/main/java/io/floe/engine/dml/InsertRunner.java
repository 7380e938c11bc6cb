package io.floe.engine.dml;

import io.floe.catalog.TableIdentifier;
import io.floe.commit.CommitStateUnknownException;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import io.floe.engine.planner.PhysicalPlanner;
import io.floe.engine.statement.StatementRunner;
import io.floe.table.Table;
import java.sql.SQLException;
import java.util.function.ToLongFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code INSERT INTO t [(columns)] VALUES ... | query}: the source is planned and run by the engine (Calcite fills
 * the columns not listed with NULL); its batches are copied column by column into Arrow batches of the table's types
 * where no value needs a cast ({@link TypedTableBatch}), else cast row by row ({@link RowConverter}), and written to
 * Parquet by the session's workers in parallel, fanned out by partition; the files are appended as one snapshot
 * (appends never conflict). Returns the number of rows inserted.
 */
public final class InsertRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlInsert;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    TableModify modify = DmlPlanning.convert(session, statement);
    RelNode source = session.planner().optimize(modify.getInput());
    TableIdentifier id = DmlPlanning.target(modify).id();
    Table table = session.tableForWrite(id);
    RowConverter converter = new RowConverter(table.schema(), table.name());
    return append(id, table, writers -> write(source, session.workers(), converter, writers));
  }

  /**
   * Writes rows with {@code write} (which returns how many) and commits its files as one append to {@code table};
   * on failure deletes them and throws the error naming {@code id}.
   */
  static QueryResult append(TableIdentifier id, Table table, ToLongFunction<WriterPool> write) throws SQLException {
    WriterPool writers = WriterPool.forAppend(table);
    try {
      long rows = write.applyAsLong(writers);
      writers.commitAppend();
      return QueryResult.ofUpdateCount(rows);
    } catch (CommitStateUnknownException e) {
      throw DmlErrors.of(e, id); // the files may be committed: keep them
    } catch (RuntimeException | Error e) {
      writers.abort(e);
      throw DmlErrors.of(e, id);
    }
  }

  /** Runs the source and writes its rows with one writer per worker thread; returns the number of rows. */
  private static long write(RelNode source, int workers, RowConverter converter, WriterPool writers) {
    long rows = 0;
    try (BufferAllocator allocator = new RootAllocator();
         ParallelTasks tasks = new ParallelTasks(workers)) {
      Operator root = new PhysicalPlanner(allocator, workers).build(source);
      try {
        Batch batch;
        while ((batch = root.next()) != null) {
          Batch rowsToWrite = batch;
          rows += batch.size();
          tasks.submit(() -> TypedTableBatch.write(rowsToWrite, writers.writer(), converter, allocator));
        }
        tasks.await();
      } finally {
        root.close();
      }
    }
    return rows;
  }
}
