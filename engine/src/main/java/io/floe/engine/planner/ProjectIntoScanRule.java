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
    Narrowed narrowed = narrow(scan, filter, RelOptUtil.InputFinder.bits(exprs, null));
    if (narrowed == null) {
      return;
    }
    RexPermuteInputsShuttle shuttle = new RexPermuteInputsShuttle(narrowed.mapping(), narrowed.scan());
    List<RexNode> newExprs = new ArrayList<>();
    for (RexNode e : exprs) {
      newExprs.add(e.accept(shuttle));
    }
    call.transformTo(project.copy(project.getTraitSet(), narrowed.input(), newExprs, project.getRowType()));
  }

  /**
   * The scan narrowed to the columns {@code used} above it and by {@code filter} (between the two, or null), the
   * filter re-applied on top; null when every column is used. With no column used the scan keeps its narrowest.
   */
  static Narrowed narrow(FloeTableScan scan, LogicalFilter filter, ImmutableBitSet usedAbove) {
    ImmutableBitSet used = filter == null ? usedAbove
        : usedAbove.union(RelOptUtil.InputFinder.bits(filter.getCondition()));
    int fieldCount = scan.getRowType().getFieldCount();
    if (used.cardinality() == fieldCount || used.isEmpty() && fieldCount == 1) {
      return null;
    }
    if (used.isEmpty()) {
      used = ImmutableBitSet.of(scan.narrowestField());
    }
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, fieldCount, used.cardinality());
    List<Integer> columns = new ArrayList<>();
    int target = 0;
    for (int i : used) {
      mapping.set(i, target++);
      columns.add(scan.columns().get(i));
    }
    FloeTableScan narrowedScan = scan.withColumns(columns);
    RelNode input = narrowedScan;
    if (filter != null) {
      RexPermuteInputsShuttle shuttle = new RexPermuteInputsShuttle(mapping, narrowedScan);
      input = filter.copy(filter.getTraitSet(), input, filter.getCondition().accept(shuttle));
    }
    return new Narrowed(narrowedScan, input, mapping);
  }

  /** A narrowed scan, the input to use in its place (the scan or the filter over it), and the field mapping. */
  record Narrowed(FloeTableScan scan, RelNode input, Mapping mapping) {
  }
}
