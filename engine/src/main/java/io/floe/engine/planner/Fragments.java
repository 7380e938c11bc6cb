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
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Cuts the physical plan into fragments at exchanges: a table scan with the filters and projections above it
 * runs as a leaf fragment of N tasks, each reading its share of the scan's files; joins run as a fragment of N
 * tasks fed by broadcast, round-robin, hash or salted exchanges; aggregations as partial aggregation on N tasks
 * (in the leaf's tasks when the input is a leaf, else over a round-robin split), then final aggregation on N tasks
 * after a hash repartition by the group keys (or on one task without keys). Records each exchange in the {@link PlanNode} tree and its {@link ExchangeStats}.
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
    PlanNode partialNode = node.children().get(0).insertAbove(partialAggregate(keys));
    Operator partial = fragment(partialNode, List.of(input), List.of(new RoundRobinDistribution()),
        "partial aggregate", receivers -> new HashAggregateOperator(receivers.get(0), keys, split.get().partial(), allocator));
    return combine(node, decorator.decorate(partialNode.outermost(), partial), keys, split.get());
  }

  /**
   * A grouped or global aggregation over a leaf fragment: the partial aggregation runs in the leaf's tasks, over
   * each task's share of the scan, and the final one as for {@link #aggregate(PlanNode, Operator, int[], List)}.
   */
  Operator aggregate(PlanNode node, Leaf leaf, int[] keys, List<AggregateSpec> aggregates) {
    Optional<AggregateSplit> split = AggregateSplit.of(aggregates, keys.length);
    if (split.isEmpty()) {
      return aggregate(node, gather(leaf), keys, aggregates);
    }
    PlanNode partialNode = leaf.node().insertAbove(partialAggregate(keys));
    List<AggregateSpec> partialSpecs = split.get().partial();
    Operator partial = gather(new Leaf(partialNode, task -> decorator.decorate(partialNode,
        new HashAggregateOperator(leaf.tasks().apply(task), keys, partialSpecs, allocator))));
    return combine(node, partial, keys, split.get());
  }

  private static PlanNode partialAggregate(int[] keys) {
    return PlanNode.operator("PartialAggregate keys " + Arrays.toString(keys), null);
  }

  /** The final aggregation of the (gathered) partial aggregates. */
  private Operator combine(PlanNode node, Operator partial, int[] keys, AggregateSplit split) {
    int[] partialKeys = IntStream.range(0, keys.length).toArray();
    List<AggregateSpec> combine = split.combine();
    node.detail("final aggregation of partial aggregates");
    if (keys.length == 0) {
      return new HashAggregateOperator(partial, partialKeys, combine, allocator);
    }
    return fragment(node, List.of(partial), List.of(new HashDistribution(partialKeys)), "final aggregate",
        receivers -> new HashAggregateOperator(receivers.get(0), partialKeys, combine, allocator));
  }

  /**
   * The operators of a leaf fragment under construction: a table scan's share per task and what runs above it in
   * the same task (filters, projections, partial aggregation); {@code tasks} builds task i's operator, decorated
   * as {@code node}, the topmost node of the leaf.
   */
  record Leaf(PlanNode node, IntFunction<Operator> tasks) {
  }

  /**
   * Ends a leaf fragment: its N tasks run in parallel, each over its share of the scan, and their output is
   * gathered (a gather node inserted above {@code leaf.node()}); returns the decorated gathering operator.
   */
  Operator gather(Leaf leaf) {
    int tasks = settings.workers();
    PlanNode gather = leaf.node().insertAbove(PlanNode.exchange("gather", tasks, 1));
    return decorator.decorate(gather, FragmentExchange.leaf(tasks, leaf.tasks()));
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
