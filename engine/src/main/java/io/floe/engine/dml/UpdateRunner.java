package io.floe.engine.dml;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import io.floe.engine.expr.ExprCompiler;
import io.floe.engine.expr.VectorExpr;
import io.floe.engine.statement.StatementRunner;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/**
 * {@code UPDATE t SET c = e, ... [WHERE p]}: copy-on-write of the files holding matching rows, the SET expressions
 * evaluated by the engine on the matching rows only; one snapshot. Returns the number of rows updated.
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
    List<RexNode> values = project.getProjects().subList(width, project.getProjects().size());
    ExprCompiler compiler = new ExprCompiler(modify.getCluster().getRexBuilder());
    int[] targets = new int[columns.size()];
    VectorExpr[] setters = new VectorExpr[columns.size()];
    List<String> names = source.scan().getRowType().getFieldNames();
    for (int i = 0; i < columns.size(); i++) {
      RexNode value = SubqueryResults.inline(session, modify.getCluster().getRexBuilder(), values.get(i));
      DmlPlanning.requireNoSubQuery(value, "UPDATE ... SET");
      targets[i] = DmlPlanning.columnIndex(names, columns.get(i));
      setters[i] = compiler.compile(value);
    }
    VectorExpr condition = source.condition() == null ? null : compiler.compile(source.condition());
    RowFilter filter = RowFilter.of(source.scan(), source.condition());
    RowLevelStatement update = new RowLevelStatement(session, DmlPlanning.target(modify).id());
    long updated = update.run(update.candidates(filter.filter()), task -> false,
        rows -> apply(rows, condition, targets, setters), filter.filter(), null);
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
    if (count == 0) {
      return new RowChange.Outcome(0, rows);
    }
    Batch matched = rows.select(selected, count);
    Column[] out = rows.vectors().clone();
    for (int i = 0; i < setters.length; i++) {
      out[targets[i]] = Columns.replaceRows(rows.column(targets[i]), selected, count, setters[i].eval(matched));
    }
    return new RowChange.Outcome(count, new Batch(rows.size(), out));
  }
}
