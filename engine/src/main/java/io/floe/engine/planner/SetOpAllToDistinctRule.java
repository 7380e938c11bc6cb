package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalMinus;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * INTERSECT ALL and EXCEPT ALL as their DISTINCT forms over rows numbered within their duplicates: numbering each
 * input's copies of a row 1, 2, ... makes the copies distinct, so a row kept n times by INTERSECT ALL (the least
 * of its counts) or EXCEPT ALL (its count on the left minus its count on the right) is kept exactly as copies
 * 1..n. EXCEPT ALL of several inputs subtracts them all: {@code a EXCEPT ALL (b UNION ALL c)}.
 */
@SuppressWarnings("deprecation")
final class SetOpAllToDistinctRule extends RelOptRule {
  static final SetOpAllToDistinctRule INTERSECT = new SetOpAllToDistinctRule(LogicalIntersect.class);
  static final SetOpAllToDistinctRule MINUS = new SetOpAllToDistinctRule(LogicalMinus.class);

  private SetOpAllToDistinctRule(Class<? extends SetOp> type) {
    super(operand(type, any()), type.getSimpleName() + "AllToDistinctRule");
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    return ((SetOp) call.rel(0)).all;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    SetOp setOp = call.rel(0);
    RelBuilder builder = call.builder();
    List<RelNode> inputs = setOp.getInputs();
    int width = setOp.getRowType().getFieldCount();
    if (setOp instanceof LogicalMinus && inputs.size() > 2) {
      numbered(builder, inputs.get(0));
      builder.pushAll(inputs.subList(1, inputs.size())).union(true, inputs.size() - 1);
      numberTop(builder);
      builder.minus(false, 2);
    } else {
      for (RelNode input : inputs) {
        numbered(builder, input);
      }
      if (setOp instanceof LogicalMinus) {
        builder.minus(false, inputs.size());
      } else {
        builder.intersect(false, inputs.size());
      }
    }
    List<RexNode> fields = new ArrayList<>(builder.fields().subList(0, width));
    builder.project(fields, setOp.getRowType().getFieldNames());
    call.transformTo(builder.build());
  }

  private static void numbered(RelBuilder builder, RelNode input) {
    builder.push(input);
    numberTop(builder);
  }

  /** The builder's top input with a last column numbering each row's copies 1, 2, ... */
  private static void numberTop(RelBuilder builder) {
    List<RexNode> fields = new ArrayList<>(builder.fields());
    RexNode number = builder.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over().partitionBy(fields).toRex();
    List<RexNode> projects = new ArrayList<>(fields);
    projects.add(number);
    builder.project(projects);
  }
}
