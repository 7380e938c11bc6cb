package io.floe.engine.planner;

import io.floe.engine.exec.JoinKeyFilter;
import io.floe.engine.exec.JoinKeyFilterOperator;
import io.floe.engine.exec.JoinKeyFilterRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;

/**
 * Where a parallel hash join filters its probe side by its build keys ({@link JoinKeyFilter}): on the probe side's
 * producers, before the exchange (in the scan of a leaf fragment, see {@link Target#scan()}), for the joins in which
 * a probe row without a match yields nothing.
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
     * The filter's test, one per producer: EXPLAIN shows the filter on the join's node ({@code where} added to its
     * line), EXPLAIN ANALYZE the rows it dropped over all producers.
     */
    Supplier<JoinKeyFilterRows> placed(String where) {
      JoinKeyFilterRows.Counts counts = new JoinKeyFilterRows.Counts();
      join.detail("probe rows filtered by the build keys before the exchange" + where);
      join.measure(counts::toString);
      return () -> new JoinKeyFilterRows(filter, keys, counts);
    }

    /** {@code source} with its producers' rows filtered. */
    Fragments.Source filtering(Fragments.Source source) {
      Supplier<JoinKeyFilterRows> rows = placed("");
      if (source instanceof Fragments.Leaf leaf) {
        return new Fragments.Leaf(leaf.node(),
            task -> new JoinKeyFilterOperator(leaf.tasks().apply(task), rows.get()));
      }
      return new Fragments.Single(new JoinKeyFilterOperator(((Fragments.Single) source).operator(), rows.get()));
    }
  }

  /**
   * The key filters waiting for the nodes they are to be placed on, while the plan below the joins that made them
   * is built: a node may get the filters of several joins (q05's lineitem scan those of its orders and suppliers).
   */
  static final class Placements {
    private final Map<RelNode, List<Pending>> byNode = new IdentityHashMap<>();

    void add(RelNode rel, Pending pending) {
      byNode.computeIfAbsent(rel, r -> new ArrayList<>()).add(pending);
    }

    /** Withdraws {@code pending} from {@code rel} if it was not taken. */
    void withdraw(RelNode rel, Pending pending) {
      List<Pending> pendings = byNode.get(rel);
      if (pendings != null && pendings.remove(pending) && pendings.isEmpty()) {
        byNode.remove(rel);
      }
    }

    /** The filters waiting for {@code rel}, taken (none: an empty list). */
    List<Pending> take(RelNode rel) {
      List<Pending> pendings = byNode.remove(rel);
      return pendings == null ? List.of() : pendings;
    }
  }

  /** Where on the probe side a join's key filter goes: a node whose producers' rows carry the keys as {@code keys}. */
  record Target(RelNode rel, int[] keys) {
    /**
     * The scan at the bottom of this target, a leaf fragment's top (filters and projections over a scan), with the
     * keys as its columns; null when a projection computes a key. Tested in the scan, on its Arrow vectors, the
     * filter spares the other columns' reading for the rows it drops.
     */
    Target scan() {
      RelNode rel = this.rel;
      int[] at = keys;
      while (!(rel instanceof FloeTableScan)) {
        if (rel instanceof Project project) {
          at = passedOn(project, at);
          if (at == null) {
            return null;
          }
        } else if (!(rel instanceof Filter)) {
          return null;
        }
        rel = rel.getInput(0);
      }
      return new Target(rel, at);
    }
  }

  /**
   * The deepest node of the probe side {@code probe} whose rows carry the probe rows' keys {@code keys}, going down
   * through projections that pass the keys on, filters, aggregations grouping by the keys (a group whose key has no
   * match yields nothing, so neither do its rows), and the input of an INNER or SEMI join that holds all the keys
   * (a joined row has its input row's key: Trino pushes dynamic filters through joins the same way), and stopping at
   * a leaf fragment's top ({@code isLeaf}) or any other node. Dropping that node's rows without a match drops only
   * rows that would yield no probe row with a match.
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
        below = passedOn(project, at);
        if (below == null) {
          return new Target(rel, at);
        }
        input = project.getInput();
      } else if (rel instanceof Join join && (join.getJoinType() == JoinRelType.INNER
          || join.getJoinType() == JoinRelType.SEMI)) {
        int leftWidth = join.getLeft().getRowType().getFieldCount();
        if (Arrays.stream(at).allMatch(k -> k < leftWidth)) {
          below = at;
          input = join.getLeft();
        } else if (join.getJoinType() == JoinRelType.INNER && Arrays.stream(at).allMatch(k -> k >= leftWidth)) {
          below = Arrays.stream(at).map(k -> k - leftWidth).toArray();
          input = join.getRight();
        } else {
          break;
        }
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

  /**
   * Whether {@code node} is reached exactly once going down from {@code root}: Calcite shares equal nodes (the one
   * scan of a self-join's two sides), and a filter placed on a shared node would go to whichever use is built first.
   */
  static boolean occursOnce(RelNode root, RelNode node) {
    return occurrences(root, node) == 1;
  }

  /** How many times {@code node} is reached going down from {@code root}, counting no further than 2. */
  private static int occurrences(RelNode root, RelNode node) {
    if (root == node) {
      return 1;
    }
    int count = 0;
    for (RelNode input : root.getInputs()) {
      count += occurrences(input, node);
      if (count > 1) {
        return count;
      }
    }
    return count;
  }

  /** The input columns {@code project} passes on as its columns {@code keys}; null when it computes one. */
  private static int[] passedOn(Project project, int[] keys) {
    int[] below = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      if (!(project.getProjects().get(keys[k]) instanceof RexInputRef ref)) {
        return null;
      }
      below[k] = ref.getIndex();
    }
    return below;
  }
}
