package io.floe.engine.parser;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * {@code ORDER BY ALL [ASC | DESC]} (DuckDB's): the parser marks such an ORDER BY with a call of {@link #ASCENDING}
 * or {@link #DESCENDING}; before validation {@link #rewrite} replaces it with the ordinals of every column of the
 * query's select list, left to right ({@code ORDER BY 1, 2, ...}). A select list with {@code *} and ORDER BY ALL
 * anywhere but a query's ORDER BY (a window, WITHIN GROUP) fail with {@code not supported}.
 */
public final class OrderByAll extends SqlBasicVisitor<Void> {
  public static final SqlSpecialOperator ASCENDING = new SqlSpecialOperator("ORDER BY ALL", SqlKind.OTHER);
  public static final SqlSpecialOperator DESCENDING = new SqlSpecialOperator("ORDER BY ALL DESC", SqlKind.OTHER);

  private static final OrderByAll INSTANCE = new OrderByAll();

  private OrderByAll() {
  }

  /** {@code statement} with each ORDER BY ALL replaced in place by the ordinals it stands for. */
  public static SqlNode rewrite(SqlNode statement) {
    statement.accept(INSTANCE);
    return statement;
  }

  @Override
  public Void visit(SqlCall call) {
    if (call instanceof SqlOrderBy orderBy && isMarker(orderBy.orderList)) {
      expand(orderBy.orderList, width(orderBy.query));
    } else if (call instanceof SqlSelect select && isMarker(select.getOrderList())) {
      expand(select.getOrderList(), width(select));
    } else if (call.getOperator() == ASCENDING || call.getOperator() == DESCENDING) {
      throw Unsupported.at("ORDER BY ALL outside a query's ORDER BY", call.getParserPosition());
    }
    return super.visit(call);
  }

  private static boolean isMarker(SqlNodeList list) {
    return list != null && list.size() == 1 && list.get(0) instanceof SqlCall call
        && (call.getOperator() == ASCENDING || call.getOperator() == DESCENDING);
  }

  /** Replaces the marker in {@code list} by the ordinals 1 to {@code width}, descending if it says so. */
  private static void expand(SqlNodeList list, int width) {
    SqlCall marker = (SqlCall) list.get(0);
    SqlParserPos pos = marker.getParserPosition();
    list.clear();
    for (int i = 1; i <= width; i++) {
      SqlNode ordinal = SqlLiteral.createExactNumeric(Integer.toString(i), pos);
      list.add(marker.getOperator() == DESCENDING ? SqlStdOperatorTable.DESC.createCall(pos, ordinal) : ordinal);
    }
  }

  /** The number of columns {@code query} returns. */
  private static int width(SqlNode query) {
    if (query instanceof SqlSelect select) {
      for (SqlNode item : select.getSelectList()) {
        if (item instanceof SqlIdentifier id && id.isStar()) {
          throw Unsupported.at("ORDER BY ALL with * in the select list", id.getParserPosition());
        }
      }
      return select.getSelectList().size();
    }
    if (query instanceof SqlWith with) {
      return width(with.body);
    }
    if (query instanceof SqlOrderBy orderBy) {
      return width(orderBy.query);
    }
    if (query instanceof SqlCall call && call.getKind() == SqlKind.VALUES && call.operandCount() > 0
        && call.operand(0) instanceof SqlCall row) {
      return row.operandCount();
    }
    if (query instanceof SqlCall call && call.getKind().belongsTo(SqlKind.SET_QUERY)) {
      return width(call.operand(0));
    }
    throw Unsupported.at("ORDER BY ALL of this query", query.getParserPosition());
  }
}
