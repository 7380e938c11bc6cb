package io.floe.engine.planner;

import io.floe.expressions.Expression;
import io.floe.expressions.Expressions;
import io.floe.types.PrimitiveType;
import io.floe.types.TypeId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Converts a Calcite predicate over a {@link FloeTableScan}'s output into a Floe filter {@link Expression}, when
 * the Floe scan evaluates it exactly as SQL's WHERE would: positive comparisons of a column with a literal,
 * IN lists, IS [NOT] NULL, prefix LIKE, and AND/OR of those. Negations and floating-point columns are left to
 * the engine (the Floe scan treats {@code !=} of a null as true and orders NaN and -0.0 by the spec's total order).
 */
public final class RexToFilter {
  private final FloeTableScan scan;
  private final RexBuilder rexBuilder;

  public RexToFilter(FloeTableScan scan, RexBuilder rexBuilder) {
    this.scan = scan;
    this.rexBuilder = rexBuilder;
  }

  /** The converted filter, or null when {@code node} cannot be pushed exactly. */
  public Expression convert(RexNode node) {
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, node);
    return convertExpanded(expanded);
  }

  private Expression convertExpanded(RexNode node) {
    if (!(node instanceof RexCall call)) {
      return null;
    }
    switch (call.getKind()) {
      case AND:
      case OR: {
        List<Expression> parts = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
          Expression part = convertExpanded(operand);
          if (part == null) {
            return null;
          }
          parts.add(part);
        }
        Expression result = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
          result = call.getKind() == SqlKind.AND ? Expressions.and(result, parts.get(i)) : Expressions.or(result, parts.get(i));
        }
        return result;
      }
      case IS_NULL:
      case IS_NOT_NULL: {
        String column = column(call.getOperands().get(0));
        if (column == null) {
          return null;
        }
        return call.getKind() == SqlKind.IS_NULL ? Expressions.isNull(column) : Expressions.notNull(column);
      }
      case EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(call);
      case LIKE:
        return like(call);
      default:
        return null;
    }
  }

  private Expression comparison(RexCall call) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (left instanceof RexLiteral && !(right instanceof RexLiteral)) {
      RexNode t = left;
      left = right;
      right = t;
      kind = kind.reverse();
    }
    String column = column(left);
    if (column == null || !(right instanceof RexLiteral literal)) {
      return null;
    }
    Object value = value(column, literal);
    if (value == null) {
      return null;
    }
    switch (kind) {
      case EQUALS:
        return Expressions.equal(column, value);
      case LESS_THAN:
        return Expressions.lessThan(column, value);
      case LESS_THAN_OR_EQUAL:
        return Expressions.lessThanOrEqual(column, value);
      case GREATER_THAN:
        return Expressions.greaterThan(column, value);
      case GREATER_THAN_OR_EQUAL:
        return Expressions.greaterThanOrEqual(column, value);
      default:
        return null;
    }
  }

  private Expression like(RexCall call) {
    if (call.getOperands().size() != 2 || !(call.getOperands().get(1) instanceof RexLiteral literal)
        || !call.getOperator().getName().equals("LIKE")) { // ILIKE and NOT ILIKE are of kind LIKE too
      return null;
    }
    String column = column(call.getOperands().get(0));
    String pattern = literal.getValueAs(String.class);
    if (column == null || pattern == null || type(column).typeId() != TypeId.STRING) {
      return null;
    }
    String prefix = pattern.endsWith("%") ? pattern.substring(0, pattern.length() - 1) : null;
    if (prefix == null || prefix.contains("%") || prefix.contains("_") || prefix.contains("\\")) {
      return null;
    }
    return Expressions.startsWith(column, prefix);
  }

  private String column(RexNode node) {
    if (node.getKind() == SqlKind.CAST && RexUtil.isLosslessCast(node)) {
      node = ((RexCall) node).getOperands().get(0);
    }
    String name = fieldName(node);
    if (name == null || !scan.floeTable().schema().requireField(name).type().isPrimitive()) {
      return null; // a scan filters on primitive columns and struct fields (a list or map is filtered above it)
    }
    TypeId id = type(name).typeId();
    return id == TypeId.FLOAT || id == TypeId.DOUBLE ? null : name;
  }

  /** The (dotted) name of a column, or of a field of a struct column ({@code s.f}, {@code s.t.f}), else null. */
  private String fieldName(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return scan.readsRowId(ref.getIndex()) ? null : scan.columnName(ref.getIndex());
    }
    if (node instanceof RexFieldAccess access && access.getReferenceExpr().getType().isStruct()) {
      String struct = fieldName(access.getReferenceExpr());
      return struct == null ? null : struct + "." + access.getField().getName();
    }
    return null;
  }

  private PrimitiveType type(String column) {
    return (PrimitiveType) scan.floeTable().schema().requireField(column).type();
  }

  private Object value(String column, RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    PrimitiveType type = type(column);
    switch (type.typeId()) {
      case INT:
      case LONG:
      case DECIMAL:
        return literal.getType().getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC
            ? literal.getValueAs(BigDecimal.class) : null;
      case STRING:
        return literal.getTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER
            ? literal.getValueAs(String.class) : null;
      case DATE:
        return literal.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.DATE
            ? LocalDate.ofEpochDay(literal.getValueAs(Integer.class)) : null;
      default:
        return null;
    }
  }
}
