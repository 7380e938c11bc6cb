package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.util.ImmutableBitSet;

/** What the physical plan of an aggregate over grouping sets needs from Calcite's grouping sets. */
final class GroupingSets {
  private GroupingSets() {
  }

  /** {@code [s][k]}: whether group key {@code keys[k]} belongs to grouping set s. */
  static boolean[][] membership(int[] keys, List<ImmutableBitSet> sets) {
    boolean[][] out = new boolean[sets.size()][keys.length];
    for (int s = 0; s < sets.size(); s++) {
      for (int k = 0; k < keys.length; k++) {
        out[s][k] = sets.get(s).get(keys[k]);
      }
    }
    return out;
  }

  /**
   * The group keys GROUPING's arguments name. Calcite may pass a repeated expression of the input (GROUPING(expr)
   * in ORDER BY) as a column of its own: such an argument is mapped to the group key with the same expression (by
   * its digest; the types may differ in nullability).
   */
  static List<Integer> groupKeys(Aggregate aggregate, List<Integer> args) {
    List<Integer> out = new ArrayList<>();
    for (int arg : args) {
      int key = arg;
      if (!aggregate.getGroupSet().get(arg) && aggregate.getInput() instanceof Project project) {
        String expr = project.getProjects().get(arg).toString();
        for (int k : aggregate.getGroupSet()) {
          if (project.getProjects().get(k).toString().equals(expr)) {
            key = k;
            break;
          }
        }
      }
      if (!aggregate.getGroupSet().get(key)) {
        throw new UnsupportedOperationException("not supported: GROUPING of " + arg + ", which is not a group key");
      }
      out.add(key);
    }
    return out;
  }

  /**
   * GROUPING(args) / GROUPING_ID(args) per grouping set: one bit per argument, the first the most significant,
   * set when the argument is not in the set (its value is aggregated away).
   */
  static long[] groupingValues(List<Integer> args, List<ImmutableBitSet> sets) {
    long[] out = new long[sets.size()];
    for (int s = 0; s < sets.size(); s++) {
      long v = 0;
      for (int arg : args) {
        v = (v << 1) | (sets.get(s).get(arg) ? 0 : 1);
      }
      out[s] = v;
    }
    return out;
  }
}
