package io.floe.engine.planner;

import io.floe.engine.exchange.ExchangeStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.rel.RelNode;

/**
 * One node of a physical plan as EXPLAIN shows it: an operator (with the logical node it came from, if any) or an
 * exchange between fragments. Below an exchange node starts another fragment, run by
 * {@link #producerTasks()} tasks; the fragment above it runs {@link #consumerTasks()} tasks.
 */
public final class PlanNode {
  private final String label;
  private final RelNode rel;
  private final boolean exchange;
  private final int producerTasks;
  private final int consumerTasks;
  private final List<PlanNode> children = new ArrayList<>();
  private final List<String> details = new ArrayList<>();
  private final List<Supplier<String>> measures = new ArrayList<>();
  private ExchangeStats exchangeStats;
  private PlanNode parent;
  private PlanNode above;

  private PlanNode(String label, RelNode rel, boolean exchange, int producerTasks, int consumerTasks) {
    this.label = label;
    this.rel = rel;
    this.exchange = exchange;
    this.producerTasks = producerTasks;
    this.consumerTasks = consumerTasks;
  }

  /** An operator node. */
  public static PlanNode operator(String label, RelNode rel) {
    return new PlanNode(label, rel, false, 1, 1);
  }

  /** An exchange node from a fragment of {@code producerTasks} tasks to one of {@code consumerTasks} tasks. */
  public static PlanNode exchange(String label, int producerTasks, int consumerTasks) {
    return new PlanNode(label, null, true, producerTasks, consumerTasks);
  }

  public String label() {
    return label;
  }

  /** The logical node this operator implements, or null. */
  public RelNode rel() {
    return rel;
  }

  public boolean isExchange() {
    return exchange;
  }

  public int producerTasks() {
    return producerTasks;
  }

  public int consumerTasks() {
    return consumerTasks;
  }

  public List<PlanNode> children() {
    return List.copyOf(children);
  }

  /** Further lines EXPLAIN prints under the label (strategy, pushed filter, ...). */
  public List<String> details() {
    return List.copyOf(details);
  }

  public PlanNode detail(String line) {
    details.add(line);
    return this;
  }

  /** Lines EXPLAIN ANALYZE prints under the label once the query ran (empty ones are left out). */
  public List<Supplier<String>> measures() {
    return List.copyOf(measures);
  }

  /** Adds a line EXPLAIN ANALYZE prints under the label, read after the query ran (e.g. what it spilled). */
  public PlanNode measure(Supplier<String> line) {
    measures.add(line);
    return this;
  }

  /** The stats of the exchange whose gather this node is, or null. */
  public ExchangeStats exchangeStats() {
    return exchangeStats;
  }

  PlanNode exchangeStats(ExchangeStats stats) {
    this.exchangeStats = stats;
    return this;
  }

  void add(PlanNode child) {
    child.parent = this;
    children.add(child);
  }

  /** Puts {@code node} between this node and its parent; returns {@code node}. */
  PlanNode insertAbove(PlanNode node) {
    if (parent != null) {
      parent.children.set(parent.children.indexOf(this), node);
      node.parent = parent;
    }
    node.children.add(this);
    parent = node;
    above = node;
    return node;
  }

  /** The outermost node inserted above this one (this node when none was). */
  PlanNode outermost() {
    PlanNode n = this;
    while (n.above != null) {
      n = n.above;
    }
    return n;
  }
}
