package io.floe.engine.dml;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.expr.ExprCompiler;
import io.floe.engine.expr.VectorExpr;
import io.floe.engine.statement.StatementRunner;
import io.floe.scan.FileScanTask;
import io.floe.types.Schema;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code DELETE FROM t [WHERE c]}: files whose metrics prove every row matches are dropped unread, other files
 * the WHERE's pushed filter leaves are read and, if some of their rows match, rewritten without them
 * (copy-on-write), or, where the table's {@code write.delete.mode} is {@code merge-on-read}, listed by position in a
 * delete file per data file; one snapshot. A WHERE with correlated subqueries is run as a query over the rows' ids
 * ({@link MatchedRows}), and only the files holding the rows it finds are rewritten or get delete files. Returns the
 * number of rows deleted.
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
    List<FileScanTask> candidates = delete.candidates(filter.filter());
    boolean mergeOnRead = delete.mergeOnRead();
    Predicate<FileScanTask> droppedUnread;
    MergeOnReadDelete.RowMatcher matcher;
    Schema schema = delete.table().schema();
    List<String> columns = source.scan().getRowType().getFieldNames();
    // merge-on-read reads only the columns its matcher needs (copy-on-write rewrites whole rows)
    Schema read = schema;
    if (DmlPlanning.hasSubQuery(source.condition())) {
      MatchedRows matched = MatchedRows.find(session, delete, source.scan(), source.filter(), source.condition(),
          null, List.of());
      candidates = matched.filesAmong(candidates);
      droppedUnread = task -> false;
      matcher = (rows, file, positions, out) -> matched.match(file, positions, out, null);
      read = schema.select(columns.subList(0, 1)); // positions only: any one column
    } else {
      RexNode condition = source.condition();
      List<Integer> used = condition == null ? List.of() : RelOptUtil.InputFinder.bits(condition).asList();
      if (mergeOnRead && !used.isEmpty()) {
        read = schema.select(used.stream().map(columns::get).toList());
        condition = overColumns(condition, used);
      }
      VectorExpr compiled = condition == null ? null
          : new ExprCompiler(modify.getCluster().getRexBuilder()).compile(condition);
      // a file whose metrics show every row matches goes unread, unless delete files make its live rows unknown
      droppedUnread = task -> !task.hasDeletes() && filter.coversWhole(schema, task.file());
      matcher = (rows, file, positions, out) -> rowsWhere(rows, compiled, out);
    }
    long deleted = mergeOnRead
        ? delete.deleteMergeOnRead(candidates, droppedUnread, matcher, read, filter.filter())
        : delete.run(candidates, droppedUnread, (rows, file, positions) -> keepUnmatched(rows, file, positions,
            matcher), filter.filter(), null);
    return QueryResult.ofUpdateCount(deleted);
  }

  /** {@code condition} over the table's columns moved onto columns {@code used} (table column indexes), in order. */
  private static RexNode overColumns(RexNode condition, List<Integer> used) {
    return condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(used.indexOf(ref.getIndex()), ref.getType());
      }
    });
  }

  /** The rows of a batch that {@code matcher} does not match: what copy-on-write writes back. */
  private static RowChange.Outcome keepUnmatched(Batch rows, String file, long[] positions,
      MergeOnReadDelete.RowMatcher matcher) {
    int[] matched = new int[rows.size()];
    int count = matcher.match(rows, file, positions, matched);
    if (count == 0) {
      return new RowChange.Outcome(0, rows);
    }
    int[] kept = new int[rows.size() - count];
    for (int r = 0, m = 0, k = 0; r < rows.size(); r++) {
      if (m < count && matched[m] == r) {
        m++;
      } else {
        kept[k++] = r;
      }
    }
    return new RowChange.Outcome(count, rows.select(kept, kept.length));
  }

  /** Writes to {@code out} the rows for which {@code condition} is TRUE (every row without one); returns how many. */
  private static int rowsWhere(Batch rows, VectorExpr condition, int[] out) {
    Column matches = condition == null ? null : condition.eval(rows);
    int count = 0;
    for (int r = 0; r < rows.size(); r++) {
      if (matches == null || ConditionRows.isTrue(matches, r)) {
        out[count++] = r;
      }
    }
    return count;
  }
}
