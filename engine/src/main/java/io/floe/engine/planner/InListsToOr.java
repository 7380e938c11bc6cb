package io.floe.engine.planner;

import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Rewrites a parsed statement's short IN value lists, in place, before validation: {@code x IN (a, b)} becomes
 * {@code (x = a OR x = b)} and {@code x NOT IN (a, b)} becomes {@code (x <> a AND x <> b)}, the SQL standard's
 * definition and what Calcite's converter makes of a list shorter than its IN-to-join threshold anyway.
 *
 * <p>Calcite's converter fails on such a list inside a CASE that is a GROUP BY expression
 * ({@code NullPointerException: subQuery}: it converts group expressions without first registering their IN lists);
 * the rewritten form converts everywhere. Only grouped SELECTs are rewritten (their ORDER BY too, which may repeat a
 * GROUP BY expression); lists with a row on the left and lists
 * at or above the threshold (which become a join with VALUES) are left as they are.
 */
final class InListsToOr extends SqlBasicVisitor<Void> {
  private static final InListsToOr INSTANCE = new InListsToOr();

  private InListsToOr() {
  }

  /**
   * {@code statement}, the short IN value lists in the select list, GROUP BY, HAVING and ORDER BY of its grouped
   * SELECTs rewritten in place (elsewhere they stay IN lists, which the scans test as sets).
   */
  static SqlNode rewrite(SqlNode statement) {
    statement.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select && select.getGroup() != null) {
          for (SqlNode part : new SqlNode[] {select.getSelectList(), select.getGroup(), select.getHaving(),
              select.getOrderList()}) {
            if (part != null) {
              part.accept(INSTANCE);
            }
          }
          SqlNode having = rewritten(select.getHaving());
          if (having != null) {
            select.setHaving(having);
          }
        }
        // an ORDER BY repeating a GROUP BY expression must be written as the rewritten one is (the parser puts a
        // query's ORDER BY around its SELECT)
        if (call instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect select
            && select.getGroup() != null) {
          orderBy.orderList.accept(INSTANCE);
        }
        return super.visit(call);
      }
    });
    return statement;
  }

  @Override
  public Void visit(SqlCall call) {
    super.visit(call);
    if (call instanceof SqlBasicCall || call instanceof SqlJoin) {
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode rewritten = rewritten(operands.get(i));
        if (rewritten != null) {
          call.setOperand(i, rewritten);
        }
      }
    }
    return null;
  }

  @Override
  public Void visit(SqlNodeList list) {
    super.visit(list);
    for (int i = 0; i < list.size(); i++) {
      SqlNode rewritten = rewritten(list.get(i));
      if (rewritten != null) {
        list.set(i, rewritten);
      }
    }
    return null;
  }

  /** The OR (AND) chain {@code node} is written as, or null when it is not a short IN (NOT IN) value list. */
  private static SqlNode rewritten(SqlNode node) {
    if (!(node instanceof SqlBasicCall in) || (in.getKind() != SqlKind.IN && in.getKind() != SqlKind.NOT_IN)
        || !(in.operand(1) instanceof SqlNodeList values) || values.isEmpty()
        || values.size() >= SqlToRelConverter.DEFAULT_IN_SUB_QUERY_THRESHOLD
        || in.operand(0).getKind() == SqlKind.ROW || values.stream().anyMatch(v -> v.getKind() == SqlKind.ROW)) {
      return null;
    }
    boolean negated = in.getKind() == SqlKind.NOT_IN;
    SqlParserPos pos = in.getParserPosition();
    SqlNode chain = null;
    for (SqlNode value : values) {
      SqlNode test = (negated ? SqlStdOperatorTable.NOT_EQUALS : SqlStdOperatorTable.EQUALS)
          .createCall(pos, in.operand(0), value);
      chain = chain == null ? test
          : (negated ? SqlStdOperatorTable.AND : SqlStdOperatorTable.OR).createCall(pos, chain, test);
    }
    return chain;
  }
}
