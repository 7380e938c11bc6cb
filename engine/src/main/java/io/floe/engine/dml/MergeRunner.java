package io.floe.engine.dml;

import io.floe.engine.FloeSession;
import io.floe.engine.parser.SqlMergeStatement;
import io.floe.engine.parser.SqlMergeWhen;
import io.floe.engine.QueryResult;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.ObjectColumn;
import io.floe.engine.planner.FloeTableScan;
import io.floe.engine.planner.SqlPlanner;
import io.floe.engine.statement.StatementRunner;
import io.floe.expressions.Expressions;
import io.floe.scan.FileScanTask;
import io.floe.table.TableProperties;
import io.floe.table.TableWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * {@code MERGE INTO t [AS a] USING source ON c} with an ordered list of
 * {@code WHEN MATCHED [AND cond] THEN UPDATE SET ... | DELETE},
 * {@code WHEN NOT MATCHED BY SOURCE [AND cond] THEN UPDATE SET ... | DELETE} and
 * {@code WHEN NOT MATCHED [BY TARGET] [AND cond] THEN INSERT ...} clauses ({@link SqlMergeStatement}): each matched
 * target row takes the first WHEN MATCHED clause whose condition holds, each target row no source row matches the first
 * WHEN NOT MATCHED BY SOURCE clause, each unmatched source row the first WHEN NOT MATCHED clause. Each UPDATE and
 * INSERT clause is validated by Calcite as a MERGE of its own; the conditions and values are then planned as one
 * projection over {@code target, source}, from which {@link MergeQueries} builds two queries the engine runs like any
 * other (joins on the session's workers, the target's scan filtered by the source's join keys): the target rows it
 * changes, by row id, with their clause and new values; and the source rows that match none, to insert. Only the target
 * files holding changed rows are read again and rewritten (or, merge-on-read, get delete files); one snapshot. Returns
 * updated, deleted and inserted rows.
 */
public final class MergeRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlMergeStatement;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    int clauseCount = ((SqlMergeStatement) statement).clauses.size();
    for (int k = 0; k < clauseCount; k++) {
      SqlMergeStatement fresh = reparse(sql); // Calcite's validation rewrites the nodes it validates
      SqlMerge only = fresh.withOnly(fresh.clauses.get(k));
      if (only != null) {
        DmlPlanning.convert(session, only); // unknown columns, type errors of SET and INSERT
      }
    }
    SqlMergeStatement merge = reparse(sql);
    Project pairs;
    try {
      pairs = pairExpressions(session, merge);
    } catch (SQLException e) {
      throw e;
    } catch (Exception e) {
      throw DmlErrors.of(e);
    }
    try { // every column exists (checked above): what fails here reads the target
      validateNotMatchedConditions(session, reparse(sql));
    } catch (Exception e) {
      SQLException cause = DmlErrors.of(e);
      throw new SQLException("MERGE: a WHEN NOT MATCHED condition can read only the source: " + cause.getMessage(),
          cause.getSQLState(), cause);
    }
    Join join = (Join) pairs.getInput();
    FloeTableScan target = targetScan(join.getLeft());
    int targetWidth = target.getRowType().getFieldCount();
    List<String> targetColumns = target.getRowType().getFieldNames();
    List<RexNode> exprs = withoutSubqueries(session, pairs);
    List<int[]> written = new ArrayList<>();
    boolean changesTarget = false;
    boolean inserts = false;
    for (SqlMergeWhen when : merge.clauses) {
      written.add(writtenColumns(when, targetColumns));
      changesTarget |= when.kind != SqlMergeWhen.Kind.NOT_MATCHED;
      inserts |= when.kind == SqlMergeWhen.Kind.NOT_MATCHED;
    }
    MergeQueries queries = new MergeQueries(pairs.getCluster(), targetWidth, exprs, merge.clauses, written);
    RowLevelStatement statementOnTarget = new RowLevelStatement(session, target.floeTable().id());
    String name = statementOnTarget.table().name();
    boolean mergeOnRead = changesTarget && statementOnTarget.mergeOnRead(TableProperties.MERGE_MODE);
    MatchedRows rows = null;
    MergeQueries.Built matched = null;
    List<FileScanTask> candidates = List.of();
    if (changesTarget) {
      try {
        // a merge-on-read UPDATE appends the rows it changes: their columns it does not set come from the query
        boolean updates = merge.clauses.stream().anyMatch(when -> when.action == SqlMergeWhen.Action.UPDATE);
        matched = queries.changes(MatchedRows.rowIdScan(statementOnTarget, target), join.getRight(),
            mergeOnRead && updates);
      } catch (RuntimeException e) {
        throw DmlErrors.of(e);
      }
      rows = MatchedRows.collect(session, statementOnTarget.id(), matched.query(),
          matched.query().getRowType().getFieldCount() - 2, "MERGE into " + name
              + ": a target row matches more than one source row (cardinality violation)");
      candidates = rows.filesAmong(statementOnTarget.candidates(Expressions.alwaysTrue()));
    }
    List<Batch> unmatched = new ArrayList<>();
    List<MergeClause> insertClauses = inserts ? unmatched(session, queries, join, statementOnTarget, unmatched)
        : List.of();
    RowLevelStatement.AddedRows added = insertClauses.isEmpty() ? null
        : (writers, converter) -> insert(unmatched, targetWidth, insertClauses, writers, converter);
    if (mergeOnRead) {
      return QueryResult.ofUpdateCount(mergeOnRead(statementOnTarget, candidates, rows, matched, targetWidth,
          added));
    }
    RowChange change = rows == null ? (batch, file, positions) -> new RowChange.Outcome(0, batch)
        : new MergeMatcher(rows, matched.clauses());
    long changed = statementOnTarget.run(candidates, task -> false, change, Expressions.alwaysTrue(), added);
    return QueryResult.ofUpdateCount(changed);
  }

  /**
   * The pair expressions, their uncorrelated subqueries run once and their results put in their place (as in DELETE
   * and UPDATE); correlated ones are {@code 0A000}.
   */
  private static List<RexNode> withoutSubqueries(FloeSession session, Project pairs) throws SQLException {
    List<RexNode> exprs = new ArrayList<>();
    for (RexNode e : pairs.getProjects()) {
      RexNode inlined = SubqueryResults.inline(session, pairs.getCluster().getRexBuilder(), e);
      DmlPlanning.requireNoSubQuery(inlined, "MERGE");
      exprs.add(inlined);
    }
    return exprs;
  }

  /** The target columns {@code when} writes: its SET or INSERT columns (all, for an INSERT without a list). */
  private static int[] writtenColumns(SqlMergeWhen when, List<String> targetColumns) throws SQLException {
    return switch (when.action) {
      case UPDATE -> columnIndexes(when.update.getTargetColumnList(), targetColumns);
      case INSERT -> when.insert.getTargetColumnList() == null
          ? allColumns(targetColumns.size()) : columnIndexes(when.insert.getTargetColumnList(), targetColumns);
      default -> new int[0];
    };
  }

  /** Runs the query of the rows to insert into {@code rows}; returns the WHEN NOT MATCHED clauses. */
  private static List<MergeClause> unmatched(FloeSession session, MergeQueries queries, Join join,
      RowLevelStatement statementOnTarget, List<Batch> rows) throws SQLException {
    MergeQueries.Built toInsert;
    try {
      toInsert = queries.unmatched(join.getLeft(), join.getRight());
    } catch (RuntimeException e) {
      throw DmlErrors.of(e);
    }
    try {
      DmlPlanning.run(session, toInsert.query(), rows::add);
    } catch (RuntimeException e) {
      throw DmlErrors.of(e, statementOnTarget.id());
    }
    return toInsert.clauses();
  }

  /**
   * A merge-on-read MERGE ({@code write.merge.mode}): the matched rows that chose a clause are listed in position
   * delete files; those an UPDATE clause chose are appended with its values (their other columns as they were),
   * with the inserted rows; one snapshot. Returns the rows updated, deleted and inserted.
   */
  private static long mergeOnRead(RowLevelStatement statement, List<FileScanTask> candidates, MatchedRows rows,
      MergeQueries.Built matched, int targetWidth, RowLevelStatement.AddedRows inserts) throws SQLException {
    int[] chosen = MergeClause.chosen(rows.values(0));
    long changed = Arrays.stream(chosen).filter(k -> k != MergeClause.NONE).count();
    long[] added = {0};
    statement.runMergeOnRead(candidates, file -> rows.positions(file, row -> chosen[row] != MergeClause.NONE),
        (writers, converter) -> {
          int[] count = new int[1];
          for (int k = 0; k < matched.clauses().size(); k++) {
            MergeClause clause = matched.clauses().get(k);
            int[] taking = MergeClause.rowsChoosing(chosen, k, count);
            if (clause.action() != SqlMergeWhen.Action.UPDATE || count[0] == 0) {
              continue;
            }
            int[] columns = new int[targetWidth];
            for (int c = 0; c < targetWidth; c++) {
              columns[c] = matched.targetColumns() + c;
            }
            for (int i = 0; i < clause.columns().length; i++) {
              columns[clause.columns()[i]] = clause.values()[i];
            }
            rows.write(columns, taking, count[0], writers.writer(), converter);
          }
          added[0] = inserts == null ? 0 : inserts.write(writers, converter);
          return added[0];
        }, Expressions.alwaysTrue());
    return changed + added[0];
  }

  private static SqlMergeStatement reparse(String sql) throws SQLException {
    try {
      return (SqlMergeStatement) SqlPlanner.parse(sql);
    } catch (Exception e) {
      throw DmlErrors.of(e);
    }
  }

  /** A WHEN NOT MATCHED condition reads only the source: validated as {@code SELECT cond, ... FROM source}. */
  private static void validateNotMatchedConditions(FloeSession session, SqlMergeStatement merge) throws Exception {
    SqlParserPos pos = merge.getParserPosition();
    List<SqlNode> conditions = new ArrayList<>();
    for (SqlMergeWhen when : merge.clauses) {
      if (when.kind == SqlMergeWhen.Kind.NOT_MATCHED && when.condition != null) {
        conditions.add(when.condition);
      }
    }
    if (!conditions.isEmpty()) {
      session.planner().convert(new SqlSelect(pos, null, new SqlNodeList(conditions, pos), merge.source, null, null,
          null, null, null, null, null, null, null));
    }
  }

  /**
   * {@code SELECT on, then per clause [its condition] and its SET or INSERT values, FROM target [AS alias], source},
   * validated and converted: a projection over the cross join whose expressions read (target columns, source
   * columns).
   */
  private static Project pairExpressions(FloeSession session, SqlMergeStatement merge) throws Exception {
    SqlParserPos pos = merge.getParserPosition();
    List<SqlNode> items = new ArrayList<>();
    items.add(merge.condition);
    for (SqlMergeWhen when : merge.clauses) {
      if (when.condition != null) {
        items.add(when.condition);
      }
      if (when.update != null) {
        items.addAll(when.update.getSourceExpressionList().getList());
      }
      if (when.insert != null) {
        SqlNode values = when.insert.getSource();
        if (!(values instanceof SqlBasicCall call) || call.operandCount() != 1
            || !(call.operand(0) instanceof SqlCall row)) {
          throw new SQLFeatureNotSupportedException("not supported: MERGE ... INSERT of more than one row", "0A000");
        }
        items.addAll(row.getOperandList());
      }
    }
    SqlNode target = merge.alias == null ? merge.target
        : SqlValidatorUtil.addAlias(merge.target, merge.alias.getSimple());
    SqlJoin from = new SqlJoin(pos, target, SqlLiteral.createBoolean(false, pos), JoinType.COMMA.symbol(pos),
        merge.source, JoinConditionType.NONE.symbol(pos), null);
    SqlSelect select = new SqlSelect(pos, null, new SqlNodeList(items, pos), from, null, null, null, null, null, null,
        null, null, null);
    RelNode rel = session.planner().convert(select).rel;
    if (!(rel instanceof Project project) || !(project.getInput() instanceof Join join)
        || !join.getCondition().isAlwaysTrue()) {
      throw new SQLFeatureNotSupportedException("not supported: MERGE of this form (" + rel.getRelTypeName() + ")",
          "0A000");
    }
    return project;
  }

  private static FloeTableScan targetScan(RelNode left) throws SQLException {
    RelNode rel = DmlPlanning.withoutIdentityProjects(left);
    if (!(rel instanceof FloeTableScan scan)) {
      throw new SQLFeatureNotSupportedException("not supported: MERGE into " + rel.getRelTypeName(), "0A000");
    }
    return scan;
  }

  /** Writes each row of {@code rows} (the clause chosen, then the clauses' values) by the clause it chose. */
  private static long insert(List<Batch> rows, int targetWidth, List<MergeClause> clauses, WriterPool writers,
      RowConverter converter) {
    long inserted = 0;
    TableWriter writer = writers.writer();
    int[] count = new int[1];
    try (BufferAllocator allocator = new RootAllocator()) {
      for (Batch batch : rows) {
        int[] chosen = MergeClause.chosen(batch.column(0));
        for (int k = 0; k < clauses.size(); k++) {
          int[] taking = MergeClause.rowsChoosing(chosen, k, count);
          if (count[0] == 0) {
            continue;
          }
          MergeClause clause = clauses.get(k);
          Column[] values = new Column[targetWidth];
          for (int c = 0; c < targetWidth; c++) {
            values[c] = new ObjectColumn(new Object[count[0]]);
          }
          for (int i = 0; i < clause.columns().length; i++) {
            values[clause.columns()[i]] = batch.column(clause.values()[i]).select(taking, count[0]);
          }
          TypedTableBatch.write(new Batch(count[0], values), writer, converter, allocator);
          inserted += count[0];
        }
      }
    }
    return inserted;
  }

  private static int[] allColumns(int width) {
    int[] all = new int[width];
    for (int i = 0; i < width; i++) {
      all[i] = i;
    }
    return all;
  }

  private static int[] columnIndexes(SqlNodeList columns, List<String> names) throws SQLException {
    int[] out = new int[columns.size()];
    for (int i = 0; i < out.length; i++) {
      SqlIdentifier id = (SqlIdentifier) columns.get(i);
      out[i] = DmlPlanning.columnIndex(names, id.names.get(id.names.size() - 1));
    }
    return out;
  }

}
