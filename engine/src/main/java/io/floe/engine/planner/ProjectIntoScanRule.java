package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Narrows a {@link FloeTableScan} to the columns a Project above it (optionally through a Filter) uses, so the
 * Floe scan decodes only those columns.
 */
@SuppressWarnings("deprecation")
final class ProjectIntoScanRule extends RelOptRule {
  static final ProjectIntoScanRule DIRECT = new ProjectIntoScanRule(false);
  static final ProjectIntoScanRule THROUGH_FILTER = new ProjectIntoScanRule(true);

  private final boolean throughFilter;

  private ProjectIntoScanRule(boolean throughFilter) {
    super(throughFilter
            ? operand(LogicalProject.class, operand(LogicalFilter.class, operand(FloeTableScan.class, none())))
            : operand(LogicalProject.class, operand(FloeTableScan.class, none())),
        throughFilter ? "ProjectFilterIntoScanRule" : "ProjectIntoScanRule");
    this.throughFilter = throughFilter;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    LogicalFilter filter = throughFilter ? call.rel(1) : null;
    FloeTableScan scan = call.rel(throughFilter ? 2 : 1);
    List<RexNode> exprs = new ArrayList<>(project.getProjects());
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(exprs, filter == null ? null : filter.getCondition());
    int fieldCount = scan.getRowType().getFieldCount();
    if (used.cardinality() == fieldCount || used.isEmpty() && fieldCount == 1) {
      return;
    }
    if (used.isEmpty()) {
      used = ImmutableBitSet.of(0);
    }
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, fieldCount, used.cardinality());
    List<Integer> columns = new ArrayList<>();
    int target = 0;
    for (int i : used) {
      mapping.set(i, target++);
      columns.add(scan.columns().get(i));
    }
    RelNode input = scan.withColumns(columns);
    RexPermuteInputsShuttle shuttle = new RexPermuteInputsShuttle(mapping, input);
    if (filter != null) {
      input = filter.copy(filter.getTraitSet(), input, filter.getCondition().accept(shuttle));
    }
    List<RexNode> newExprs = new ArrayList<>();
    for (RexNode e : exprs) {
      newExprs.add(e.accept(shuttle));
    }
    call.transformTo(project.copy(project.getTraitSet(), input, newExprs, project.getRowType()));
  }
}
