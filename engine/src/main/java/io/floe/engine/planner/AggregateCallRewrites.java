package io.floe.engine.planner;

import io.floe.engine.expr.FunctionLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites of a parsed statement's aggregate calls, in place, before validation:
 * <ul>
 *   <li>PERCENTILE_CONT calls use {@link FunctionLibrary#PERCENTILE_CONT} (a DOUBLE, as in PostgreSQL and DuckDB):
 *   Calcite's grammar binds PERCENTILE_CONT to its standard operator, typed like the ORDER BY key, without looking
 *   it up in the operator table;</li>
 *   <li>{@code STRING_AGG(x, sep ORDER BY k) FILTER (WHERE c)} becomes
 *   {@code LISTAGG(x, sep) WITHIN GROUP (ORDER BY k) FILTER (WHERE c)}: Calcite's validator fails to type the
 *   ORDER BY list inside a call under FILTER;</li>
 *   <li>the arguments of COVAR_POP, COVAR_SAMP, REGR_SXX and REGR_SYY are cast to DOUBLE, as in Trino and DuckDB:
 *   Calcite reduces them to sums and a division in the arguments' own type (integer division over integers);</li>
 *   <li>Trino's {@code APPROX_DISTINCT(x)} and {@code ARBITRARY(x)} are APPROX_COUNT_DISTINCT and ANY_VALUE;</li>
 *   <li>{@code COUNT_IF(c)} (Trino, DuckDB) becomes {@code COUNT(CASE WHEN c THEN 1 END)}: the rows where c is
 *   true;</li>
 *   <li>{@code CORR(y, x)} (PostgreSQL, Trino, DuckDB) becomes {@code COVAR_POP(y, x) / NULLIF(STDDEV_POP(y') *
 *   STDDEV_POP(x'), 0)} over DOUBLEs, where {@code y'} and {@code x'} are the values of the rows where both are
 *   non-null: NULL for fewer than two such rows or a constant column, as in PostgreSQL. Under FILTER or OVER it
 *   is not supported.</li>
 * </ul>
 */
final class AggregateCallRewrites extends SqlBasicVisitor<Void> {
  private static final AggregateCallRewrites INSTANCE = new AggregateCallRewrites();

  /** Aggregates whose arguments are cast to DOUBLE (Calcite reduces them to sums divided in the arguments' type). */
  private static final Set<String> DOUBLE_ARGUMENTS = Set.of("COVAR_POP", "COVAR_SAMP", "REGR_SXX", "REGR_SYY");

  private AggregateCallRewrites() {
  }

  /** {@code statement}, its aggregate calls rewritten in place. */
  static SqlNode rewrite(SqlNode statement) {
    statement.accept(INSTANCE);
    return statement;
  }

  @Override
  public Void visit(SqlCall call) {
    if ((call.getKind() == SqlKind.FILTER || call.getKind() == SqlKind.OVER) && isCorr(call.operand(0))) {
      throw new UnsupportedOperationException("not supported: CORR with " + call.getOperator().getName()
          + " (compute it from COVAR_POP and STDDEV_POP)");
    }
    if (call instanceof SqlBasicCall basic && call.getOperator() == SqlStdOperatorTable.PERCENTILE_CONT) {
      basic.setOperator(FunctionLibrary.PERCENTILE_CONT);
    }
    String name = call instanceof SqlBasicCall && call.getOperator() instanceof SqlUnresolvedFunction function
        ? function.getName().toUpperCase(Locale.ROOT) : "";
    SqlBasicCall basic = call instanceof SqlBasicCall b ? b : null;
    if (DOUBLE_ARGUMENTS.contains(name)) {
      for (int i = 0; i < basic.operandCount(); i++) {
        basic.setOperand(i, toDouble(basic.operand(i)));
      }
    } else if (name.equals("APPROX_DISTINCT")) {
      basic.setOperator(SqlStdOperatorTable.APPROX_COUNT_DISTINCT);
    } else if (name.equals("ARBITRARY")) {
      basic.setOperator(SqlStdOperatorTable.ANY_VALUE);
    } else if (isCorr(call)) {
      correlation(basic);
    } else if (name.equals("COUNT_IF") && basic.operandCount() == 1) {
      SqlParserPos pos = basic.getParserPosition();
      basic.setOperator(SqlStdOperatorTable.COUNT);
      basic.setOperand(0, new SqlCase(pos, null, SqlNodeList.of(basic.operand(0)),
          SqlNodeList.of(SqlLiteral.createExactNumeric("1", pos)), SqlLiteral.createNull(pos)));
    }
    if (call.getKind() == SqlKind.FILTER && call.operand(0) instanceof SqlBasicCall aggregate
        && aggregate.getOperator() == SqlLibraryOperators.STRING_AGG && aggregate.operandCount() > 1
        && aggregate.operand(aggregate.operandCount() - 1) instanceof SqlNodeList order) {
      List<SqlNode> args = new ArrayList<>(aggregate.getOperandList().subList(0, aggregate.operandCount() - 1));
      SqlCall listagg = SqlStdOperatorTable.LISTAGG.createCall(aggregate.getFunctionQuantifier(),
          aggregate.getParserPosition(), args);
      call.setOperand(0, SqlStdOperatorTable.WITHIN_GROUP.createCall(aggregate.getParserPosition(), listagg, order));
    }
    return super.visit(call);
  }

  private static boolean isCorr(SqlNode node) {
    return node instanceof SqlBasicCall call && call.getOperator() instanceof SqlUnresolvedFunction function
        && function.getName().equalsIgnoreCase("CORR") && call.operandCount() == 2
        && call.getFunctionQuantifier() == null;
  }

  /** {@code corr}, a CORR(y, x) call, turned in place into the division its value is. */
  private static void correlation(SqlBasicCall corr) {
    SqlParserPos pos = corr.getParserPosition();
    SqlNode y = toDouble(corr.operand(0));
    SqlNode x = toDouble(corr.operand(1));
    SqlNode covariance = SqlStdOperatorTable.COVAR_POP.createCall(pos, y, x);
    // the arguments appear three times: each place gets its own copy, which validation may expand in place
    SqlNode deviations = SqlStdOperatorTable.MULTIPLY.createCall(pos,
        SqlStdOperatorTable.STDDEV_POP.createCall(pos, whereBoth(copy(y), copy(x))),
        SqlStdOperatorTable.STDDEV_POP.createCall(pos, whereBoth(copy(x), copy(y))));
    corr.setOperator(SqlStdOperatorTable.DIVIDE);
    corr.setOperand(0, covariance);
    corr.setOperand(1, SqlStdOperatorTable.NULLIF.createCall(pos, deviations,
        SqlLiteral.createExactNumeric("0", pos)));
  }

  /** {@code value} where {@code other} is not null, else NULL. */
  private static SqlNode whereBoth(SqlNode value, SqlNode other) {
    SqlParserPos pos = value.getParserPosition();
    return new SqlCase(pos, null, SqlNodeList.of(SqlStdOperatorTable.IS_NOT_NULL.createCall(pos, other)),
        SqlNodeList.of(value), SqlLiteral.createNull(pos));
  }

  /** A deep copy of {@code node}. */
  private static SqlNode copy(SqlNode node) {
    return node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlIdentifier id) {
        return id.clone(id.getParserPosition());
      }

      @Override
      public SqlNode visit(SqlCall call) {
        CallCopyingArgHandler copying = new CallCopyingArgHandler(call, true);
        call.getOperator().acceptCall(this, call, false, copying);
        return copying.result();
      }
    });
  }

  private static SqlNode toDouble(SqlNode node) {
    SqlParserPos pos = node.getParserPosition();
    return SqlStdOperatorTable.CAST.createCall(pos, node,
        new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos), pos));
  }
}
