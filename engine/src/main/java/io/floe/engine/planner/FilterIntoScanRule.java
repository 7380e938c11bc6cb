package io.floe.engine.planner;

import io.floe.expressions.Expression;
import io.floe.expressions.Expressions;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pushes the conjuncts of a Filter that the Floe scan can prune with into the {@link FloeTableScan} below it (as a
 * Floe expression for pruning and as the RexNode the engine evaluates on the rows read).
 */
@SuppressWarnings("deprecation")
final class FilterIntoScanRule extends RelOptRule {
  static final FilterIntoScanRule INSTANCE = new FilterIntoScanRule();

  private FilterIntoScanRule() {
    super(operand(LogicalFilter.class, operand(FloeTableScan.class, none())), "FilterIntoScanRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    FloeTableScan scan = call.rel(1);
    RexToFilter converter = new RexToFilter(scan, filter.getCluster().getRexBuilder());
    Expression pushed = Expressions.alwaysTrue();
    List<RexNode> pushedConjuncts = new ArrayList<>();
    List<RexNode> remaining = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      Expression converted = converter.convert(conjunct);
      if (converted == null) {
        remaining.add(conjunct);
      } else {
        pushed = Expressions.and(pushed, converted);
        pushedConjuncts.add(conjunct);
      }
    }
    if (pushedConjuncts.isEmpty()) {
      return;
    }
    RelNode newScan = scan.withFilter(pushed,
        RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), pushedConjuncts));
    if (remaining.isEmpty()) {
      call.transformTo(newScan);
    } else {
      call.transformTo(filter.copy(filter.getTraitSet(), newScan,
          RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), remaining)));
    }
  }
}
