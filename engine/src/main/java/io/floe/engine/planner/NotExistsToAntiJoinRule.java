package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;

/**
 * Turns the decorrelated form of NOT EXISTS / NOT IN over a non-nullable key — a LEFT join whose rows are kept only
 * where a right column that is never null is null — into an ANTI join: {@code Filter(IS NULL(r)) over L LEFT JOIN R}
 * keeps exactly the left rows without a matching right row, with nulls for R's columns, which is
 * {@code L ANTI JOIN R} under a projection of those nulls. A right input that only makes its rows distinct on the
 * join keys (an Aggregate grouping them) is read without the aggregation, as whether a match exists does not depend on
 * duplicates.
 */
@SuppressWarnings("deprecation")
final class NotExistsToAntiJoinRule extends RelOptRule {
  static final NotExistsToAntiJoinRule INSTANCE = new NotExistsToAntiJoinRule();

  private NotExistsToAntiJoinRule() {
    super(operand(LogicalFilter.class, operand(LogicalJoin.class, any())), "NotExistsToAntiJoinRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    LogicalJoin join = call.rel(1);
    if (join.getJoinType() != JoinRelType.LEFT) {
      return;
    }
    int leftCount = join.getLeft().getRowType().getFieldCount();
    List<RelDataTypeField> rightFields = join.getRight().getRowType().getFieldList();
    List<RexNode> remaining = new ArrayList<>();
    boolean unmatchedOnly = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      if (!unmatchedOnly && isNullOfNonNullRightColumn(conjunct, leftCount, rightFields)) {
        unmatchedOnly = true;
      } else {
        remaining.add(conjunct);
      }
    }
    if (!unmatchedOnly) {
      return;
    }
    RelNode right = join.getRight();
    RexNode condition = join.getCondition();
    DistinctInput distinct = DistinctInput.of(right, condition, leftCount);
    if (distinct != null) {
      right = distinct.input();
      condition = distinct.condition();
    }
    RelBuilder builder = call.builder();
    RexBuilder rex = builder.getRexBuilder();
    builder.push(join.getLeft()).push(right).join(JoinRelType.ANTI, condition);
    List<RexNode> columns = new ArrayList<>();
    List<RelDataTypeField> outFields = join.getRowType().getFieldList();
    for (int i = 0; i < outFields.size(); i++) {
      columns.add(i < leftCount ? builder.field(i) : rex.makeNullLiteral(outFields.get(i).getType()));
    }
    builder.project(columns, join.getRowType().getFieldNames(), true);
    if (!remaining.isEmpty()) {
      builder.filter(remaining);
    }
    call.transformTo(builder.build());
  }

  private static boolean isNullOfNonNullRightColumn(RexNode conjunct, int leftCount,
      List<RelDataTypeField> rightFields) {
    return conjunct.getKind() == SqlKind.IS_NULL
        && ((RexCall) conjunct).getOperands().get(0) instanceof RexInputRef ref
        && ref.getIndex() >= leftCount
        && !rightFields.get(ref.getIndex() - leftCount).getType().isNullable();
  }

  /**
   * The input of a right side that only groups rows by the columns the join condition reads (an Aggregate of those
   * keys, possibly under a projection), with the condition reading the input's columns instead.
   */
  private record DistinctInput(RelNode input, RexNode condition) {
    static DistinctInput of(RelNode right, RexNode condition, int leftCount) {
      RelNode top = right.stripped();
      Project project = top instanceof Project p ? p : null;
      RelNode below = project == null ? top : project.getInput().stripped();
      if (!(below instanceof Aggregate aggregate) || aggregate.getGroupCount() == 0
          || aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
        return null;
      }
      for (AggregateCall aggCall : aggregate.getAggCallList()) {
        if (aggCall.getAggregation().getKind() != SqlKind.LITERAL_AGG) {
          return null;
        }
      }
      boolean[] ok = {true};
      RexNode rewritten = condition.accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          if (ref.getIndex() < leftCount) {
            return ref;
          }
          int field = ref.getIndex() - leftCount;
          if (project != null) {
            RexNode expr = project.getProjects().get(field);
            if (!(expr instanceof RexInputRef inner)) {
              ok[0] = false;
              return ref;
            }
            field = inner.getIndex();
          }
          if (field >= aggregate.getGroupCount()) {
            ok[0] = false;
            return ref;
          }
          int column = aggregate.getGroupSet().nth(field);
          return new RexInputRef(leftCount + column,
              aggregate.getInput().getRowType().getFieldList().get(column).getType());
        }
      });
      return ok[0] ? new DistinctInput(aggregate.getInput(), rewritten) : null;
    }
  }
}
