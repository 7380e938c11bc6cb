package io.floe.engine.dml;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.expr.ExprCompiler;
import io.floe.engine.expr.VectorExpr;
import io.floe.engine.statement.StatementRunner;
import java.sql.SQLException;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code DELETE FROM t [WHERE c]}: files whose metrics prove every row matches are dropped unread, other files
 * the WHERE's pushed filter leaves are read and, if some of their rows match, rewritten without them; one
 * snapshot. Returns the number of rows deleted.
 */
public final class DeleteRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlDelete;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    TableModify modify = DmlPlanning.convert(session, statement);
    DmlPlanning.FilteredScan source = DmlPlanning.filteredScan(session, modify.getInput(), "DELETE");
    RowFilter filter = RowFilter.of(source.scan(), source.condition());
    RowLevelStatement delete = new RowLevelStatement(session, DmlPlanning.target(modify).id());
    VectorExpr condition = source.condition() == null ? null
        : new ExprCompiler(modify.getCluster().getRexBuilder()).compile(source.condition());
    long deleted = delete.run(delete.candidates(filter.filter()),
        file -> filter.coversWhole(delete.table().schema(), file), rows -> keepUnmatched(rows, condition),
        filter.filter(), null);
    return QueryResult.ofUpdateCount(deleted);
  }

  private static RowChange.Outcome keepUnmatched(Batch rows, VectorExpr condition) {
    if (condition == null) {
      return new RowChange.Outcome(rows.size(), Batch.empty(rows.width()));
    }
    Column matches = condition.eval(rows);
    int[] kept = new int[rows.size()];
    int count = 0;
    for (int r = 0; r < rows.size(); r++) {
      if (!ConditionRows.isTrue(matches, r)) {
        kept[count++] = r;
      }
    }
    return new RowChange.Outcome(rows.size() - count, count == rows.size() ? rows : rows.select(kept, count));
  }
}
