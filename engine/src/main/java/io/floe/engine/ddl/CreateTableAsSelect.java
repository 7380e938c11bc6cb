package io.floe.engine.ddl;

import io.floe.catalog.TableIdentifier;
import io.floe.commit.CommitStateUnknownException;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.dml.ParallelTasks;
import io.floe.engine.dml.WriterPool;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.sql.SqlNodeList;

/**
 * The data part of {@code CREATE TABLE ... AS query}: runs the query, creates the table with the query's columns
 * (all optional), appends every row in one snapshot, and drops the table again if anything fails.
 */
final class CreateTableAsSelect {
  private CreateTableAsSelect() {
  }

  static QueryResult run(FloeSession session, TableIdentifier id, String query, SqlNodeList partitionBy,
      Map<String, String> properties) throws SQLException {
    try (QueryResult rows = session.execute(query)) {
      Schema schema = schemaOf(rows.schema());
      var spec = PartitionFields.spec(schema, PartitionFields.fields(partitionBy, schema, id));
      Table table;
      try {
        table = session.catalog().createTable(id, schema, spec, properties);
      } catch (RuntimeException e) {
        throw DdlErrors.of(e);
      }
      try {
        return QueryResult.ofUpdateCount(append(table, rows, session.workers()));
      } catch (SQLException | RuntimeException e) {
        try {
          session.catalog().dropTable(id, true);
        } catch (RuntimeException dropFailed) {
          e.addSuppressed(dropFailed);
        }
        throw e instanceof SQLException s ? s : DdlErrors.of((RuntimeException) e);
      }
    }
  }

  /**
   * Writes the query's Arrow batches on the session's workers, column by column, each worker through its own append
   * writer (files rolled at the table's target size, fanned out by partition), and appends them, with their distinct
   * counts, as the table's first snapshot; on failure deletes the files written.
   */
  private static long append(Table table, QueryResult rows, int workers) throws SQLException {
    WriterPool writers = WriterPool.forAppend(table);
    List<VectorSchemaRoot> batches = new ArrayList<>(); // closed by the tasks, and here if a task never ran
    long count = 0;
    try {
      try (ParallelTasks tasks = new ParallelTasks(workers)) {
        for (VectorSchemaRoot next = rows.nextBatch(); next != null; next = rows.nextBatch()) {
          VectorSchemaRoot batch = next;
          batches.add(batch);
          count += batch.getRowCount();
          tasks.submit(() -> {
            try (batch) {
              writers.writer().write(batch);
            }
          });
        }
        tasks.await();
      } finally {
        batches.forEach(VectorSchemaRoot::close);
      }
      writers.commitAppend();
    } catch (CommitStateUnknownException e) {
      throw e; // the files may be committed: keep them
    } catch (SQLException | RuntimeException | Error e) {
      writers.abort(e);
      throw e;
    }
    return count;
  }

  private static Schema schemaOf(org.apache.arrow.vector.types.pojo.Schema arrow) throws SQLException {
    List<NestedField> fields = new ArrayList<>();
    int[] nextId = {arrow.getFields().size()};
    for (Field field : arrow.getFields()) {
      fields.add(NestedField.optional(fields.size() + 1, field.getName(),
          ColumnTypes.of(field, () -> ++nextId[0], "CREATE TABLE AS")));
    }
    return new Schema(fields);
  }
}
