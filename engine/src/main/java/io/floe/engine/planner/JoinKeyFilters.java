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
import java.util.stream.IntStream;
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

  /**
   * A join key filter to place on the producers of a probe-side node, on its columns {@code keys}: the join's keys,
   * or {@code narrowedFrom} > 0 of them when the filter holds only some (see {@link #narrowed}).
   */
  record Pending(JoinKeyFilter filter, int[] keys, PlanNode join, int narrowedFrom) {
    /**
     * The filter's test, one per producer: EXPLAIN shows the filter on the join's node ({@code where} added to its
     * line), EXPLAIN ANALYZE the rows it dropped over all producers.
     */
    Supplier<JoinKeyFilterRows> placed(String where) {
      String some = keys.length + " of the " + narrowedFrom;
      JoinKeyFilterRows.Counts counts = narrowedFrom == 0 ? new JoinKeyFilterRows.Counts()
          : new JoinKeyFilterRows.Counts("join key filter on " + some + " keys");
      join.detail("probe rows filtered by " + (narrowedFrom == 0 ? "the" : some) + " build keys before the exchange"
          + where);
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
        Step step = rel instanceof Project || rel instanceof Filter ? Step.down(rel, at) : null;
        if (step == null || !step.passesAll()) {
          return null;
        }
        rel = step.input();
        at = step.keys();
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
      Step step = Step.down(rel, at);
      if (step == null || !step.passesAll()) {
        break;
      }
      rel = step.input();
      at = step.keys();
    }
    return new Target(rel, at);
  }

  /**
   * Where a filter on some of the probe keys goes when all of them stop at {@code stop} (see {@link #target}), which
   * passes only those on to its input: an aggregation grouping by some of the keys (TPC-H q02's MIN subquery, joined
   * on its group key and on the MIN), a projection computing some (also a leaf fragment's, whose scan then tests the
   * others), an INNER or SEMI join with keys on both sides (then the left's keys). A probe row whose keys match no
   * build row's there has no match either, so the filter may drop it. Null when no such subset goes further down than
   * {@code stop}, or {@code stop} is {@code shared} (computed once for several uses). {@code isLeaf}: as in
   * {@link #target}, with {@code shared}.
   */
  static Narrowed narrowed(Target stop, Predicate<RelNode> isLeaf, Predicate<RelNode> shared) {
    RelNode rel = stop.rel();
    boolean leaf = isLeaf.test(rel);
    if (stop.keys().length < 2 || shared.test(rel) || leaf && !(rel instanceof Project)) {
      return null;
    }
    Step step = Step.down(rel, stop.keys());
    if (step == null || step.passesAll()) {
      return null;
    }
    int[] indexes = IntStream.range(0, step.keys().length).filter(k -> step.keys()[k] >= 0).toArray();
    if (indexes.length == 0) {
      return null;
    }
    int[] keys = Arrays.stream(indexes).map(k -> step.keys()[k]).toArray();
    // inside a leaf fragment only its scan takes a filter
    Target place = leaf ? new Target(step.input(), keys).scan() : target(step.input(), keys, isLeaf.or(shared));
    return place == null ? null : new Narrowed(indexes, place);
  }

  /**
   * One step down the probe side from {@code rel} with keys at its columns {@code at}: the input that carries them
   * and per key its column there, or -1 where {@code rel} does not pass it on.
   */
  private record Step(RelNode input, int[] keys) {
    boolean passesAll() {
      return Arrays.stream(keys).allMatch(k -> k >= 0);
    }

    /**
     * The step through a filter (every key), a projection (the keys it passes on), an aggregation (its group keys:
     * a group whose key has no match yields nothing), an INNER or SEMI join (the input holding all the keys, else
     * the left's keys: a joined row has its input row's key); null through any other node.
     */
    static Step down(RelNode rel, int[] at) {
      if (rel instanceof Filter filter) {
        return new Step(filter.getInput(), at);
      }
      if (rel instanceof Project project) {
        return new Step(project.getInput(), Arrays.stream(at)
            .map(k -> project.getProjects().get(k) instanceof RexInputRef ref ? ref.getIndex() : -1).toArray());
      }
      if (rel instanceof Aggregate aggregate && aggregate.getGroupType() == Aggregate.Group.SIMPLE) {
        List<Integer> groups = aggregate.getGroupSet().asList();
        return new Step(aggregate.getInput(), Arrays.stream(at).map(k -> k < groups.size() ? groups.get(k) : -1)
            .toArray());
      }
      if (rel instanceof Join join && (join.getJoinType() == JoinRelType.INNER
          || join.getJoinType() == JoinRelType.SEMI)) {
        int leftWidth = join.getLeft().getRowType().getFieldCount();
        if (join.getJoinType() == JoinRelType.INNER && Arrays.stream(at).allMatch(k -> k >= leftWidth)) {
          return new Step(join.getRight(), Arrays.stream(at).map(k -> k - leftWidth).toArray());
        }
        return new Step(join.getLeft(), Arrays.stream(at).map(k -> k < leftWidth ? k : -1).toArray());
      }
      return null;
    }
  }

  /**
   * A filter on the probe keys {@code keyIndexes} (indexes into the join's keys), placed on {@code target}, whose
   * columns {@code target.keys()} carry them.
   */
  record Narrowed(int[] keyIndexes, Target target) {
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
}
