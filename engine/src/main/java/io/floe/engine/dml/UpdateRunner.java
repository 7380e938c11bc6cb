package io.floe.engine.dml;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import io.floe.engine.expr.ExprCompiler;
import io.floe.engine.expr.VectorExpr;
import io.floe.engine.statement.StatementRunner;
import io.floe.scan.FileScanTask;
import io.floe.table.TableProperties;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/**
 * {@code UPDATE t SET c = e, ... [WHERE p]}: copy-on-write of the files holding matching rows, the SET expressions
 * evaluated by the engine on the matching rows only; one snapshot. With correlated subqueries in the WHERE or the
 * SET, one query over the rows' ids finds the rows and their new values ({@link MatchedRows}). Returns the number of
 * rows updated.
 */
public final class UpdateRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlUpdate;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    TableModify modify = DmlPlanning.convert(session, statement);
    List<String> columns = modify.getUpdateColumnList();
    if (!(modify.getInput() instanceof Project project) || columns == null) {
      throw new SQLFeatureNotSupportedException("not supported: UPDATE of this form", "0A000");
    }
    DmlPlanning.FilteredScan source = DmlPlanning.filteredScan(session, project.getInput(), "UPDATE");
    int width = source.scan().getRowType().getFieldCount();
    List<String> names = source.scan().getRowType().getFieldNames();
    int[] targets = new int[columns.size()];
    List<RexNode> values = new ArrayList<>();
    boolean correlated = DmlPlanning.hasSubQuery(source.condition());
    for (int i = 0; i < columns.size(); i++) {
      targets[i] = DmlPlanning.columnIndex(names, columns.get(i));
      RexNode value = project.getProjects().get(width + i);
      values.add(SubqueryResults.inline(session, modify.getCluster().getRexBuilder(), value));
      correlated |= DmlPlanning.hasSubQuery(values.get(i));
    }
    RowFilter filter = RowFilter.of(source.scan(), source.condition());
    RowLevelStatement update = new RowLevelStatement(session, DmlPlanning.target(modify).id());
    List<FileScanTask> candidates = update.candidates(filter.filter());
    if (update.mergeOnRead(TableProperties.UPDATE_MODE)) {
      // the rows' new values, whole: they are appended, the old rows listed in delete files
      List<RexNode> newRows = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        newRows.add(RexInputRef.of(c, source.scan().getRowType()));
      }
      for (int i = 0; i < targets.length; i++) {
        newRows.set(targets[i], values.get(i));
      }
      MatchedRows matched = MatchedRows.find(session, update, source.scan(), source.filter(), source.condition(),
          project, newRows);
      int rows = matched.values(0).size();
      int[] all = IntStream.range(0, rows).toArray();
      int[] identity = IntStream.range(0, width).toArray();
      update.runMergeOnRead(matched.filesAmong(candidates),
          file -> matched.positions(file, row -> true),
          (writers, converter) -> matched.write(identity, all, rows, writers.writer(), converter), filter.filter());
      return QueryResult.ofUpdateCount(rows);
    }
    RowChange change;
    if (correlated) {
      MatchedRows matched = MatchedRows.find(session, update, source.scan(), source.filter(), source.condition(),
          project, values);
      candidates = matched.filesAmong(candidates);
      change = (rows, file, positions) -> {
        int[] selected = new int[rows.size()];
        int[] valueRows = new int[rows.size()];
        int count = matched.match(file, positions, selected, valueRows);
        return replaced(rows, targets, selected, count, i -> matched.values(i, valueRows, count));
      };
    } else {
      ExprCompiler compiler = new ExprCompiler(modify.getCluster().getRexBuilder());
      VectorExpr[] setters = values.stream().map(compiler::compile).toArray(VectorExpr[]::new);
      VectorExpr condition = source.condition() == null ? null : compiler.compile(source.condition());
      change = (rows, file, positions) -> apply(rows, condition, targets, setters);
    }
    long updated = update.run(candidates, task -> false, change, filter.filter(), null);
    return QueryResult.ofUpdateCount(updated);
  }

  private static RowChange.Outcome apply(Batch rows, VectorExpr condition, int[] targets, VectorExpr[] setters) {
    Column matches = condition == null ? null : condition.eval(rows);
    int[] selected = new int[rows.size()];
    int count = 0;
    for (int r = 0; r < rows.size(); r++) {
      if (matches == null || ConditionRows.isTrue(matches, r)) {
        selected[count++] = r;
      }
    }
    Batch matched = count == 0 ? null : rows.select(selected, count);
    return replaced(rows, targets, selected, count, i -> setters[i].eval(matched));
  }

  /**
   * {@code rows} with the values of columns {@code targets} replaced at rows {@code selected[0..count)}: SET value i
   * of those rows is {@code values.apply(i)}.
   */
  private static RowChange.Outcome replaced(Batch rows, int[] targets, int[] selected, int count,
      IntFunction<Column> values) {
    if (count == 0) {
      return new RowChange.Outcome(0, rows);
    }
    Column[] out = rows.vectors().clone();
    for (int i = 0; i < targets.length; i++) {
      out[targets[i]] = Columns.replaceRows(rows.column(targets[i]), selected, count, values.apply(i));
    }
    return new RowChange.Outcome(count, new Batch(rows.size(), out));
  }
}
