package io.floe.engine.planner;

import io.floe.engine.exec.AggregateSpec;
import io.floe.engine.exec.HashAggregateOperator;
import io.floe.engine.exec.Operator;
import io.floe.engine.exchange.Distribution;
import io.floe.engine.exchange.ExchangeStats;
import io.floe.engine.exchange.FragmentExchange;
import io.floe.engine.exchange.HashDistribution;
import io.floe.engine.exchange.RoundRobinDistribution;
import java.util.ArrayList;
import org.apache.arrow.memory.BufferAllocator;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Cuts the physical plan into fragments at exchanges: joins run as a fragment of N tasks fed by broadcast,
 * round-robin, hash or salted exchanges; aggregations as partial aggregation on N tasks over a round-robin
 * split, then final aggregation on N tasks after a hash repartition by the group keys (or on one task without
 * keys). Records each exchange in the {@link PlanNode} tree and its {@link ExchangeStats}.
 */
final class Fragments {
  private final DistributionSettings settings;
  private final OperatorDecorator decorator;
  private final BufferAllocator allocator;
  private final List<ExchangeStats> exchanges = new ArrayList<>();

  /** Operators of the fragments account what they buffer in {@code allocator} (the query's memory limit). */
  Fragments(DistributionSettings settings, OperatorDecorator decorator, BufferAllocator allocator) {
    this.settings = settings;
    this.decorator = decorator;
    this.allocator = allocator;
  }

  List<ExchangeStats> exchanges() {
    return List.copyOf(exchanges);
  }

  /**
   * A join of {@code left} and {@code right} (the first two children of {@code node}) as a fragment of N tasks;
   * {@code join} builds one task's join operator from its two receivers.
   */
  Operator join(PlanNode node, JoinDistribution distribution, Operator left, Operator right, int[] leftKeys,
      int[] rightKeys, Function<List<Operator>, Operator> join) {
    List<Distribution> distributions = distribution.distributions(leftKeys, rightKeys, settings);
    node.detail(distribution.describe());
    return fragment(node, List.of(left, right), distributions, "join", join);
  }

  /**
   * A grouped or global aggregation on N tasks; {@code node} has the input as its only child. The operator
   * returned implements {@code node.outermost()} (the caller decorates it).
   */
  Operator aggregate(PlanNode node, Operator input, int[] keys, List<AggregateSpec> aggregates) {
    Optional<AggregateSplit> split = AggregateSplit.of(aggregates, keys.length);
    if (split.isEmpty()) {
      if (keys.length == 0) {
        return new HashAggregateOperator(input, keys, aggregates, allocator);
      }
      node.detail("not split into partial and final: DISTINCT or a non-combinable aggregate");
      return fragment(node, List.of(input), List.of(new HashDistribution(keys)), "aggregate",
          receivers -> new HashAggregateOperator(receivers.get(0), keys, aggregates, allocator));
    }
    PlanNode partialNode = node.children().get(0).insertAbove(
        PlanNode.operator("PartialAggregate keys " + Arrays.toString(keys), null));
    Operator partial = fragment(partialNode, List.of(input), List.of(new RoundRobinDistribution()),
        "partial aggregate", receivers -> new HashAggregateOperator(receivers.get(0), keys, split.get().partial(), allocator));
    int[] partialKeys = IntStream.range(0, keys.length).toArray();
    List<AggregateSpec> combine = split.get().combine();
    node.detail("final aggregation of partial aggregates");
    if (keys.length == 0) {
      return new HashAggregateOperator(decorator.decorate(partialNode.outermost(), partial), partialKeys, combine,
          allocator);
    }
    return fragment(node, List.of(decorator.decorate(partialNode.outermost(), partial)),
        List.of(new HashDistribution(partialKeys)), "final aggregate",
        receivers -> new HashAggregateOperator(receivers.get(0), partialKeys, combine, allocator));
  }

  /**
   * Operators over rows hash-partitioned by {@code keys} on N tasks, so rows with equal keys meet in one task (window
   * functions partitioned by those keys); {@code node} has the input as its only child.
   */
  Operator partitioned(PlanNode node, Operator input, int[] keys, String what,
      Function<List<Operator>, Operator> task) {
    node.detail("partitioned by " + Arrays.toString(keys));
    return fragment(node, List.of(input), List.of(new HashDistribution(keys)), what, task);
  }

  /**
   * Makes {@code node} the root of a fragment of N tasks: inserts an exchange node above each child (one producer
   * each) and a gather above {@code node}, and returns the exchange operator whose tasks run {@code task}.
   */
  private Operator fragment(PlanNode node, List<Operator> inputs, List<Distribution> distributions, String what,
      Function<List<Operator>, Operator> task) {
    int tasks = settings.workers();
    List<PlanNode> children = node.children();
    List<PlanNode> receivers = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      receivers.add(children.get(i).insertAbove(PlanNode.exchange(distributions.get(i).describe(), 1, tasks)));
    }
    List<String> kinds = distributions.stream().map(Distribution::describe).toList();
    ExchangeStats stats = new ExchangeStats(what + " " + kinds, tasks);
    exchanges.add(stats);
    node.insertAbove(PlanNode.exchange("gather", tasks, 1)).exchangeStats(stats);
    return new FragmentExchange(inputs, distributions, tasks, taskReceivers -> {
      List<Operator> decorated = new ArrayList<>();
      for (int i = 0; i < taskReceivers.size(); i++) {
        decorated.add(decorator.decorate(receivers.get(i), taskReceivers.get(i)));
      }
      return decorator.decorate(node, task.apply(decorated));
    }, stats);
  }
}
