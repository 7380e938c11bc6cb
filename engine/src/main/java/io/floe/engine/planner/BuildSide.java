package io.floe.engine.planner;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.rules.JoinCommuteRule;

/**
 * Which input of a join the hash join builds on. The hash join always builds on its right input; when the right is
 * estimated at more than {@link #SWAP_MARGIN} times the left rows, the inputs are swapped (LEFT and RIGHT joins swap
 * their types, INNER and FULL stay) under a projection restoring the column order, so the smaller side is built —
 * and, being the build side now, may be broadcast. SEMI and ANTI joins keep their inputs (their output is the left
 * rows): with the same margin they build on the left input instead ({@link #semiBuildLeftNote}).
 *
 * @param rel the join to build: {@code join} itself, or the projection over the swapped join
 * @param swapped the swapped join, or null when the inputs stay
 * @param note the EXPLAIN line of the swapped join (with the estimates), or null
 */
record BuildSide(RelNode rel, Join swapped, String note) {
  /** How many times the left rows the right input's rows must exceed before the inputs are swapped. */
  static final double SWAP_MARGIN = 1.5;

  private static final Set<JoinRelType> SWAPPABLE =
      EnumSet.of(JoinRelType.INNER, JoinRelType.LEFT, JoinRelType.RIGHT, JoinRelType.FULL);

  /** The build side of {@code join} from the estimated rows of its inputs. */
  static BuildSide choose(Join join, RowEstimates estimates) {
    if (!SWAPPABLE.contains(join.getJoinType())) {
      return new BuildSide(join, null, null);
    }
    double leftRows = estimates.rows(join.getLeft());
    double rightRows = estimates.rows(join.getRight());
    if (!(rightRows > SWAP_MARGIN * leftRows)) {
      return new BuildSide(join, null, null);
    }
    RelNode project = JoinCommuteRule.swap(join, true);
    if (project == null || !(project.getInput(0) instanceof Join swapped)) {
      return new BuildSide(join, null, null);
    }
    String note = String.format("inputs swapped to build on the smaller side: %s join became %s "
        + "(estimated rows left %.0f, right %.0f > %.1f x left)", join.getJoinType(), swapped.getJoinType(),
        leftRows, rightRows, SWAP_MARGIN);
    return new BuildSide(project, swapped, note);
  }

  /**
   * The EXPLAIN line (with the estimates) when the SEMI or ANTI {@code join} should build its hash table on the left
   * input, its right estimated at more than {@link #SWAP_MARGIN} times the left rows; null otherwise.
   */
  static String semiBuildLeftNote(Join join, RowEstimates estimates) {
    if (join.getJoinType() != JoinRelType.SEMI && join.getJoinType() != JoinRelType.ANTI) {
      return null;
    }
    double leftRows = estimates.rows(join.getLeft());
    double rightRows = estimates.rows(join.getRight());
    if (!(rightRows > SWAP_MARGIN * leftRows)) {
      return null;
    }
    return String.format("builds on the left (smaller) side: right %s join, the right input probes and marks "
        + "the left rows (estimated rows left %.0f, right %.0f > %.1f x left)", join.getJoinType(), leftRows,
        rightRows, SWAP_MARGIN);
  }
}
