package io.floe.engine.planner;

import io.floe.engine.exec.Operator;
import org.apache.calcite.rel.RelNode;

/**
 * A query planned into operators that have not run yet: its logical plan, the physical planner that built it
 * (plan tree, scans, exchanges) and the root operator, which the caller runs and closes.
 */
public record PlannedQuery(RelNode logical, PhysicalPlanner physical, Operator root) {
}
