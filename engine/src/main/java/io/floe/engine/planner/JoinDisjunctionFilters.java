package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Filters implied by an INNER join's OR condition, put on the join's inputs: when every branch of an OR conjunct
 * has conjuncts over one input only, the OR of those conjuncts holds for every row of that input that joins. TPC-H
 * q07's {@code (n1.n_name = 'FRANCE' AND n2.n_name = 'GERMANY') OR (n1.n_name = 'GERMANY' AND n2.n_name = 'FRANCE')}
 * yields {@code n1.n_name = 'FRANCE' OR n1.n_name = 'GERMANY'} below the join (and the same for n2), so the
 * pushdown that follows filters the nation scans and the joins above them shrink. The join keeps its condition.
 *
 * <p>Runs once, after join ordering (the derived filters would distort the ordering's estimates of the OR join).
 */
final class JoinDisjunctionFilters {
  private JoinDisjunctionFilters() {
  }

  /** {@code rel} with the implied filters added under each INNER join whose condition allows them. */
  static RelNode derive(RelNode rel) {
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        return visited instanceof Join join && join.getJoinType() == JoinRelType.INNER ? withInputFilters(join) : visited;
      }
    });
  }

  private static RelNode withInputFilters(Join join) {
    RexBuilder rex = join.getCluster().getRexBuilder();
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int total = join.getRowType().getFieldCount();
    ImmutableBitSet leftColumns = ImmutableBitSet.range(0, leftCount);
    ImmutableBitSet rightColumns = ImmutableBitSet.range(leftCount, total);
    List<RexNode> leftFilters = new ArrayList<>();
    List<RexNode> rightFilters = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      List<RexNode> branches = RelOptUtil.disjunctions(conjunct);
      if (branches.size() < 2) {
        continue;
      }
      addImplied(rex, branches, leftColumns, leftFilters);
      addImplied(rex, branches, rightColumns, rightFilters);
    }
    if (leftFilters.isEmpty() && rightFilters.isEmpty()) {
      return join;
    }
    RelNode left = filtered(join.getLeft(), rex, leftFilters, 0);
    RelNode right = filtered(join.getRight(), rex, rightFilters, -leftCount);
    return join.copy(join.getTraitSet(), join.getCondition(), left, right, join.getJoinType(), join.isSemiJoinDone());
  }

  /** Adds the OR over {@code branches} of each branch's conjuncts within {@code side}, if every branch has one. */
  private static void addImplied(RexBuilder rex, List<RexNode> branches, ImmutableBitSet side, List<RexNode> out) {
    List<RexNode> implied = new ArrayList<>(branches.size());
    for (RexNode branch : branches) {
      List<RexNode> within = new ArrayList<>();
      for (RexNode term : RelOptUtil.conjunctions(branch)) {
        ImmutableBitSet columns = RelOptUtil.InputFinder.bits(term);
        if (!columns.isEmpty() && side.contains(columns) && RexUtil.isDeterministic(term)) {
          within.add(term);
        }
      }
      if (within.isEmpty()) {
        return; // this branch says nothing about the side: neither does the OR
      }
      implied.add(RexUtil.composeConjunction(rex, within));
    }
    out.add(RexUtil.composeDisjunction(rex, implied));
  }

  private static RelNode filtered(RelNode input, RexBuilder rex, List<RexNode> filters, int shift) {
    if (filters.isEmpty()) {
      return input;
    }
    RexNode condition = RexUtil.shift(RexUtil.composeConjunction(rex, filters), shift);
    return LogicalFilter.create(input, condition);
  }
}
