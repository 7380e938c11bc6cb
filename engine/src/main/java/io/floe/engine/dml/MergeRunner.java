package io.floe.engine.dml;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.exec.Batch;
import io.floe.engine.expr.ExprCompiler;
import io.floe.engine.expr.VectorExpr;
import io.floe.engine.planner.FloeTableScan;
import io.floe.engine.planner.PhysicalPlanner;
import io.floe.engine.planner.SqlPlanner;
import io.floe.engine.statement.StatementRunner;
import io.floe.expressions.Expressions;
import io.floe.table.TableWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * {@code MERGE INTO t [AS a] USING source ON c WHEN MATCHED THEN UPDATE SET ... WHEN NOT MATCHED THEN INSERT ...}
 * (Calcite's MERGE syntax: at most one of each clause, no extra AND conditions, no DELETE). The statement is
 * validated as a whole; its expressions are then planned as one projection over {@code target, source} so they
 * can be evaluated over (target row, source row) pairs. The source runs once and is hashed on the ON condition's
 * equality keys; every target file is read, files with matched rows are rewritten with the updates, unmatched
 * source rows are inserted; one snapshot. Returns updated plus inserted rows.
 */
public final class MergeRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlMerge;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    DmlPlanning.convert(session, statement); // validates the MERGE: unknown columns, type errors
    SqlMerge merge;
    Project pairs;
    try {
      merge = (SqlMerge) SqlPlanner.parse(sql);
      pairs = pairExpressions(session, merge);
    } catch (SQLException e) {
      throw e;
    } catch (Exception e) {
      throw DmlErrors.of(e);
    }
    Join join = (Join) pairs.getInput();
    FloeTableScan target = targetScan(join.getLeft());
    int targetWidth = target.getRowType().getFieldCount();
    List<String> targetColumns = target.getRowType().getFieldNames();
    List<RexNode> exprs = pairs.getProjects();
    for (RexNode e : exprs) {
      DmlPlanning.requireNoSubQuery(e, "MERGE");
    }
    SqlUpdate update = merge.getUpdateCall();
    SqlInsert insert = merge.getInsertCall();
    int updates = update == null ? 0 : update.getTargetColumnList().size();
    ExprCompiler compiler = new ExprCompiler(pairs.getCluster().getRexBuilder());

    JoinInfo on = JoinInfo.createWithStrictEquality(join.getLeft(), join.getRight(), exprs.get(0));
    RexNode rest = RexUtil.composeConjunction(pairs.getCluster().getRexBuilder(), on.nonEquiConditions);
    VectorExpr residual = rest.isAlwaysTrue() ? null : compiler.compile(rest);
    int[] updateColumns = update == null ? null : columnIndexes(update.getTargetColumnList(), targetColumns);
    VectorExpr[] updateValues = compileAll(compiler, exprs.subList(1, 1 + updates));
    int[] insertColumns = insert == null ? null : insert.getTargetColumnList() == null
        ? allColumns(targetWidth) : columnIndexes(insert.getTargetColumnList(), targetColumns);
    VectorExpr[] insertValues = compileAll(compiler, exprs.subList(1 + updates, exprs.size()));

    RowLevelStatement statementOnTarget = new RowLevelStatement(session, target.floeTable().id());
    MergeSource source;
    try (BufferAllocator allocator = new RootAllocator()) {
      RelNode sourcePlan = session.planner().optimize(join.getRight());
      source = MergeSource.load(new PhysicalPlanner(allocator, session.workers()).build(sourcePlan),
          join.getRight().getRowType().getFieldCount(), on.rightKeys.toIntArray());
    } catch (RuntimeException e) {
      throw DmlErrors.of(e);
    }
    MergeMatcher matcher = new MergeMatcher(statementOnTarget.table().name(), source, on.leftKeys.toIntArray(),
        residual, updateColumns, updateValues);
    long changed = statementOnTarget.run(statementOnTarget.candidates(Expressions.alwaysTrue()), file -> false, matcher,
        Expressions.alwaysTrue(), insert == null ? null
            : (writers, converter) -> insertUnmatched(source, targetWidth, insertColumns, insertValues, writers, converter));
    return QueryResult.ofUpdateCount(changed);
  }

  /**
   * {@code SELECT on, update values..., insert values... FROM target [AS alias], source}, validated and converted:
   * a projection over the cross join whose expressions read (target columns, source columns).
   */
  private static Project pairExpressions(FloeSession session, SqlMerge merge) throws Exception {
    SqlParserPos pos = merge.getParserPosition();
    List<SqlNode> items = new ArrayList<>();
    items.add(merge.getCondition());
    if (merge.getUpdateCall() != null) {
      items.addAll(merge.getUpdateCall().getSourceExpressionList().getList());
    }
    if (merge.getInsertCall() != null) {
      SqlNode values = merge.getInsertCall().getSource();
      if (!(values instanceof SqlBasicCall call) || call.operandCount() != 1
          || !(call.operand(0) instanceof SqlCall row)) {
        throw new SQLFeatureNotSupportedException("not supported: MERGE ... INSERT of more than one row", "0A000");
      }
      items.addAll(row.getOperandList());
    }
    SqlNode target = merge.getAlias() == null ? merge.getTargetTable()
        : SqlValidatorUtil.addAlias(merge.getTargetTable(), merge.getAlias().getSimple());
    SqlJoin from = new SqlJoin(pos, target, SqlLiteral.createBoolean(false, pos), JoinType.COMMA.symbol(pos),
        merge.getSourceTableRef(), JoinConditionType.NONE.symbol(pos), null);
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

  private static long insertUnmatched(MergeSource source, int targetWidth, int[] insertColumns, VectorExpr[] values,
      WriterPool writers, RowConverter converter) {
    int[] unmatched = source.unmatched();
    if (unmatched.length == 0) {
      return 0;
    }
    Batch sourceRows = source.rows().select(unmatched, unmatched.length);
    Object[][] pairColumns = new Object[targetWidth + sourceRows.width()][];
    for (int c = 0; c < targetWidth; c++) {
      pairColumns[c] = new Object[unmatched.length];
    }
    System.arraycopy(sourceRows.columns(), 0, pairColumns, targetWidth, sourceRows.width());
    Batch pairsWithoutTarget = Batch.ofArrays(unmatched.length, pairColumns);
    Object[][] inserted = new Object[targetWidth][];
    for (int c = 0; c < targetWidth; c++) {
      inserted[c] = new Object[unmatched.length];
    }
    for (int i = 0; i < insertColumns.length; i++) {
      inserted[insertColumns[i]] = values[i].eval(pairsWithoutTarget).toArray();
    }
    Batch rows = Batch.ofArrays(unmatched.length, inserted);
    TableWriter writer = writers.writer();
    for (int r = 0; r < rows.size(); r++) {
      writer.write(converter.toRecord(rows, r));
    }
    return rows.size();
  }

  private static VectorExpr[] compileAll(ExprCompiler compiler, List<RexNode> exprs) {
    VectorExpr[] out = new VectorExpr[exprs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = compiler.compile(exprs.get(i));
    }
    return out;
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
