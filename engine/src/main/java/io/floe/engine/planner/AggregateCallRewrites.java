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
 *   true.</li>
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
    if (call instanceof SqlBasicCall basic && call.getOperator() == SqlStdOperatorTable.PERCENTILE_CONT) {
      basic.setOperator(FunctionLibrary.PERCENTILE_CONT);
    }
    String name = call instanceof SqlBasicCall && call.getOperator() instanceof SqlUnresolvedFunction function
        ? function.getName().toUpperCase(Locale.ROOT) : "";
    SqlBasicCall basic = call instanceof SqlBasicCall b ? b : null;
    if (DOUBLE_ARGUMENTS.contains(name)) {
      for (int i = 0; i < basic.operandCount(); i++) {
        SqlParserPos pos = basic.operand(i).getParserPosition();
        basic.setOperand(i, SqlStdOperatorTable.CAST.createCall(pos, basic.operand(i),
            new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos), pos)));
      }
    } else if (name.equals("APPROX_DISTINCT")) {
      basic.setOperator(SqlStdOperatorTable.APPROX_COUNT_DISTINCT);
    } else if (name.equals("ARBITRARY")) {
      basic.setOperator(SqlStdOperatorTable.ANY_VALUE);
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
}
