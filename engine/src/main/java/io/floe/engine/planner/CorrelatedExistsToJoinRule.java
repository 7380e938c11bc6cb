package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;

/**
 * Turns a WHERE conjunct {@code [NOT] EXISTS (SELECT ... FROM r WHERE c)} whose subquery refers to the outer row only
 * in its WHERE condition {@code c} into a SEMI (ANTI) join of the outer rows with {@code r} on {@code c}, before the
 * general subquery removal and decorrelation run. Decorrelating such a subquery instead joins {@code r} with the
 * distinct outer keys (the whole outer query planned again as a "value generator") and joins the result back, so the
 * outer query runs twice per subquery (TPC-H q21 ran its four-table join three times). NOT EXISTS is exactly an ANTI
 * join: EXISTS is never unknown. Subqueries of another shape (correlated below a grouping, in a projection, under OR)
 * are left to the decorrelator.
 */
@SuppressWarnings("deprecation")
final class CorrelatedExistsToJoinRule extends RelOptRule {
  static final CorrelatedExistsToJoinRule INSTANCE = new CorrelatedExistsToJoinRule();

  private CorrelatedExistsToJoinRule() {
    super(operand(LogicalFilter.class, any()), "CorrelatedExistsToJoinRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    Set<CorrelationId> variables = filter.getVariablesSet();
    if (variables.size() != 1) {
      return;
    }
    CorrelationId outer = variables.iterator().next();
    RelBuilder builder = call.builder().push(filter.getInput());
    List<RexNode> remaining = new ArrayList<>();
    boolean joined = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      boolean negated = conjunct.getKind() == SqlKind.NOT;
      RexNode inner = negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
      RexNode condition = null;
      RelNode right = null;
      if (inner instanceof RexSubQuery sub && sub.getKind() == SqlKind.EXISTS) {
        Filter correlated = correlatedFilter(sub.rel, outer);
        if (correlated != null) {
          // the subquery's own conditions filter its input; those on the outer row become the join's
          List<RexNode> local = new ArrayList<>();
          List<RexNode> onOuter = new ArrayList<>();
          for (RexNode c : RelOptUtil.conjunctions(correlated.getCondition())) {
            (usesVariable(c, outer) ? onOuter : local).add(c);
          }
          right = local.isEmpty() ? correlated.getInput()
              : call.builder().push(correlated.getInput()).filter(local).build();
          condition = onJoinedRow(RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), onOuter), outer,
              filter.getInput().getRowType().getFieldCount());
        }
      }
      if (condition == null) {
        remaining.add(conjunct);
        continue;
      }
      builder.push(right).join(negated ? JoinRelType.ANTI : JoinRelType.SEMI, condition);
      joined = true;
    }
    if (!joined) {
      return;
    }
    if (!remaining.isEmpty()) {
      if (remaining.stream().anyMatch(r -> usesVariable(r, outer))) {
        return; // another conjunct still refers to the outer row: leave the whole filter to the decorrelator
      }
      builder.filter(remaining);
    }
    call.transformTo(builder.build());
  }

  /**
   * The filter of {@code subquery} (under projections only) whose condition is the only place the subquery refers to
   * {@code outer}, or null when the subquery has another shape.
   */
  private static Filter correlatedFilter(RelNode subquery, CorrelationId outer) {
    RelNode rel = subquery;
    while (rel instanceof Project project) {
      if (usesVariableIn(project.getProjects(), outer)) {
        return null;
      }
      rel = project.getInput();
    }
    if (!(rel instanceof Filter filter) || !filter.getVariablesSet().isEmpty()
        || !RelOptUtil.getVariablesUsed(filter.getInput()).isEmpty() || !usesVariable(filter.getCondition(), outer)
        || hasSubQuery(filter.getCondition())) {
      return null;
    }
    return filter;
  }

  /**
   * {@code condition} of the subquery's filter as a condition on the joined row: the outer row's fields
   * ({@code outer.f}) are the first {@code outerWidth} columns, the subquery input's follow.
   */
  private static RexNode onJoinedRow(RexNode condition, CorrelationId outer, int outerWidth) {
    boolean[] foreign = {false};
    RexNode rewritten = condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(ref.getIndex() + outerWidth, ref.getType());
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable v && v.id.equals(outer)) {
          return new RexInputRef(access.getField().getIndex(), access.getType());
        }
        foreign[0] = true;
        return super.visitFieldAccess(access);
      }
    });
    return foreign[0] ? null : rewritten;
  }

  private static boolean usesVariable(RexNode node, CorrelationId variable) {
    return usesVariableIn(List.of(node), variable);
  }

  private static boolean usesVariableIn(List<RexNode> nodes, CorrelationId variable) {
    boolean[] found = {false};
    RexShuttle finder = new RexShuttle() {
      @Override
      public RexNode visitCorrelVariable(RexCorrelVariable v) {
        found[0] |= v.id.equals(variable);
        return v;
      }

      @Override
      public RexNode visitSubQuery(RexSubQuery subQuery) {
        found[0] |= RelOptUtil.getVariablesUsed(subQuery.rel).contains(variable);
        return super.visitSubQuery(subQuery);
      }
    };
    for (RexNode node : nodes) {
      node.accept(finder);
    }
    return found[0];
  }

  private static boolean hasSubQuery(RexNode node) {
    return RexUtil.SubQueryFinder.find(node) != null;
  }
}
