package io.floe.engine.planner;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decorates the operators of a recursive step's later rounds as the first round's plan nodes, so EXPLAIN ANALYZE
 * adds up every round on the nodes it shows. A later round is planned again from the same logical plan, so its plan
 * tree has the first round's shape; while it is being built that tree is not complete yet, so each operator is
 * decorated when it first runs, after {@link #matchRound(PlanNode)} paired the two trees.
 */
final class LaterRounds implements OperatorDecorator {
  private final OperatorDecorator decorator;
  private final PlanNode firstRound;
  private final Map<PlanNode, PlanNode> asFirstRound = new IdentityHashMap<>();

  /** Later rounds of the step whose first round's plan is {@code firstRound}, decorated by {@code decorator}. */
  LaterRounds(OperatorDecorator decorator, PlanNode firstRound) {
    this.decorator = decorator;
    this.firstRound = firstRound;
  }

  @Override
  public Operator decorate(PlanNode node, Operator operator) {
    return new Operator() {
      private Operator decorated;

      private Operator decorated() {
        if (decorated == null) {
          decorated = decorator.decorate(asFirstRound.getOrDefault(node, node), operator);
        }
        return decorated;
      }

      @Override
      public Batch next() {
        return decorated().next();
      }

      @Override
      public void close() {
        decorated().close();
      }
    };
  }

  /** Pairs the nodes of a later round's plan {@code round} with the first round's, node by node. */
  void matchRound(PlanNode round) {
    List<PlanNode[]> pending = new ArrayList<>();
    pending.add(new PlanNode[] {round, firstRound});
    while (!pending.isEmpty()) {
      PlanNode[] pair = pending.remove(pending.size() - 1);
      List<PlanNode> later = pair[0].children();
      List<PlanNode> first = pair[1].children();
      if (!pair[0].label().equals(pair[1].label()) || later.size() != first.size()) {
        continue; // planned differently (cannot happen for the same plan): those operators count on their own
      }
      asFirstRound.put(pair[0], pair[1]);
      for (int c = 0; c < later.size(); c++) {
        pending.add(new PlanNode[] {later.get(c), first.get(c)});
      }
    }
  }
}
