package io.floe.engine.dml;

import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.engine.FloeSession;
import io.floe.engine.catalog.FloeCalciteTable;
import io.floe.engine.planner.SqlPlanner;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * {@code INSERT INTO t [(columns)] VALUES (?, ..., ?)} validated by Calcite once, then run for many rows of
 * parameter values (a JDBC batch) without SQL text per row: {@link #insert} assigns each value straight to its column
 * ({@link ParameterAssignment}) and appends all the rows as one snapshot, as {@link InsertRunner} would. Where a
 * value needs one of SQL's casts (text for a date, a number out of a column's range, NULL for a NOT NULL column) or
 * the table's columns changed since, it writes nothing and returns empty: the caller then runs the statement as SQL,
 * whose casts and errors apply.
 */
public final class PreparedInsert {
  private final FloeSession session;
  private final TableIdentifier id;
  private final Schema schema;
  private final int[] parameterOfColumn;

  private PreparedInsert(FloeSession session, TableIdentifier id, Schema schema, int[] parameterOfColumn) {
    this.session = session;
    this.id = id;
    this.schema = schema;
    this.parameterOfColumn = parameterOfColumn;
  }

  /**
   * The insert prepared, when {@code sql} inserts one row of {@code parameters} parameter markers, each once, and
   * NULL for the columns it does not name; empty for any other statement, including one that fails to validate
   * (running it as SQL reports the error).
   */
  public static Optional<PreparedInsert> prepare(FloeSession session, String sql, int parameters) {
    TableModify modify;
    FloeCalciteTable target;
    try {
      SqlNode statement = SqlPlanner.parse(sql);
      if (!(statement instanceof SqlInsert)) {
        return Optional.empty();
      }
      modify = DmlPlanning.convert(session, statement);
      target = DmlPlanning.target(modify);
    } catch (SqlParseException | SQLException e) {
      return Optional.empty(); // running the statement as SQL reports the error, with its position
    }
    if (modify.getOperation() != TableModify.Operation.INSERT
        || !(modify.getInput() instanceof Project project)
        || !(project.getInput() instanceof Values values) || values.getTuples().size() != 1) {
      return Optional.empty();
    }
    int[] parameterOfColumn = new int[project.getProjects().size()];
    boolean[] used = new boolean[parameters];
    for (int c = 0; c < parameterOfColumn.length; c++) {
      RexNode expression = project.getProjects().get(c);
      if (expression instanceof RexDynamicParam parameter && parameter.getIndex() < parameters
          && !used[parameter.getIndex()]) { // a bare marker: a CAST around one is the statement's, to be applied
        parameterOfColumn[c] = parameter.getIndex();
        used[parameter.getIndex()] = true;
      } else if (RexLiteral.isNullLiteral(withoutCasts(expression))) {
        parameterOfColumn[c] = -1;
      } else {
        return Optional.empty();
      }
    }
    for (boolean u : used) {
      if (!u) {
        return Optional.empty();
      }
    }
    Schema schema = target.table().schema(); // the columns the statement was validated against
    return schema.columns().size() != parameterOfColumn.length ? Optional.empty()
        : Optional.of(new PreparedInsert(session, target.id(), schema, parameterOfColumn));
  }

  private static RexNode withoutCasts(RexNode expression) {
    RexNode e = expression;
    while (e.getKind() == SqlKind.CAST) {
      e = ((RexCall) e).getOperands().get(0);
    }
    return e;
  }

  /**
   * Appends {@code rows} (each the parameter values in marker order) as one snapshot and returns their number; or
   * writes nothing and returns empty when a value has no exact assignment or the table's columns changed.
   */
  public OptionalLong insert(List<Object[]> rows) throws SQLException {
    Table table = session.tableForWrite(id);
    if (!table.schema().sameColumns(schema)) {
      return OptionalLong.empty();
    }
    List<GenericRecord> records = records(rows);
    if (records == null) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(InsertRunner.append(id, table, writers -> {
      for (GenericRecord record : records) {
        writers.writer().write(record);
      }
      return records.size();
    }).updateCount());
  }

  /** The rows as records of the table's schema; null when a value has no exact assignment. */
  private List<GenericRecord> records(List<Object[]> rows) {
    List<NestedField> columns = schema.columns();
    List<GenericRecord> records = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      GenericRecord record = new GenericRecord(schema.asStruct());
      for (int c = 0; c < parameterOfColumn.length; c++) {
        Object value = ParameterAssignment.exact(parameterOfColumn[c] < 0 ? null : row[parameterOfColumn[c]],
            columns.get(c));
        if (value == ParameterAssignment.NOT_EXACT) {
          return null;
        }
        record.set(c, value);
      }
      records.add(record);
    }
    return records;
  }

  @Override
  public String toString() {
    return "PreparedInsert[" + id + ", parameters of columns " + Arrays.toString(parameterOfColumn) + "]";
  }
}
