package io.floe.engine.planner;

import io.floe.engine.exec.JoinKeyFilter;
import io.floe.engine.exec.JoinKeyFilterOperator;
import org.apache.calcite.rel.core.JoinRelType;

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

  /**
   * The probe side {@code probe} with its producers' rows filtered by {@code filter} on the key columns
   * {@code keys}; EXPLAIN shows the filter on the join's {@code node}, EXPLAIN ANALYZE the rows it dropped.
   */
  static Fragments.Source probing(Fragments.Source probe, JoinKeyFilter filter, int[] keys, PlanNode node) {
    JoinKeyFilterOperator.Counts counts = new JoinKeyFilterOperator.Counts();
    node.detail("probe rows filtered by the build keys before the exchange");
    node.measure(counts::toString);
    if (probe instanceof Fragments.Leaf leaf) {
      return new Fragments.Leaf(leaf.node(),
          task -> new JoinKeyFilterOperator(leaf.tasks().apply(task), filter, keys, counts));
    }
    return new Fragments.Single(
        new JoinKeyFilterOperator(((Fragments.Single) probe).operator(), filter, keys, counts));
  }
}
