package io.floe.engine.dml;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.expr.ExprCompiler;
import io.floe.engine.expr.VectorExpr;
import io.floe.engine.statement.StatementRunner;
import io.floe.scan.FileScanTask;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code DELETE FROM t [WHERE c]}: files whose metrics prove every row matches are dropped unread, other files
 * the WHERE's pushed filter leaves are read and, if some of their rows match, rewritten without them
 * (copy-on-write), or, where the table's {@code write.delete.mode} is {@code merge-on-read}, listed by position in a
 * delete file per data file; one snapshot. Returns the number of rows deleted.
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
    // a file whose metrics show every row matches goes unread, unless delete files make its live rows unknown
    Predicate<FileScanTask> droppedUnread = task -> !task.hasDeletes()
        && filter.coversWhole(delete.table().schema(), task.file());
    List<FileScanTask> candidates = delete.candidates(filter.filter());
    long deleted = delete.mergeOnRead()
        ? delete.deleteMergeOnRead(candidates, droppedUnread, (rows, out) -> rowsWhere(rows, condition, true, out),
            filter.filter())
        : delete.run(candidates, droppedUnread, rows -> keepUnmatched(rows, condition), filter.filter(), null);
    return QueryResult.ofUpdateCount(deleted);
  }

  private static RowChange.Outcome keepUnmatched(Batch rows, VectorExpr condition) {
    int[] kept = new int[rows.size()];
    int count = rowsWhere(rows, condition, false, kept);
    return new RowChange.Outcome(rows.size() - count, count == rows.size() ? rows : rows.select(kept, count));
  }

  /**
   * Writes to {@code out} the rows for which {@code condition} is TRUE ({@code matched}) or not TRUE (FALSE or
   * NULL); no condition matches every row. Returns how many.
   */
  private static int rowsWhere(Batch rows, VectorExpr condition, boolean matched, int[] out) {
    Column matches = condition == null ? null : condition.eval(rows);
    int count = 0;
    for (int r = 0; r < rows.size(); r++) {
      if ((matches == null || ConditionRows.isTrue(matches, r)) == matched) {
        out[count++] = r;
      }
    }
    return count;
  }
}
