package io.floe.engine.planner;

import io.floe.engine.exec.Operator;

/** Wraps each operator the physical planner builds, e.g. to measure it for EXPLAIN ANALYZE. */
@FunctionalInterface
public interface OperatorDecorator {
  OperatorDecorator NONE = (node, operator) -> operator;

  /** The operator to use for {@code operator}, which implements {@code node} (one of several tasks' instances). */
  Operator decorate(PlanNode node, Operator operator);
}
