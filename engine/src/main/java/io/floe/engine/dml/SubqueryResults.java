package io.floe.engine.dml;

import io.floe.engine.FloeSession;
import io.floe.engine.exec.Column;
import io.floe.engine.expr.SqlStateException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;

/**
 * Runs the uncorrelated subqueries of a DELETE's or UPDATE's WHERE and SET once, before any row is read, and puts
 * their results in their place as literals: {@code x IN (SELECT ...)} becomes an IN list (OR NULL when the
 * subquery returned a NULL, keeping SQL's three-valued result), {@code EXISTS (SELECT ...)} TRUE or FALSE, a scalar
 * subquery its value (NULL without rows, {@code 21000} with more than one). Correlated subqueries, and subqueries
 * of other kinds or types, are left in place (the statement then fails with {@code 0A000}).
 */
final class SubqueryResults extends RexShuttle {
  private final FloeSession session;
  private final RexBuilder rexBuilder;

  private SubqueryResults(FloeSession session, RexBuilder rexBuilder) {
    this.session = session;
    this.rexBuilder = rexBuilder;
  }

  /** {@code expression} with its uncorrelated subqueries replaced by their results; null stays null. */
  static RexNode inline(FloeSession session, RexBuilder rexBuilder, RexNode expression) throws SQLException {
    try {
      return expression == null ? null : expression.accept(new SubqueryResults(session, rexBuilder));
    } catch (RuntimeException e) {
      throw DmlErrors.of(e);
    }
  }

  @Override
  public RexNode visitSubQuery(RexSubQuery subQuery) {
    if (!RelOptUtil.getVariablesUsed(subQuery.rel).isEmpty()) {
      return subQuery;
    }
    SqlKind kind = subQuery.getKind();
    if (kind == SqlKind.EXISTS) {
      return rexBuilder.makeLiteral(!rows(subQuery, 1).isEmpty());
    }
    if (kind == SqlKind.SCALAR_QUERY) {
      List<Object> values = rows(subQuery, 2);
      if (values.size() > 1) {
        throw new SqlStateException("21000", "a scalar subquery returned more than one row");
      }
      RexNode literal = literal(values.isEmpty() ? null : values.get(0), subQuery.getType());
      return literal == null ? subQuery : literal;
    }
    if (kind == SqlKind.IN && subQuery.getOperands().size() == 1) {
      RexNode operand = subQuery.getOperands().get(0).accept(this);
      RelDataType type = subQuery.rel.getRowType().getFieldList().get(0).getType();
      List<RexNode> literals = new ArrayList<>();
      boolean sawNull = false;
      for (Object v : rows(subQuery, Integer.MAX_VALUE)) {
        if (v == null) {
          sawNull = true;
          continue;
        }
        RexNode literal = literal(v, type);
        if (literal == null) {
          return subQuery;
        }
        literals.add(literal);
      }
      RexNode in = literals.isEmpty() ? rexBuilder.makeLiteral(false) : rexBuilder.makeIn(operand, literals);
      return sawNull ? rexBuilder.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.OR, in,
          rexBuilder.makeNullLiteral(in.getType())) : in;
    }
    return subQuery;
  }

  /** The first column of at most {@code limit} rows of the subquery. */
  private List<Object> rows(RexSubQuery subQuery, int limit) {
    List<Object> values = new ArrayList<>();
    DmlPlanning.run(session, subQuery.rel, batch -> {
      Column first = batch.column(0);
      for (int r = 0; r < batch.size() && values.size() < limit; r++) {
        values.add(first.get(r));
      }
      return values.size() < limit;
    });
    return values;
  }

  /** An engine value as a literal of {@code type}, or null for a type not handled here. */
  private RexNode literal(Object value, RelDataType type) {
    if (value == null) {
      return rexBuilder.makeNullLiteral(type);
    }
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DECIMAL:
        return rexBuilder.makeExactLiteral(io.floe.engine.expr.Values.toBigDecimal(value), type);
      case REAL:
      case FLOAT:
      case DOUBLE:
        return rexBuilder.makeApproxLiteral(BigDecimal.valueOf(((Number) value).doubleValue()), type);
      case CHAR:
      case VARCHAR:
        return rexBuilder.makeLiteral(value.toString());
      case BOOLEAN:
        return rexBuilder.makeLiteral((Boolean) value);
      case DATE:
        return rexBuilder.makeDateLiteral(DateString.fromDaysSinceEpoch((Integer) value));
      default:
        return null;
    }
  }
}
