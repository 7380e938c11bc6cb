package io.floe.engine.explain;

import io.floe.engine.planner.FloeTableScan;
import io.floe.engine.planner.PlanNode;
import io.floe.engine.planner.ScanPruning;
import io.floe.expressions.Expressions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prints a physical plan as fragments: fragment 0 runs on the caller's thread; below every exchange starts a
 * fragment run by as many tasks as the exchange has producers. Each operator line may carry details (strategy,
 * pushed filter, files kept of the total) and, after EXPLAIN ANALYZE, its measured rows, batches, bytes and time.
 */
final class PlanFormatter {
  private final Instrumentation instrumentation;
  private final List<String> lines = new ArrayList<>();
  private final Deque<Pending> fragments = new ArrayDeque<>();
  private int nextFragment;

  private record Pending(int id, PlanNode root, int tasks) {
  }

  /** A formatter; {@code instrumentation} is null for EXPLAIN without ANALYZE. */
  PlanFormatter(Instrumentation instrumentation) {
    this.instrumentation = instrumentation;
  }

  List<String> format(PlanNode root) {
    fragments.add(new Pending(nextFragment++, root, 1));
    while (!fragments.isEmpty()) {
      Pending f = fragments.poll();
      lines.add("Fragment " + f.id() + " (" + f.tasks() + (f.tasks() == 1 ? " task)" : " tasks)"));
      node(f.root(), 1);
    }
    return lines;
  }

  private void node(PlanNode node, int depth) {
    String indent = "  ".repeat(depth);
    if (node.isExchange()) {
      int id = nextFragment++;
      String tasks = node.consumerTasks() == 1 ? "" : " to " + node.consumerTasks() + " tasks";
      lines.add(indent + "Exchange " + node.label() + " from fragment " + id + tasks + measured(node));
      if (instrumentation != null && node.exchangeStats() != null) {
        lines.add(indent + "    " + node.exchangeStats());
      }
      fragments.add(new Pending(id, node.children().get(0), node.producerTasks()));
      return;
    }
    lines.add(indent + node.label() + measured(node));
    for (String detail : node.details()) {
      lines.add(indent + "    " + detail);
    }
    // the input rows of a fragment whose tasks its consumer runs (no gather above it to show them)
    if (instrumentation != null && node.exchangeStats() != null) {
      lines.add(indent + "    " + node.exchangeStats());
    }
    if (instrumentation != null) {
      for (Supplier<String> measure : node.measures()) {
        String line = measure.get();
        if (!line.isEmpty()) {
          lines.add(indent + "    " + line);
        }
      }
    }
    if (node.rel() instanceof FloeTableScan scan) {
      if (!scan.filter().equals(Expressions.alwaysTrue())) {
        lines.add(indent + "    pushed filter: " + scan.filter());
      }
      lines.add(indent + "    " + ScanPruning.of(scan));
    }
    for (PlanNode child : node.children()) {
      node(child, depth + 1);
    }
  }

  private String measured(PlanNode node) {
    if (instrumentation == null) {
      return "";
    }
    OperatorStats stats = instrumentation.of(node);
    return stats == null ? "  [not run]" : "  [" + stats + "]";
  }
}
