package io.floe.engine.explain;

import io.floe.engine.exec.Operator;
import io.floe.engine.planner.OperatorDecorator;
import io.floe.engine.planner.PlanNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/** Wraps every operator in an {@link InstrumentedOperator}, sharing one {@link OperatorStats} per plan node. */
final class Instrumentation implements OperatorDecorator {
  private final Map<PlanNode, OperatorStats> stats = Collections.synchronizedMap(new IdentityHashMap<>());

  @Override
  public Operator decorate(PlanNode node, Operator operator) {
    return new InstrumentedOperator(operator, stats.computeIfAbsent(node, n -> new OperatorStats()));
  }

  /** The stats of {@code node}, or null when it built no operator. */
  OperatorStats of(PlanNode node) {
    return stats.get(node);
  }
}
