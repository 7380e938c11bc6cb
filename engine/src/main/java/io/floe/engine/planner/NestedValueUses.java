package io.floe.engine.planner;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Refuses at plan time what Floe cannot do with ARRAY, MAP and ROW values: order them (ORDER BY, MIN, MAX, a
 * window's ORDER BY) or compare them (=, <, IN, ... and so join on them). They may be read, grouped, made DISTINCT
 * and counted; their elements and fields are compared like any value.
 */
final class NestedValueUses extends RelVisitor {
  private static final Set<SqlKind> ORDERED_AGGREGATES = EnumSet.of(SqlKind.MIN, SqlKind.MAX, SqlKind.ARG_MIN,
      SqlKind.ARG_MAX, SqlKind.PERCENTILE_CONT, SqlKind.PERCENTILE_DISC, SqlKind.MODE);

  private NestedValueUses() {
  }

  /** Throws {@code UnsupportedOperationException} ("not supported: ...") where {@code rel} orders or compares one. */
  static void check(RelNode rel) {
    new NestedValueUses().go(rel);
  }

  @Override
  public void visit(RelNode node, int ordinal, RelNode parent) {
    if (node instanceof Sort sort) {
      for (RelFieldCollation key : sort.getCollation().getFieldCollations()) {
        refuse(sort.getInput().getRowType().getFieldList().get(key.getFieldIndex()).getType(), "ORDER BY");
      }
    } else if (node instanceof Aggregate aggregate) {
      for (AggregateCall call : aggregate.getAggCallList()) {
        if (ORDERED_AGGREGATES.contains(call.getAggregation().getKind())) {
          for (int arg : call.getArgList()) {
            refuse(aggregate.getInput().getRowType().getFieldList().get(arg).getType(), call.getAggregation()
                .getName());
          }
        }
      }
    } else if (node instanceof Window window) {
      for (Window.Group group : window.groups) {
        for (RelFieldCollation key : group.orderKeys.getFieldCollations()) {
          refuse(window.getInput().getRowType().getFieldList().get(key.getFieldIndex()).getType(),
              "a window's ORDER BY");
        }
      }
    }
    node.accept(new Comparisons());
    super.visit(node, ordinal, parent);
  }

  private static void refuse(RelDataType type, String use) {
    if (isNested(type)) {
      throw new UnsupportedOperationException("not supported: " + use + " on a value of type " + text(type)
          + " (ARRAY, MAP and ROW values have no order)");
    }
  }

  /** A type as SQL spells it: {@code ROW(x INTEGER, ...)}, {@code VARCHAR ARRAY}, {@code (VARCHAR, BIGINT) MAP}. */
  private static String text(RelDataType type) {
    if (!type.isStruct()) {
      return type.toString();
    }
    return "ROW(" + String.join(", ", type.getFieldList().stream()
        .map(f -> f.getName() + " " + text(f.getType())).toList()) + ")";
  }

  private static boolean isNested(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return name == SqlTypeName.ARRAY || name == SqlTypeName.MAP || name == SqlTypeName.MULTISET
        || name == SqlTypeName.ROW;
  }

  /** The comparisons of a node's expressions. */
  private static final class Comparisons extends RexShuttle {
    @Override
    public RexNode visitCall(RexCall call) {
      if (call.isA(SqlKind.COMPARISON) || call.getKind() == SqlKind.SEARCH) {
        for (RexNode operand : call.getOperands()) {
          if (isNested(operand.getType())) {
            throw new UnsupportedOperationException("not supported: comparing values of type "
                + text(operand.getType()) + " (" + call.getOperator().getName() + ")");
          }
        }
      }
      return super.visitCall(call);
    }

    @Override
    public RexNode visitOver(RexOver over) {
      return visitCall(over);
    }
  }
}
