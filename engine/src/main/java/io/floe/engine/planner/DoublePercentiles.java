package io.floe.engine.planner;

import io.floe.engine.expr.FunctionLibrary;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Points the PERCENTILE_CONT calls of a parsed statement at {@link FunctionLibrary#PERCENTILE_CONT} (a DOUBLE, as in
 * PostgreSQL and DuckDB): Calcite's grammar binds PERCENTILE_CONT to its standard operator, typed like the ORDER BY
 * key, without looking it up in the operator table.
 */
final class DoublePercentiles extends SqlBasicVisitor<Void> {
  private static final DoublePercentiles INSTANCE = new DoublePercentiles();

  private DoublePercentiles() {
  }

  /** {@code statement}, its PERCENTILE_CONT calls changed in place. */
  static SqlNode rewrite(SqlNode statement) {
    statement.accept(INSTANCE);
    return statement;
  }

  @Override
  public Void visit(SqlCall call) {
    if (call instanceof SqlBasicCall basic && call.getOperator() == SqlStdOperatorTable.PERCENTILE_CONT) {
      basic.setOperator(FunctionLibrary.PERCENTILE_CONT);
    }
    return super.visit(call);
  }
}
