package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Narrows the right input of a SEMI or ANTI join to the columns its condition reads (the join outputs only the left
 * columns), so a scan below reads only those columns.
 */
@SuppressWarnings("deprecation")
final class SemiJoinInputTrimRule extends RelOptRule {
  static final SemiJoinInputTrimRule INSTANCE = new SemiJoinInputTrimRule();

  private SemiJoinInputTrimRule() {
    super(operand(LogicalJoin.class, any()), "SemiJoinInputTrimRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    if (join.getJoinType() != JoinRelType.SEMI && join.getJoinType() != JoinRelType.ANTI) {
      return;
    }
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int rightCount = join.getRight().getRowType().getFieldCount();
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(join.getCondition()).get(leftCount, leftCount + rightCount)
        .shift(-leftCount);
    if (used.isEmpty() || used.cardinality() == rightCount) {
      return;
    }
    RelBuilder builder = call.builder();
    builder.push(join.getLeft()).push(join.getRight());
    List<RexNode> kept = new ArrayList<>();
    for (int column : used) {
      kept.add(builder.field(column));
    }
    builder.project(kept);
    RexNode condition = join.getCondition().accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        if (ref.getIndex() < leftCount) {
          return ref;
        }
        return new RexInputRef(leftCount + used.indexOf(ref.getIndex() - leftCount), ref.getType());
      }
    });
    call.transformTo(builder.join(join.getJoinType(), condition).build());
  }
}
