package io.floe.engine.parser;

import io.floe.engine.expr.FunctionLibrary;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * {@code GROUP BY ALL} (DuckDB's): the parser marks a GROUP BY whose ALL stands alone with a call of
 * {@link #OPERATOR}; before validation {@link #rewrite} replaces it with every item of the select list that holds no
 * aggregate and no window function (so {@code SELECT a, b + 1, sum(c) FROM t GROUP BY ALL} groups by {@code a} and
 * {@code b + 1}; with no such item it is {@code GROUP BY ()}). A select list with {@code *} fails with
 * {@code not supported}.
 */
public final class GroupByAll extends SqlBasicVisitor<Void> {
  public static final SqlSpecialOperator OPERATOR = new SqlSpecialOperator("GROUP BY ALL", SqlKind.OTHER);

  private static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
      FunctionLibrary.operators());
  private static final GroupByAll INSTANCE = new GroupByAll();

  private GroupByAll() {
  }

  /** {@code statement} with each GROUP BY ALL replaced in place by the select items it stands for. */
  public static SqlNode rewrite(SqlNode statement) {
    statement.accept(INSTANCE);
    return statement;
  }

  @Override
  public Void visit(SqlCall call) {
    if (call instanceof SqlSelect select && select.getGroup() != null && select.getGroup().size() == 1
        && select.getGroup().get(0) instanceof SqlCall marker && marker.getOperator() == OPERATOR) {
      List<SqlNode> keys = new ArrayList<>();
      for (SqlNode item : select.getSelectList()) {
        SqlNode expression = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
        if (expression instanceof SqlIdentifier id && id.isStar()) {
          throw Unsupported.at("GROUP BY ALL with * in the select list", id.getParserPosition());
        }
        if (!aggregates(expression)) {
          keys.add(expression);
        }
      }
      select.setGroupBy(new SqlNodeList(keys, select.getGroup().getParserPosition()));
    }
    return super.visit(call);
  }

  /** Whether {@code node} holds an aggregate or window function call (not looking into subqueries). */
  private static boolean aggregates(SqlNode node) {
    if (!(node instanceof SqlCall call) || call instanceof SqlSelect) {
      return false;
    }
    if (call.getKind() == SqlKind.OVER || call.getKind() == SqlKind.FILTER
        || call.getKind() == SqlKind.WITHIN_GROUP || isAggregate(call.getOperator())) {
      return true;
    }
    for (SqlNode operand : call.getOperandList()) {
      if (aggregates(operand)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAggregate(SqlOperator operator) {
    if (!(operator instanceof SqlUnresolvedFunction function)) {
      return operator.isAggregator();
    }
    List<SqlOperator> found = new ArrayList<>();
    OPERATORS.lookupOperatorOverloads(function.getSqlIdentifier(), SqlFunctionCategory.USER_DEFINED_FUNCTION,
        SqlSyntax.FUNCTION, found, SqlNameMatchers.withCaseSensitive(false));
    return found.stream().anyMatch(o -> o instanceof SqlFunction && o.isAggregator());
  }
}
