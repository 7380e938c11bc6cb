package io.floe.engine.planner;

import io.floe.engine.exec.AggregateSpec;
import io.floe.engine.exec.HashAggregateOperator;
import io.floe.engine.exec.Operator;
import io.floe.engine.exec.PartialAggregateOperator;
import io.floe.engine.exec.SortOperator;
import io.floe.engine.exec.spill.Spilling;
import io.floe.engine.exchange.Distribution;
import io.floe.engine.exchange.ExchangeStats;
import io.floe.engine.exchange.FragmentExchange;
import io.floe.engine.exchange.HashDistribution;
import io.floe.engine.exchange.MergingGather;
import io.floe.engine.exchange.RoundRobinDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Cuts the physical plan into fragments at exchanges. A table scan with the filters and projections above it runs
 * as a leaf fragment of N tasks, each reading its share of the scan's files; a leaf's tasks feed the exchange above
 * them directly (each task spreads its rows by its own distribution) or, where one producer is needed, are
 * gathered. Joins run as a fragment of N tasks fed by broadcast, round-robin, hash or salted exchanges (a broadcast
 * join's probe side made in N tasks is read by the join's tasks directly), and their
 * tasks are a leaf too: what consumes a join (projections, filters, a partial aggregation, the next exchange) continues
 * in the join's tasks; aggregations as partial aggregation on N tasks (in a leaf's own tasks, else after a round-robin
 * split), then final aggregation on N tasks after a hash repartition by the group keys (or on one task without
 * keys), whose tasks are a leaf too. Records each
 * exchange in the {@link PlanNode} tree and its {@link ExchangeStats}.
 */
final class Fragments {
  private final DistributionSettings settings;
  private final OperatorDecorator decorator;
  private final BufferAllocator allocator;
  private final List<ExchangeStats> exchanges = new ArrayList<>();

  /** What feeds an exchange: one operator, or the tasks of a leaf fragment (a scan's, or a join's). */
  sealed interface Source permits Single, Leaf {
  }

  /** One operator, run by one producer thread; decorated already. */
  record Single(Operator operator) implements Source {
  }

  /**
   * The operators of a leaf fragment under construction: a table scan's share per task, or a join's task (see
   * {@link #inlineFragment}), and what runs above it in the same task (filters, projections, partial aggregation);
   * {@code tasks} builds task i's operator, decorated as {@code node}, the topmost node of the leaf. Each task is
   * read by one thread, all tasks at the same time.
   */
  record Leaf(PlanNode node, IntFunction<Operator> tasks) implements Source {
  }

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
   * A join of {@code left} and {@code right} (the first two children of {@code node}) as a fragment of N tasks whose
   * consumer runs them (see {@link #inlineFragment}); {@code join} builds one task's join operator from its two
   * receivers. The producers of a salted join's side share one sample of
   * its rows (see {@link io.floe.engine.exchange.HeavyKeys}). Input {@code probeOnDemand} (0 left, 1 right, -1 none),
   * the probe side, starts only when a task first reads it, once it built its table (not for a salted join, whose
   * build side's distribution waits for the probe side's sample of heavy keys). {@code onHeavyKeysDecided} (null:
   * none) runs once a salted join's heavy keys are decided, when its build side no longer needs its probe side.
   */
  Leaf join(PlanNode node, JoinDistribution distribution, Source left, Source right, int[] leftKeys,
      int[] rightKeys, int probeOnDemand, Runnable onHeavyKeysDecided, Function<List<Operator>, Operator> join) {
    boolean salted = distribution.salted() != JoinDistribution.Salted.NONE;
    List<Source> sides = List.of(left, right);
    Source saltedSide = distribution.salted() == JoinDistribution.Salted.RIGHT ? right : left;
    List<IntFunction<Distribution>> distributions = distribution.perProducer(leftKeys, rightKeys, settings,
        onHeavyKeysDecided, saltedSide instanceof Leaf ? settings.workers() : 1);
    List<FragmentExchange.Input> inputs = new ArrayList<>();
    for (int i = 0; i < sides.size(); i++) {
      Source source = sides.get(i);
      if (i == 0 && distribution.strategy() == JoinDistribution.Strategy.BROADCAST && source instanceof Leaf leaf) {
        // a broadcast join's probe rows may go to any task: task i reads the probe side's task i itself
        inputs.add(FragmentExchange.Input.forwarded(settings.workers(), leaf.tasks()));
        continue;
      }
      FragmentExchange.Input input = input(source, distributions.get(i));
      inputs.add(i == probeOnDemand && !salted ? input.startedOnDemand() : input);
    }
    node.detail(distribution.describe());
    return inlineFragment(node, inputs, "join", join);
  }

  /**
   * A grouped or global aggregation on N tasks; {@code node} has the input as its only child. Over a leaf, the
   * partial aggregation runs in the leaf's tasks, each over its share of the scan. The final (or only) aggregation
   * with keys spills as {@code spilling} says (null: never) and runs on N tasks after a hash repartition by the keys:
   * with {@code inTasks}, a {@link Leaf} whose consumer continues in those tasks (see {@link #inlineFragment}), else
   * gathered. A {@link Single} returned implements {@code node.outermost()} (the caller decorates it).
   */
  Source aggregate(PlanNode node, Source input, int[] keys, List<AggregateSpec> aggregates, Spilling spilling,
      boolean inTasks) {
    Optional<AggregateSplit> split = AggregateSplit.of(aggregates, keys.length);
    if (split.isEmpty()) {
      if (keys.length == 0) {
        return new Single(new HashAggregateOperator(operator(input), keys, aggregates, allocator));
      }
      node.detail("not split into partial and final: DISTINCT or a non-combinable aggregate");
      return keyedFragment(node, List.of(input(input, p -> new HashDistribution(keys))), "aggregate", inTasks,
          receivers -> new HashAggregateOperator(receivers.get(0), keys, aggregates, allocator, spilling));
    }
    List<AggregateSpec> partialSpecs = split.get().partial();
    // the partial tasks together take at most half of the memory the final aggregation may take before spilling
    int partialSharers = 2 * settings.workers();
    PlanNode partialNode = node.children().get(0).insertAbove(
        PlanNode.operator("PartialAggregate keys " + Arrays.toString(keys), null));
    Source partial;
    if (input instanceof Leaf leaf) {
      partial = new Leaf(partialNode, task -> decorator.decorate(partialNode,
          new PartialAggregateOperator(leaf.tasks().apply(task), keys, partialSpecs, allocator, partialSharers)));
    } else {
      Operator exchange = fragment(partialNode, List.of(input(input, p -> new RoundRobinDistribution())),
          "partial aggregate",
          receivers -> new PartialAggregateOperator(receivers.get(0), keys, partialSpecs, allocator,
              partialSharers));
      partial = new Single(decorator.decorate(partialNode.outermost(), exchange));
    }
    int[] partialKeys = IntStream.range(0, keys.length).toArray();
    List<AggregateSpec> combine = split.get().combine();
    node.detail("final aggregation of partial aggregates");
    if (keys.length == 0) {
      return new Single(new HashAggregateOperator(operator(partial), partialKeys, combine, allocator));
    }
    return keyedFragment(node, List.of(input(partial, p -> new HashDistribution(partialKeys))), "final aggregate",
        inTasks, receivers -> new HashAggregateOperator(receivers.get(0), partialKeys, combine, allocator, spilling));
  }

  /**
   * A fragment of N tasks over {@code inputs}: a {@link Leaf} run by its consumer with {@code inTasks}, else
   * gathered.
   */
  private Source keyedFragment(PlanNode node, List<FragmentExchange.Input> inputs, String what, boolean inTasks,
      Function<List<Operator>, Operator> task) {
    return inTasks ? inlineFragment(node, inputs, what, task) : new Single(fragment(node, inputs, what, task));
  }

  /**
   * Operators over rows hash-partitioned by {@code keys} on N tasks, so rows with equal keys meet in one task (window
   * functions partitioned by those keys); {@code node} has the input as its only child. A leaf's tasks repartition
   * their shares of the scan directly.
   */
  Operator partitioned(PlanNode node, Source input, int[] keys, String what,
      Function<List<Operator>, Operator> task) {
    node.detail("partitioned by " + Arrays.toString(keys));
    return fragment(node, List.of(input(input, p -> new HashDistribution(keys))), what, task);
  }

  /**
   * A sort on N tasks: each task sorts its share of the input (a leaf's share of the scan, else a round-robin share)
   * keeping its best {@code taskFetch} rows (-1: all, spilling as {@code spilling} says; null: never), and a merging
   * gather merges the tasks' sorted outputs in order; {@code node} is the sort's, with the input as its only child.
   */
  Operator sorted(PlanNode node, Source input, List<RelFieldCollation> collation, long taskFetch,
      Spilling spilling) {
    int tasks = settings.workers();
    node.detail(taskFetch >= 0 ? "top " + taskFetch + " in each task" : "sorted in each task");
    Function<Operator, Operator> sortTask = share -> decorator.decorate(node,
        new SortOperator(share, collation, 0, taskFetch, allocator, spilling));
    FragmentExchange exchange;
    if (input instanceof Leaf leaf) {
      exchange = FragmentExchange.ordered(List.of(), tasks,
          task -> receivers -> sortTask.apply(leaf.tasks().apply(task)), null);
    } else {
      FragmentExchange.Input split = input(input, p -> new RoundRobinDistribution());
      String kind = split.distribution().apply(0).describe();
      PlanNode receiver = node.children().get(0).insertAbove(PlanNode.exchange(kind, split.producers(), tasks));
      ExchangeStats stats = new ExchangeStats("sort [" + kind + "]", tasks);
      exchanges.add(stats);
      exchange = FragmentExchange.ordered(List.of(split), tasks,
          task -> receivers -> sortTask.apply(decorator.decorate(receiver, receivers.get(0))), stats);
    }
    node.insertAbove(PlanNode.exchange("merging gather", tasks, 1));
    return new MergingGather(exchange, collation);
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

  private Operator operator(Source source) {
    return source instanceof Leaf leaf ? gather(leaf) : ((Single) source).operator();
  }

  /** {@code source} as an exchange input; {@code distribution} gives producer p's (fresh) distribution. */
  private FragmentExchange.Input input(Source source, IntFunction<Distribution> distribution) {
    if (source instanceof Leaf leaf) {
      return new FragmentExchange.Input(settings.workers(), leaf.tasks(), distribution);
    }
    return FragmentExchange.Input.of(((Single) source).operator(), distribution.apply(0));
  }

  /**
   * Makes {@code node} the root of a fragment of N tasks: inserts an exchange node above each child (from as many
   * producers as its input has) and a gather above {@code node}, and returns the exchange operator whose tasks run
   * {@code task}.
   */
  private Operator fragment(PlanNode node, List<FragmentExchange.Input> inputs, String what,
      Function<List<Operator>, Operator> task) {
    List<String> kinds = kinds(inputs);
    Function<List<Operator>, Operator> tasks = receiving(node, inputs, kinds, task);
    ExchangeStats stats = stats(what, kinds);
    node.insertAbove(PlanNode.exchange("gather", settings.workers(), 1)).exchangeStats(stats);
    return new FragmentExchange(inputs, settings.workers(), tasks, stats);
  }

  /**
   * Like {@link #fragment}, but the fragment's N tasks are a {@link Leaf}: run by its consumer (the producers of the
   * next exchange, whose operators continue in the same tasks, or a gather), not gathered and split again.
   */
  private Leaf inlineFragment(PlanNode node, List<FragmentExchange.Input> inputs, String what,
      Function<List<Operator>, Operator> task) {
    List<String> kinds = kinds(inputs);
    Function<List<Operator>, Operator> tasks = receiving(node, inputs, kinds, task);
    ExchangeStats stats = stats(what, kinds);
    node.exchangeStats(stats);
    return new Leaf(node, FragmentExchange.inline(inputs, settings.workers(), tasks, stats)::task);
  }

  /**
   * Inserts an exchange node above each child of {@code node} (from as many producers as its input has) and returns
   * what builds a task's operator, decorated as {@code node}, from its receivers (decorated as those exchanges).
   */
  private Function<List<Operator>, Operator> receiving(PlanNode node, List<FragmentExchange.Input> inputs,
      List<String> kinds, Function<List<Operator>, Operator> task) {
    List<PlanNode> children = node.children();
    List<PlanNode> receivers = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      // a forwarded input's producers run in the fragment's tasks: no exchange between (and decorated already)
      receivers.add(inputs.get(i).forwarded() ? null : children.get(i).insertAbove(
          PlanNode.exchange(kinds.get(i), inputs.get(i).producers(), settings.workers())));
    }
    return taskReceivers -> {
      List<Operator> decorated = new ArrayList<>();
      for (int i = 0; i < taskReceivers.size(); i++) {
        decorated.add(receivers.get(i) == null ? taskReceivers.get(i)
            : decorator.decorate(receivers.get(i), taskReceivers.get(i)));
      }
      return decorator.decorate(node, task.apply(decorated));
    };
  }

  /** How each of {@code inputs} is distributed, as EXPLAIN names it. */
  private static List<String> kinds(List<FragmentExchange.Input> inputs) {
    List<String> kinds = new ArrayList<>();
    for (FragmentExchange.Input input : inputs) {
      kinds.add(input.forwarded() ? "forwarded" : input.distribution().apply(0).describe());
    }
    return kinds;
  }

  /** The per-task input rows of a fragment doing {@code what} over inputs distributed as {@code kinds}. */
  private ExchangeStats stats(String what, List<String> kinds) {
    ExchangeStats stats = new ExchangeStats(what + " " + kinds, settings.workers());
    exchanges.add(stats);
    return stats;
  }
}
