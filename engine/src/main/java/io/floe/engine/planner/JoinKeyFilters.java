package io.floe.engine.planner;

import io.floe.engine.exec.JoinKeyFilter;
import io.floe.engine.exec.JoinKeyFilterOperator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;

/**
 * Where a parallel hash join filters its probe side by its build keys ({@link JoinKeyFilter}): on the probe side's
 * producers, before the exchange, for the joins in which a probe row without a match yields nothing.
 */
final class JoinKeyFilters {
  private JoinKeyFilters() {
  }

  /**
   * Whether a {@code type} join (building on its left input if {@code buildsLeft}) may drop probe rows without a
   * match: INNER, SEMI and RIGHT joins (the left input probes), and SEMI or ANTI joins that build on the left (the
   * right input probes; a right row without a match marks no left row). Not with a null-safe key equality, whose
   * null keys match.
   */
  static boolean applies(JoinRelType type, boolean buildsLeft, boolean[] nullSafe, DistributionSettings settings) {
    if (!settings.joinKeyFilters()) {
      return false;
    }
    for (boolean safe : nullSafe) {
      if (safe) {
        return false;
      }
    }
    return buildsLeft || type == JoinRelType.INNER || type == JoinRelType.SEMI || type == JoinRelType.RIGHT;
  }

  /** A join key filter to place on the producers of a probe-side node, on its columns {@code keys}. */
  record Pending(JoinKeyFilter filter, int[] keys, PlanNode join) {
    /**
     * {@code source} with its producers' rows filtered; EXPLAIN shows the filter on the join's node, EXPLAIN
     * ANALYZE the rows it dropped.
     */
    Fragments.Source filtering(Fragments.Source source) {
      JoinKeyFilterOperator.Counts counts = new JoinKeyFilterOperator.Counts();
      join.detail("probe rows filtered by the build keys before the exchange");
      join.measure(counts::toString);
      if (source instanceof Fragments.Leaf leaf) {
        return new Fragments.Leaf(leaf.node(),
            task -> new JoinKeyFilterOperator(leaf.tasks().apply(task), filter, keys, counts));
      }
      return new Fragments.Single(
          new JoinKeyFilterOperator(((Fragments.Single) source).operator(), filter, keys, counts));
    }
  }

  /** Where on the probe side a join's key filter goes: a node whose producers' rows carry the keys as {@code keys}. */
  record Target(RelNode rel, int[] keys) {
  }

  /**
   * The deepest node of the probe side {@code probe} whose rows determine the probe rows' keys {@code keys} one to
   * one, going down through projections that pass the keys on, filters, and aggregations grouping by the keys (a
   * group whose key has no match yields nothing, so neither do its rows), and stopping at a leaf fragment's top
   * ({@code isLeaf}) or any other node. Dropping that node's rows without a match drops exactly the probe rows
   * without one.
   */
  static Target target(RelNode probe, int[] keys, Predicate<RelNode> isLeaf) {
    RelNode rel = probe;
    int[] at = keys.clone();
    while (!isLeaf.test(rel)) {
      int[] below = new int[at.length];
      RelNode input;
      if (rel instanceof Filter filter) {
        below = at;
        input = filter.getInput();
      } else if (rel instanceof Project project) {
        for (int k = 0; k < at.length; k++) {
          if (!(project.getProjects().get(at[k]) instanceof RexInputRef ref)) {
            return new Target(rel, at);
          }
          below[k] = ref.getIndex();
        }
        input = project.getInput();
      } else if (rel instanceof Aggregate aggregate && aggregate.getGroupType() == Aggregate.Group.SIMPLE) {
        List<Integer> groups = aggregate.getGroupSet().asList();
        for (int k = 0; k < at.length; k++) {
          if (at[k] >= groups.size()) {
            return new Target(rel, at);
          }
          below[k] = groups.get(at[k]);
        }
        input = aggregate.getInput();
      } else {
        break;
      }
      rel = input;
      at = below;
    }
    return new Target(rel, at);
  }
}
