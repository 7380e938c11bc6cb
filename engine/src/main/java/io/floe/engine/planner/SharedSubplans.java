package io.floe.engine.planner;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.TableSpool;

/**
 * The nodes of a plan computed once for several uses. Calcite plans equal subtrees as one shared node (a WITH query
 * or view referenced twice, as in TPC-H q15); a shared node whose rows are few (estimated at most {@code rowLimit},
 * the broadcast join limit: the rows are held in memory, like a broadcast build side) and cost an aggregation or a
 * join to make is computed once and its rows replayed to each use ({@link io.floe.engine.exec.SharedResult}). Other
 * shared nodes (a self-join's shared table scan, which reading again costs less than holding) are built once per
 * use.
 */
final class SharedSubplans {
  private final Map<RelNode, Integer> uses = new IdentityHashMap<>();
  private final Set<RelNode> shared = Collections.newSetFromMap(new IdentityHashMap<>());

  private SharedSubplans() {
  }

  /** The shared nodes of the plan {@code root}. */
  static SharedSubplans of(RelNode root, RowEstimates estimates, long rowLimit) {
    SharedSubplans plan = new SharedSubplans();
    plan.count(root);
    for (Map.Entry<RelNode, Integer> node : plan.uses.entrySet()) {
      RelNode rel = node.getKey();
      if (node.getValue() > 1 && costly(rel) && !recursive(rel) && estimates.rows(rel) <= rowLimit) {
        plan.shared.add(rel);
      }
    }
    return plan;
  }

  /** Counts the uses of each node: a node's inputs once, however many times the node is used. */
  private void count(RelNode rel) {
    if (uses.merge(rel, 1, Integer::sum) == 1) {
      for (RelNode input : rel.getInputs()) {
        count(input);
      }
    }
  }

  /** Whether {@code rel} is computed once for its uses. */
  boolean contains(RelNode rel) {
    return shared.contains(rel);
  }

  /** How many places of the plan read {@code rel}. */
  int uses(RelNode rel) {
    return uses.getOrDefault(rel, 0);
  }

  /** Whether making {@code rel}'s rows takes an aggregation or a join. */
  private static boolean costly(RelNode rel) {
    if (rel instanceof Aggregate || rel instanceof Join) {
      return true;
    }
    return rel.getInputs().stream().anyMatch(SharedSubplans::costly);
  }

  /** Whether {@code rel} is or reads a recursive query's working table, whose rows change from round to round. */
  private static boolean recursive(RelNode rel) {
    if (rel instanceof RepeatUnion || rel instanceof TableSpool
        || rel instanceof TableScan && !(rel instanceof FloeTableScan)) {
      return true;
    }
    return rel.getInputs().stream().anyMatch(SharedSubplans::recursive);
  }
}
