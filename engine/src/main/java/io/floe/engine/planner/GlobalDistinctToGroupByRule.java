package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * An aggregate without GROUP BY whose calls are all DISTINCT over the same arguments (MIN and MAX may also be without
 * DISTINCT: duplicates do not change them), as the same aggregate without
 * DISTINCT over a GROUP BY of those arguments: {@code SELECT count(DISTINCT x), sum(DISTINCT x) FROM t} becomes
 * {@code SELECT count(x), sum(x) FROM (SELECT x FROM t GROUP BY x)}.
 *
 * <p>The distinct values are then found by a grouped hash aggregation, which runs on N tasks (partial aggregates
 * before a hash exchange) and spills to disk past the memory limit, instead of one task holding every distinct value
 * in memory. Only aggregates a duplicate does not change are rewritten: COUNT, SUM, $SUM0, AVG, MIN, MAX and the
 * variances; a call with a FILTER, or order-sensitive ones (STRING_AGG, LISTAGG), keep their plan.
 *
 * <p>An aggregate with a GROUP BY is rewritten the same way (grouping by its keys and the arguments first) only when a
 * call is a DISTINCT variance: Calcite's reduction of the variances to sums would otherwise sum the distinct squares
 * ({@code x} and {@code -x} have one), so it must run on the distinct values, without DISTINCT. The rule runs before
 * that reduction; {@link #DISTINCT_VARIANCES_TO_JOIN} takes the DISTINCT variances it leaves.
 */
@SuppressWarnings("deprecation")
final class GlobalDistinctToGroupByRule extends RelOptRule {
  static final GlobalDistinctToGroupByRule INSTANCE = new GlobalDistinctToGroupByRule();

  private static final Set<SqlKind> VARIANCES =
      EnumSet.of(SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP, SqlKind.VAR_SAMP);
  private static final Set<SqlKind> DUPLICATE_INSENSITIVE = EnumSet.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0,
      SqlKind.AVG, SqlKind.MIN, SqlKind.MAX, SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP,
      SqlKind.VAR_SAMP);

  /**
   * Calcite's expansion of DISTINCT aggregates (into aggregates of distinct values, joined), for an aggregate with a
   * DISTINCT variance this rule does not take (one beside other aggregates), for the same reason.
   */
  static final RelOptRule DISTINCT_VARIANCES_TO_JOIN = AggregateExpandDistinctAggregatesRule.Config.JOIN
      .withOperandSupplier(b -> b.operand(LogicalAggregate.class)
          .predicate(GlobalDistinctToGroupByRule::hasDistinctVariance).anyInputs())
      .as(AggregateExpandDistinctAggregatesRule.Config.class).toRule();

  /**
   * Calcite's {@code AGGREGATE_REDUCE_FUNCTIONS} but for DISTINCT variances, which the rules above leave only under
   * grouping sets: reduced, they would sum the distinct squares; left, they fail as not supported.
   */
  static final RelOptRule REDUCE_FUNCTIONS_BUT_DISTINCT_VARIANCES = AggregateReduceFunctionsRule.Config.DEFAULT
      .withExtraCondition(c -> !isDistinctVariance(c)).toRule();

  private GlobalDistinctToGroupByRule() {
    super(operand(LogicalAggregate.class, any()), "GlobalDistinctToGroupByRule");
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    List<AggregateCall> calls = aggregate.getAggCallList();
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE || calls.isEmpty()) {
      return false;
    }
    List<Integer> arguments = calls.get(0).getArgList();
    boolean anyDistinct = false;
    for (AggregateCall c : calls) {
      SqlKind kind = c.getAggregation().getKind();
      boolean ignoresDuplicates = c.isDistinct() || kind == SqlKind.MIN || kind == SqlKind.MAX;
      if (!ignoresDuplicates || c.hasFilter() || c.getArgList().isEmpty() || !c.getArgList().equals(arguments)
          || !DUPLICATE_INSENSITIVE.contains(kind) || !c.collation.getFieldCollations().isEmpty()
          || !c.rexList.isEmpty() || c.distinctKeys != null) {
        return false;
      }
      anyDistinct |= c.isDistinct();
    }
    return anyDistinct && (aggregate.getGroupSet().isEmpty() || hasDistinctVariance(aggregate));
  }

  private static boolean hasDistinctVariance(Aggregate aggregate) {
    return aggregate.getAggCallList().stream().anyMatch(GlobalDistinctToGroupByRule::isDistinctVariance);
  }

  private static boolean isDistinctVariance(AggregateCall call) {
    return call.isDistinct() && VARIANCES.contains(call.getAggregation().getKind());
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    ImmutableBitSet groupKeys = aggregate.getGroupSet();
    ImmutableBitSet keys = groupKeys.union(ImmutableBitSet.of(aggregate.getAggCallList().get(0).getArgList()));
    LogicalAggregate distinct = LogicalAggregate.create(aggregate.getInput(), List.of(), keys, null, List.of());
    List<Integer> positions = positionsIn(keys, aggregate.getAggCallList().get(0).getArgList());
    List<Integer> groupPositions = positionsIn(keys, groupKeys);
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall c : aggregate.getAggCallList()) {
      calls.add(c.withDistinct(false).withArgList(positions));
    }
    call.transformTo(LogicalAggregate.create(distinct, aggregate.getHints(), ImmutableBitSet.of(groupPositions), null,
        calls));
  }

  /** Where each of {@code fields} is among the output columns of a GROUP BY {@code keys}. */
  private static List<Integer> positionsIn(ImmutableBitSet keys, Iterable<Integer> fields) {
    List<Integer> positions = new ArrayList<>();
    for (int field : fields) {
      positions.add(keys.indexOf(field));
    }
    return positions;
  }
}
