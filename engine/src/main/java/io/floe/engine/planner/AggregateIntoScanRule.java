package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Narrows a {@link FloeTableScan} to the columns an Aggregate directly above it (optionally through a Filter)
 * groups by or aggregates: {@code SELECT count(*) FROM t} reads one narrow column, not the whole table.
 */
@SuppressWarnings("deprecation")
final class AggregateIntoScanRule extends RelOptRule {
  static final AggregateIntoScanRule DIRECT = new AggregateIntoScanRule(false);
  static final AggregateIntoScanRule THROUGH_FILTER = new AggregateIntoScanRule(true);

  private final boolean throughFilter;

  private AggregateIntoScanRule(boolean throughFilter) {
    super(throughFilter
            ? operand(LogicalAggregate.class, operand(LogicalFilter.class, operand(FloeTableScan.class, none())))
            : operand(LogicalAggregate.class, operand(FloeTableScan.class, none())),
        throughFilter ? "AggregateFilterIntoScanRule" : "AggregateIntoScanRule");
    this.throughFilter = throughFilter;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    LogicalFilter filter = throughFilter ? call.rel(1) : null;
    FloeTableScan scan = call.rel(throughFilter ? 2 : 1);
    ImmutableBitSet.Builder used = aggregate.getGroupSet().rebuild();
    for (AggregateCall agg : aggregate.getAggCallList()) {
      used.addAll(agg.getArgList());
      if (agg.filterArg >= 0) {
        used.set(agg.filterArg);
      }
      used.addAll(agg.distinctKeys == null ? ImmutableBitSet.of() : agg.distinctKeys);
      agg.collation.getFieldCollations().forEach(c -> used.set(c.getFieldIndex()));
    }
    ProjectIntoScanRule.Narrowed narrowed = ProjectIntoScanRule.narrow(scan, filter, used.build());
    if (narrowed == null) {
      return;
    }
    List<ImmutableBitSet> groupSets = new ArrayList<>();
    for (ImmutableBitSet set : aggregate.getGroupSets()) {
      groupSets.add(Mappings.apply(narrowed.mapping(), set));
    }
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall agg : aggregate.getAggCallList()) {
      calls.add(agg.transform(narrowed.mapping()));
    }
    call.transformTo(aggregate.copy(aggregate.getTraitSet(), narrowed.input(),
        Mappings.apply(narrowed.mapping(), aggregate.getGroupSet()), groupSets, calls));
  }
}
