package io.floe.engine.planner;

import io.floe.engine.exec.AggregateSpec;
import io.floe.engine.exec.FilterOperator;
import io.floe.engine.exec.GroupingOutputOperator;
import io.floe.engine.exec.GroupingSetsOperator;
import io.floe.engine.exec.HashAggregateOperator;
import io.floe.engine.exec.HashJoinOperator;
import io.floe.engine.exec.JoinKeyFilter;
import io.floe.engine.exec.JoinKeyFilterRows;
import io.floe.engine.exec.ClosingOperator;
import io.floe.engine.exec.SharedJoinBuild;
import io.floe.engine.exec.SharedResult;
import io.floe.engine.exec.LimitOperator;
import io.floe.engine.exec.Operator;
import io.floe.engine.exec.ProjectOperator;
import io.floe.engine.exec.RowGroupSkips;
import io.floe.engine.exec.ScanOperator;
import io.floe.engine.exec.SortOperator;
import io.floe.engine.exec.spill.SpillDirectory;
import io.floe.engine.exec.spill.SpillStats;
import io.floe.engine.exec.spill.Spilling;
import io.floe.engine.exec.SplitScan;
import io.floe.engine.exec.RecursiveUnionOperator;
import io.floe.engine.exec.UnionOperator;
import io.floe.engine.exec.WorkTable;
import io.floe.engine.exec.ValuesOperator;
import io.floe.engine.exec.WindowOperator;
import io.floe.engine.exchange.ExchangeStats;
import io.floe.engine.expr.ExprCompiler;
import io.floe.engine.expr.RowFilter;
import io.floe.engine.expr.VectorExpr;
import io.floe.engine.metadata.RowSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.TableSpool;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Turns an optimized logical plan into a tree of {@link Operator}s. Every expression is compiled here, so a
 * construct the engine cannot run fails before any data is read, with {@code not supported: ...}.
 */
public final class PhysicalPlanner {
  private static final Set<SqlKind> AGGREGATES =
      EnumSet.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.MIN, SqlKind.MAX, SqlKind.SINGLE_VALUE,
          SqlKind.ANY_VALUE, SqlKind.LITERAL_AGG, SqlKind.STRING_AGG, SqlKind.LISTAGG, SqlKind.ARRAY_AGG,
          SqlKind.ARG_MIN, SqlKind.ARG_MAX, SqlKind.MODE, SqlKind.PERCENTILE_CONT, SqlKind.PERCENTILE_DISC,
          SqlKind.BIT_AND, SqlKind.BIT_OR, SqlKind.BIT_XOR);
  /** The aggregates that take an order of their rows (ORDER BY inside the call, WITHIN GROUP). */
  private static final Set<SqlKind> ORDERED_AGGREGATES = EnumSet.of(SqlKind.STRING_AGG, SqlKind.LISTAGG,
      SqlKind.ARRAY_AGG, SqlKind.PERCENTILE_CONT, SqlKind.PERCENTILE_DISC);
  /** EXPLAIN's note on a filter the scan below it evaluates. */
  private static final String FILTER_IN_SCAN = "evaluated in the scan below, on its Arrow vectors";

  private final BufferAllocator allocator;
  private final int workers;
  private final List<SplitScan> scans = new ArrayList<>();
  private final DistributionSettings settings;
  private final OperatorDecorator decorator;
  private final Fragments fragments;
  private final RowEstimates estimates = new RowEstimates();
  /** The EXPLAIN notes of joins whose inputs {@link BuildSide} swapped, until their plan nodes are built. */
  private final Map<RelNode, String> swapNotes = new IdentityHashMap<>();
  private final PlanNode planRoot = PlanNode.operator("plan", null);
  private final ArrayDeque<PlanNode> building = new ArrayDeque<>(List.of(planRoot));
  /** The working tables of the recursive queries being built, by the name their steps scan. */
  private final Map<List<String>, WorkTable> workTables = new HashMap<>();
  /** The join key filters to place on the producers of the probe-side nodes being built, by node. */
  private final JoinKeyFilters.Placements probeFilters = new JoinKeyFilters.Placements();
  /** The join key filters to test in the scans of leaf fragments, by scan. */
  private final JoinKeyFilters.Placements scanKeyFilters = new JoinKeyFilters.Placements();
  private SpillDirectory spillDirectory;
  /** The nodes of the plan being built that are computed once for several uses (null before the first build). */
  private SharedSubplans sharedSubplans;
  /** Whether a plan's root is being built (so {@link #build} builds one of its nodes). */
  private boolean buildingRoot;
  /** The rows of the shared nodes built so far, by node. */
  private final Map<RelNode, SharedResult> sharedResults = new IdentityHashMap<>();

  /** A planner whose grouped aggregations and equi-joins run on {@code workers} local workers (1: serial). */
  public PhysicalPlanner(BufferAllocator allocator, int workers) {
    this(allocator, DistributionSettings.of(workers), OperatorDecorator.NONE);
  }

  /** A planner distributing work as {@code settings} say, wrapping every operator with {@code decorator}. */
  public PhysicalPlanner(BufferAllocator allocator, DistributionSettings settings, OperatorDecorator decorator) {
    this.allocator = allocator;
    this.workers = settings.workers();
    this.settings = settings;
    this.decorator = decorator;
    this.fragments = new Fragments(settings, decorator, allocator);
  }

  /**
   * Lets sorts, windows, hash aggregates and joins spill to {@code directory} when their rows would take the query
   * over its memory limit (null, the default: they fail with SQLState 53200).
   */
  public PhysicalPlanner spillTo(SpillDirectory directory) {
    this.spillDirectory = directory;
    return this;
  }

  /** The physical plan built last (fragments, exchanges, operators), for EXPLAIN. */
  public PlanNode plan() {
    List<PlanNode> roots = planRoot.children();
    return roots.isEmpty() ? null : roots.get(roots.size() - 1);
  }

  /** The exchanges of the plans built so far, with their per-task input rows. */
  public List<ExchangeStats> exchanges() {
    return fragments.exchanges();
  }

  /** The table scans of the plans built so far (each read by one or more tasks). */
  public List<SplitScan> scans() {
    return List.copyOf(scans);
  }

  /**
   * The operators of {@code rel}, recorded in the plan tree ({@link #plan()}) and decorated. A node the plan uses in
   * several places is computed once where {@link SharedSubplans} says so; closing the operators of the whole plan
   * releases its rows.
   */
  public Operator build(RelNode rel) {
    if (buildingRoot) {
      return sharedSubplans.contains(rel) ? sharedReader(rel) : buildNode(rel);
    }
    sharedSubplans = SharedSubplans.of(rel, estimates, settings.broadcastRowLimit());
    sharedResults.clear();
    buildingRoot = true;
    Operator root;
    try {
      root = build(rel);
    } finally {
      buildingRoot = false;
    }
    return sharedResults.isEmpty() ? root : new ClosingOperator(root, List.copyOf(sharedResults.values()));
  }

  /**
   * A reader of the rows of the shared node {@code rel}: the first use builds its operators (recorded in the plan
   * tree as usual), the others a plan node that names it.
   */
  private Operator sharedReader(RelNode rel) {
    SharedResult result = sharedResults.get(rel);
    if (result == null) {
      PlanNode parent = building.peek();
      int index = parent.children().size();
      Operator rows = buildNode(rel);
      // the node built for rel (below the gather of its tasks, if any; above it, if its inputs were swapped)
      PlanNode built = parent.children().get(index);
      while (built.isExchange() && !built.children().isEmpty()) {
        built = built.children().get(0);
      }
      built.detail("computed once for its " + sharedSubplans.uses(rel)
          + " uses, its rows held in memory (or spilled)");
      result = new SharedResult(rows, allocator, "SharedResult of " + PlanLabels.of(rel),
          spilling(built, 1, "files"));
      sharedResults.put(rel, result);
      return result.reader();
    }
    PlanNode node = PlanNode.operator("SharedResult of " + PlanLabels.of(rel), rel)
        .detail("the rows computed once by its first use above");
    building.peek().add(node);
    return decorator.decorate(node, result.reader());
  }

  private Operator buildNode(RelNode rel) {
    if (madeInTasks(rel)) {
      Fragments.Leaf leaf = buildLeaf(rel);
      // one worker runs the leaf's only task itself, ungathered
      return workers > 1 ? fragments.gather(leaf) : leaf.tasks().apply(0);
    }
    rel = withBuildSide(rel);
    PlanNode node = planNode(rel);
    building.push(node);
    Operator operator;
    try {
      operator = buildOperator(rel);
    } finally {
      building.pop();
    }
    return decorator.decorate(node.outermost(), operator);
  }

  /**
   * {@code rel}, or for a join better built on its left input, a projection over the swapped join (the swap's note
   * kept for the swapped join's plan node).
   */
  private RelNode withBuildSide(RelNode rel) {
    if (!(rel instanceof Join join)) {
      return rel;
    }
    BuildSide side = BuildSide.choose(join, estimates);
    if (side.swapped() != null) {
      swapNotes.put(side.swapped(), side.note());
    }
    return side.rel();
  }

  /** A plan node for {@code rel} (with its swap note, if any), added to the node being built. */
  private PlanNode planNode(RelNode rel) {
    PlanNode node = PlanNode.operator(PlanLabels.of(rel), rel);
    String swapNote = swapNotes.remove(rel);
    if (swapNote != null) {
      node.detail(swapNote);
    }
    building.peek().add(node);
    return node;
  }

  private Operator buildOperator(RelNode rel) {
    ExprCompiler compiler = new ExprCompiler(rel.getCluster().getRexBuilder());
    if (rel instanceof RowSource source) {
      return new ValuesOperator(source.rows(), rel.getRowType().getFieldCount());
    }
    if (rel instanceof Filter || rel instanceof Project) {
      Operator input = build(rel.getInput(0));
      return rowOperator(rel, compiler).apply(input);
    }
    if (rel instanceof Window window) {
      return window(window);
    }
    if (rel instanceof Aggregate aggregate) {
      return ((Fragments.Single) aggregate(aggregate)).operator();
    }
    if (rel instanceof Join join) {
      return ((Fragments.Single) join(join, compiler)).operator();
    }
    if (rel instanceof Sort sort) {
      return sort(sort);
    }
    if (rel instanceof Union union) {
      List<Operator> inputs = new ArrayList<>();
      for (RelNode input : union.getInputs()) {
        inputs.add(build(input));
      }
      Operator all = new UnionOperator(inputs);
      if (union.all) {
        return all;
      }
      int[] keys = ImmutableBitSet.range(union.getRowType().getFieldCount()).toArray();
      return new HashAggregateOperator(all, keys, List.of(), allocator, spilling(building.peek(), 1, "partitions"));
    }
    if (rel instanceof RepeatUnion repeat) {
      return recursive(repeat);
    }
    if (rel instanceof TableSpool spool) {
      return build(spool.getInput());
    }
    if (rel instanceof TableScan scan && workTables.containsKey(scan.getTable().getQualifiedName())) {
      return workTables.get(scan.getTable().getQualifiedName()).scan();
    }
    if (rel instanceof Values values) {
      List<Object[]> rows = new ArrayList<>();
      for (List<RexLiteral> tuple : values.getTuples()) {
        Object[] row = new Object[tuple.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = io.floe.engine.expr.Values.literal(tuple.get(i));
        }
        rows.add(row);
      }
      return new ValuesOperator(rows, values.getRowType().getFieldCount());
    }
    Operator unnest = UnnestPlans.build(rel, this::build);
    if (unnest != null) {
      return unnest;
    }
    throw new UnsupportedOperationException("not supported: " + rel.getRelTypeName() + " in plan\n"
        + RelOptUtil.toString(rel));
  }

  /**
   * WITH RECURSIVE: the seed, then rounds of the step over the working table the step's scans of the query's name
   * read. The first round's operators are the ones EXPLAIN shows; later rounds get new operators from a planner of
   * their own, measured as the first round's plan nodes (EXPLAIN ANALYZE adds up all rounds).
   */
  private Operator recursive(RepeatUnion repeat) {
    List<String> name = ((TableSpool) repeat.getIterativeRel()).getTable().getQualifiedName();
    WorkTable workTable = new WorkTable(String.join(".", name));
    workTables.put(name, workTable);
    Operator seed = build(repeat.getSeedRel());
    Operator[] first = {build(repeat.getIterativeRel())};
    List<PlanNode> inputs = building.peek().children();
    LaterRounds laterRounds = decorator == OperatorDecorator.NONE ? null
        : new LaterRounds(decorator, inputs.get(inputs.size() - 1));
    Supplier<Operator> step = () -> {
      if (first[0] != null) {
        Operator round = first[0];
        first[0] = null;
        return round;
      }
      PhysicalPlanner rounds = new PhysicalPlanner(allocator, settings,
          laterRounds == null ? OperatorDecorator.NONE : laterRounds).spillTo(spillDirectory);
      rounds.workTables.putAll(workTables);
      Operator round = rounds.build(repeat.getIterativeRel());
      if (laterRounds != null) {
        laterRounds.matchRound(rounds.plan());
      }
      return round;
    };
    return new RecursiveUnionOperator(seed, step, workTable, repeat.all, repeat.getRowType().getFieldCount(),
        allocator);
  }

  /**
   * A table scan with only filters and projections above it: runs as a leaf fragment when workers > 1, else as the
   * leaf's one task.
   */
  private static boolean isLeaf(RelNode rel) {
    if (rel instanceof FloeTableScan) {
      return true;
    }
    return (rel instanceof Filter || rel instanceof Project) && isLeaf(rel.getInput(0));
  }

  /**
   * Whether {@code rel} runs as N tasks that what consumes it continues in the same tasks (see {@link #buildLeaf}):
   * a leaf, a join on N workers (with equality keys, or broadcasting its right side), an aggregation on N workers
   * with group keys (not grouping sets), or filters and projections over any of them; not a node computed once for
   * several uses, whose uses read its rows gathered.
   */
  private boolean runsInTasks(RelNode rel) {
    return !sharedSubplans.contains(rel) && madeInTasks(rel);
  }

  /**
   * Whether {@code rel}'s operators are N tasks (see {@link #runsInTasks}), which one use of a node computed once for
   * several uses gathers.
   */
  private boolean madeInTasks(RelNode rel) {
    if (rel instanceof FloeTableScan) {
      return true;
    }
    if (rel instanceof Join join) {
      return workers > 1 && (!JoinCondition.of(join).leftKeys().isEmpty() || broadcastsWithoutKeys(join));
    }
    if (rel instanceof Aggregate aggregate) {
      return workers > 1 && !aggregate.getGroupSet().isEmpty() && !groupingSets(aggregate);
    }
    return (rel instanceof Filter || rel instanceof Project) && runsInTasks(rel.getInput(0));
  }

  /** The scan at the bottom of {@code target} when it is a leaf fragment's top passing the keys on, else itself. */
  private static JoinKeyFilters.Target inScanIfLeaf(JoinKeyFilters.Target target) {
    JoinKeyFilters.Target scan = target.scan();
    return scan != null ? scan : target;
  }

  /**
   * The probe side {@code rel} of a join as an exchange input, with its rows filtered by the join's build keys
   * {@code filter} (unless null) where its producers make them: below projections, filters, aggregations grouping by
   * the keys {@code keys} and inner joins when those are what the probe side is made of (see
   * {@link JoinKeyFilters#target}), in the scan itself when that place is a leaf fragment over a scan. Where only some
   * of the keys go further down (see {@link JoinKeyFilters#narrowed}), a second filter on those is made, placed there
   * and added to {@code narrowed}, for the join to publish its build keys to.
   */
  private Fragments.Source probeSource(RelNode rel, int[] keys, JoinKeyFilter filter, List<NarrowedFilter> narrowed) {
    if (filter == null) {
      return source(rel);
    }
    // not below a node computed once for several uses: the filter would drop the rows the other uses read
    Predicate<RelNode> shared = sharedSubplans::contains;
    JoinKeyFilters.Target target = JoinKeyFilters.target(rel, keys, shared.or(PhysicalPlanner::isLeaf));
    JoinKeyFilters.Target place = inScanIfLeaf(target);
    if (!JoinKeyFilters.occursOnce(rel, place.rel())) {
      // the node is shared (a self-join's two sides read one scan node): the filter would go to whichever use is
      // built first, so it stays on the probe side's own producers
      place = inScanIfLeaf(new JoinKeyFilters.Target(rel, keys));
    }
    List<Runnable> withdrawals = new ArrayList<>();
    withdrawals.add(place(place, filter, 0));
    JoinKeyFilters.Narrowed subset = JoinKeyFilters.narrowed(target, PhysicalPlanner::isLeaf, shared);
    JoinKeyFilters.Target subsetPlace = subset == null ? null : inScanIfLeaf(subset.target());
    if (subsetPlace != null && JoinKeyFilters.occursOnce(rel, subsetPlace.rel())) {
      JoinKeyFilter subsetFilter = filter.withSameParts();
      withdrawals.add(place(subsetPlace, subsetFilter, keys.length));
      narrowed.add(new NarrowedFilter(subsetFilter, subset.keyIndexes()));
    }
    try {
      return source(rel);
    } finally {
      withdrawals.forEach(Runnable::run);
    }
  }

  /** A join key filter on some of a join's keys, {@code keyIndexes} (indexes into its keys). */
  private record NarrowedFilter(JoinKeyFilter filter, int[] keyIndexes) {
  }

  /**
   * Has {@code filter} placed on {@code place} when that node is built; returns its withdrawal, for once the probe
   * side is built. {@code narrowedFrom}: the join's number of keys when the filter holds only some of them, else 0.
   */
  private Runnable place(JoinKeyFilters.Target place, JoinKeyFilter filter, int narrowedFrom) {
    JoinKeyFilters.Placements placements = place.rel() instanceof FloeTableScan ? scanKeyFilters : probeFilters;
    JoinKeyFilters.Pending pending = new JoinKeyFilters.Pending(filter, place.keys(), building.peek(), narrowedFrom);
    placements.add(place.rel(), pending);
    return () -> placements.withdraw(place.rel(), pending);
  }

  /** The input {@code rel} of an exchange: a leaf's tasks, or one operator. */
  private Fragments.Source source(RelNode rel) {
    List<JoinKeyFilters.Pending> keyFilters = probeFilters.take(rel);
    Fragments.Source source = runsInTasks(rel) ? buildLeaf(rel) : new Fragments.Single(build(rel));
    for (JoinKeyFilters.Pending keyFilter : keyFilters) {
      source = keyFilter.filtering(source);
    }
    return source;
  }

  /** The per-task operators of a leaf ({@link #isLeaf}), recorded in the plan tree like {@link #build}. */
  private Fragments.Leaf buildLeaf(RelNode rel) {
    return buildLeaf(rel, null);
  }

  /**
   * The per-task operators of a leaf; {@code folded} (null: none) is the condition of a filter directly above the
   * scan {@code rel}, evaluated by the scan.
   */
  private Fragments.Leaf buildLeaf(RelNode rel, RexNode folded) {
    rel = withBuildSide(rel);
    PlanNode node = planNode(rel);
    building.push(node);
    try {
      ExprCompiler compiler = new ExprCompiler(rel.getCluster().getRexBuilder());
      IntFunction<Operator> tasks;
      if (rel instanceof Join join) {
        // the join's (and an aggregation's) tasks are decorated as its node already
        return (Fragments.Leaf) join(join, compiler);
      } else if (rel instanceof Aggregate aggregate) {
        return (Fragments.Leaf) aggregate(aggregate);
      } else if (rel instanceof FloeTableScan scan) {
        tasks = scanTasks(scan, folded, workers);
        if (workers > 1) {
          node.detail("split over " + workers + " tasks: files by size, row groups of large files");
        }
      } else if (rel instanceof Filter filter && filter.getInput() instanceof FloeTableScan) {
        node.detail(FILTER_IN_SCAN);
        tasks = buildLeaf(filter.getInput(), filter.getCondition()).tasks();
      } else {
        IntFunction<Operator> inputs = buildLeaf(rel.getInput(0)).tasks();
        UnaryOperator<Operator> operator = rowOperator(rel, compiler);
        tasks = task -> operator.apply(inputs.apply(task));
      }
      IntFunction<Operator> built = tasks;
      return new Fragments.Leaf(node, task -> decorator.decorate(node, built.apply(task)));
    } finally {
      building.pop();
    }
  }

  /**
   * Task i's scan of {@code scan}'s share i of {@code tasks} and the operators of its pushed filter, of
   * {@code folded} (the condition of a filter directly above it; null: none) and of a join's key filter on its rows.
   */
  private IntFunction<Operator> scanTasks(FloeTableScan scan, RexNode folded, int tasks) {
    scan.requireColumnsAtPinnedSnapshot();
    String inScan = ", in the scan of " + String.join(".", scan.getTable().getQualifiedName());
    List<Supplier<JoinKeyFilterRows>> keyFilters = scanKeyFilters.take(scan).stream()
        .map(keyFilter -> keyFilter.placed(inScan)).toList();
    FilteredScanOperators.Built built = FilteredScanOperators.build(scan, folded, keyFilters,
        new ExprCompiler(scan.getCluster().getRexBuilder()));
    SplitScan split = built.split(scan, tasks);
    scans.add(split);
    RowGroupSkips skips = new RowGroupSkips();
    building.peek().measure(skips::toString);
    return built.operators(split, allocator, skips)::apply;
  }

  /** The filter or projection {@code rel} over an input, expressions compiled once. */
  private static UnaryOperator<Operator> rowOperator(RelNode rel, ExprCompiler compiler) {
    if (rel instanceof Filter filter) {
      RowFilter condition = compiler.compileFilter(filter.getCondition());
      return input -> new FilterOperator(input, condition);
    }
    List<VectorExpr> exprs = new ArrayList<>();
    for (RexNode e : ((Project) rel).getProjects()) {
      if (RexOver.containsOver(e)) {
        throw new UnsupportedOperationException("not supported: window function " + e);
      }
      exprs.add(compiler.compile(e));
    }
    return input -> new ProjectOperator(input, exprs);
  }

  /** Whether {@code aggregate} has several grouping sets or GROUPING/GROUPING_ID calls. */
  private static boolean groupingSets(Aggregate aggregate) {
    return aggregate.getGroupType() != Aggregate.Group.SIMPLE || aggregate.getAggCallList().stream()
        .map(call -> call.getAggregation().getKind())
        .anyMatch(kind -> kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID);
  }

  /**
   * The operators of {@code aggregate}: its N tasks (a {@link Fragments.Leaf}) where {@link #madeInTasks}, else one
   * operator (a {@link Fragments.Single}).
   */
  private Fragments.Source aggregate(Aggregate aggregate) {
    boolean inTasks = madeInTasks(aggregate);
    aggregate = RowValueCounts.expand(aggregate);
    boolean groupingSets = groupingSets(aggregate);
    List<AggregateSpec> specs = new ArrayList<>();
    List<ImmutableBitSet> sets = aggregate.getGroupSets();
    int[] keys = aggregate.getGroupSet().toArray();
    long[][] grouping = new long[aggregate.getAggCallList().size()][];
    for (int c = 0; c < grouping.length; c++) {
      AggregateCall call = aggregate.getAggCallList().get(c);
      SqlKind kind = call.getAggregation().getKind();
      if (kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID) {
        grouping[c] = GroupingSets.groupingValues(GroupingSets.groupKeys(aggregate, call.getArgList()), sets);
        continue;
      }
      if (call.getAggregation() == io.floe.engine.expr.FunctionLibrary.MEDIAN) {
        int value = call.getArgList().get(0);
        specs.add(new AggregateSpec(SqlKind.PERCENTILE_CONT, call.getArgList(), call.isDistinct(), call.filterArg,
            call.getType(), 0.5, List.of(new RelFieldCollation(value))));
        continue;
      }
      if (!AGGREGATES.contains(kind)) {
        // (a DISTINCT variance is left unreduced under grouping sets: see GlobalDistinctToGroupByRule)
        throw new UnsupportedOperationException("not supported: aggregate function " + call.getAggregation().getName()
            + (call.isDistinct() ? " DISTINCT" : ""));
      }
      if ((kind == SqlKind.BIT_AND || kind == SqlKind.BIT_OR || kind == SqlKind.BIT_XOR)
          && !SqlTypeName.INT_TYPES.contains(call.getType().getSqlTypeName())) {
        throw new UnsupportedOperationException("not supported: " + call.getAggregation().getName() + " of "
            + call.getType().getSqlTypeName() + " (integers only)");
      }
      if (!call.collation.getFieldCollations().isEmpty() && !ORDERED_AGGREGATES.contains(kind)) {
        throw new UnsupportedOperationException("not supported: WITHIN GROUP in " + call);
      }
      Object literal = null;
      if (kind == SqlKind.LITERAL_AGG) {
        if (call.rexList.size() != 1 || !(call.rexList.get(0) instanceof RexLiteral l)) {
          throw new UnsupportedOperationException("not supported: " + call);
        }
        literal = io.floe.engine.expr.Values.literal(l);
      }
      if ((kind == SqlKind.PERCENTILE_CONT || kind == SqlKind.PERCENTILE_DISC)
          && (call.isDistinct() || call.collation.getFieldCollations().size() != 1)) {
        throw new UnsupportedOperationException("not supported: " + call);
      }
      specs.add(new AggregateSpec(kind, call.getArgList(), call.isDistinct(), call.filterArg, call.getType(),
          literal, call.collation.getFieldCollations()));
    }
    int keyCount = keys.length;
    Fragments.Source input;
    if (groupingSets) {
      // every grouping set's rows at once, keyed by the group keys (NULL outside the set) and the set's index
      input = new Fragments.Single(new GroupingSetsOperator(build(aggregate.getInput()), keys,
          GroupingSets.membership(keys, sets)));
      keys = java.util.Arrays.copyOf(keys, keyCount + 1);
      keys[keyCount] = aggregate.getInput().getRowType().getFieldCount();
    } else {
      input = workers > 1 ? source(aggregate.getInput()) : new Fragments.Single(build(aggregate.getInput()));
    }
    Fragments.Source aggregated;
    if (workers > 1) {
      aggregated = fragments.aggregate(building.peek(), input, keys, specs,
          keys.length == 0 ? null : spilling(building.peek(), workers, "partitions"), inTasks);
    } else {
      aggregated = new Fragments.Single(new HashAggregateOperator(((Fragments.Single) input).operator(), keys, specs,
          allocator, keys.length == 0 ? null : spilling(building.peek(), 1, "partitions")));
    }
    if (!groupingSets) {
      return aggregated;
    }
    Operator result = ((Fragments.Single) aggregated).operator();
    boolean[] emptySets = new boolean[sets.size()];
    for (int s = 0; s < emptySets.length; s++) {
      emptySets[s] = sets.get(s).isEmpty();
    }
    return new Fragments.Single(new GroupingOutputOperator(result, keyCount, grouping, specs, emptySets));
  }

  private Operator window(Window window) {
    List<WindowOperator.Window> windows = WindowPlans.windows(window);
    int[] keys = WindowOperator.commonPartitionKeys(windows);
    boolean partitioned = workers > 1 && keys.length > 0;
    Spilling windowSpilling = spilling(building.peek(), partitioned ? workers : 1, "runs");
    if (partitioned) {
      // every window's partitions lie within one hash partition of the keys all windows partition by
      return fragments.partitioned(building.peek(), source(window.getInput()), keys, "window",
          receivers -> new WindowOperator(receivers.get(0), windows, allocator, windowSpilling));
    }
    return new WindowOperator(build(window.getInput()), windows, allocator, windowSpilling);
  }

  /**
   * A join's condition as equality keys ({@code filterNulls} false where the equality is null-safe) and the other
   * conjuncts; conjuncts common to every OR branch are pulled up first, so (a = b AND x) OR (a = b AND y) joins on
   * a = b.
   */
  private record JoinCondition(List<Integer> leftKeys, List<Integer> rightKeys, List<Boolean> filterNulls,
      List<RexNode> nonEqui) {
    static JoinCondition of(Join join) {
      JoinCondition c = new JoinCondition(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      RexNode condition = RexUtil.pullFactors(join.getCluster().getRexBuilder(), join.getCondition());
      RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), condition, c.leftKeys, c.rightKeys,
          c.filterNulls, c.nonEqui);
      return c;
    }
  }

  /**
   * The operators of {@code join}: its N tasks (a {@link Fragments.Leaf}) on N workers with equality keys or,
   * without, when its right side is small enough to broadcast; else one operator (a {@link Fragments.Single}).
   */
  private Fragments.Source join(Join join, ExprCompiler compiler) {
    JoinCondition keys = JoinCondition.of(join);
    List<Integer> leftKeys = keys.leftKeys();
    List<Integer> rightKeys = keys.rightKeys();
    List<Boolean> filterNulls = keys.filterNulls();
    List<RexNode> nonEqui = keys.nonEqui();
    RexNode residual = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), nonEqui, true);
    VectorExpr residualExpr = residual == null || residual.isAlwaysTrue() ? null : compiler.compile(residual);
    boolean[] nullSafe = new boolean[filterNulls.size()];
    for (int i = 0; i < nullSafe.length; i++) {
      nullSafe[i] = !filterNulls.get(i);
    }
    int[] lk = leftKeys.stream().mapToInt(Integer::intValue).toArray();
    int[] rk = rightKeys.stream().mapToInt(Integer::intValue).toArray();
    int leftWidth = join.getLeft().getRowType().getFieldCount();
    int rightWidth = join.getRight().getRowType().getFieldCount();
    String buildLeftNote = lk.length > 0 ? BuildSide.semiBuildLeftNote(join, estimates) : null;
    if (buildLeftNote != null) {
      building.peek().detail(buildLeftNote);
    }
    JoinRelType type = join.getJoinType();
    Spilling joinSpilling = lk.length == 0 ? null : spilling(building.peek(), workers, "partitions");
    BiFunction<Operator, Operator, HashJoinOperator> hashJoin = (left, right) -> (buildLeftNote != null
        ? HashJoinOperator.buildingLeft(left, right, type, lk, rk, nullSafe, residualExpr, leftWidth, rightWidth,
            allocator)
        : new HashJoinOperator(left, right, type, lk, rk, nullSafe, residualExpr, leftWidth, rightWidth, allocator))
        .spillingTo(joinSpilling);
    if (workers > 1 && (lk.length > 0 || broadcastsWithoutKeys(join))) {
      double leftRows = estimates.rows(join.getLeft());
      double rightRows = estimates.rows(join.getRight());
      JoinDistribution distribution = buildLeftNote != null
          ? JoinDistribution.partitionedBuildingLeft(type, leftRows, rightRows)
          : JoinDistribution.choose(type, leftRows, rightRows, side -> side == JoinDistribution.Salted.LEFT
              ? uniqueKeys(join.getLeft(), lk) : uniqueKeys(join.getRight(), rk), settings);
      // the tasks of a broadcast join on this machine probe one table, built once from the broadcast build side
      SharedJoinBuild shared = distribution.strategy() == JoinDistribution.Strategy.BROADCAST
          ? new SharedJoinBuild() : null;
      boolean buildsLeft = buildLeftNote != null;
      JoinKeyFilter keyFilter = lk.length > 0 && JoinKeyFilters.applies(type, buildsLeft, nullSafe, settings)
          ? new JoinKeyFilter(shared != null ? 1 : workers, distribution.salted() == JoinDistribution.Salted.NONE)
          : null;
      List<NarrowedFilter> narrowed = new ArrayList<>();
      Fragments.Source left = buildsLeft ? source(join.getLeft())
          : probeSource(join.getLeft(), lk, keyFilter, narrowed);
      Fragments.Source right = buildsLeft ? probeSource(join.getRight(), rk, keyFilter, narrowed)
          : source(join.getRight());
      // the probe side starts once a task built its table, so its producers filter from their first row
      int probeOnDemand = keyFilter == null ? -1 : buildsLeft ? 1 : 0;
      // a salted join's probe side waits for the filters once the build side no longer waits for its sample
      Runnable onHeavyKeysDecided = keyFilter == null ? null : () -> {
        keyFilter.awaitFromNowOn();
        narrowed.forEach(subset -> subset.filter().awaitFromNowOn());
      };
      return fragments.join(building.peek(), distribution, left, right, lk, rk, probeOnDemand, onHeavyKeysDecided,
          receivers -> {
        HashJoinOperator task = shared == null ? hashJoin.apply(receivers.get(0), receivers.get(1))
            : HashJoinOperator.sharingBuild(receivers.get(0), receivers.get(1), type, lk, rk, nullSafe,
                residualExpr, leftWidth, rightWidth, allocator, shared);
        if (keyFilter != null) {
          task.publishingKeysTo(keyFilter);
          narrowed.forEach(subset -> task.publishingKeysTo(subset.filter(), subset.keyIndexes()));
        }
        return task;
      });
    }
    Operator left = build(join.getLeft());
    Operator right = build(join.getRight());
    return new Fragments.Single(hashJoin.apply(left, right));
  }

  /**
   * Whether {@code join}, which has no equi keys (a range or other theta join, a comparison with a scalar subquery),
   * runs on N tasks: only by broadcasting its right side, when that is small enough; partitioning needs keys, so
   * otherwise it runs on one task.
   */
  private boolean broadcastsWithoutKeys(Join join) {
    if (workers == 1) {
      return false;
    }
    // decided on the join as built, with the inputs BuildSide may swap (asked again of a swapped join, it keeps it)
    RelNode built = BuildSide.choose(join, estimates).rel();
    Join asBuilt = built instanceof Join j ? j : (Join) built.getInput(0);
    return JoinDistribution.choose(asBuilt.getJoinType(), estimates.rows(asBuilt.getLeft()),
        estimates.rows(asBuilt.getRight()), settings).strategy() == JoinDistribution.Strategy.BROADCAST;
  }

  /** Whether the planner's metadata knows the columns {@code keys} of {@code rel} to be unique. */
  private static boolean uniqueKeys(RelNode rel, int[] keys) {
    return Boolean.TRUE.equals(rel.getCluster().getMetadataQuery().areColumnsUnique(rel, ImmutableBitSet.of(keys)));
  }

  private Operator sort(Sort sort) {
    long offset = sort.offset == null ? 0 : literalLong(sort.offset, "OFFSET");
    long fetch = sort.fetch == null ? -1 : literalLong(sort.fetch, "FETCH");
    List<RelFieldCollation> collation = sort.getCollation().getFieldCollations();
    if (workers > 1 && !collation.isEmpty()) {
      // each task sorts (top-N: keeps offset + fetch rows), the gather merges; OFFSET and FETCH after the merge
      Operator merged = fragments.sorted(building.peek(), source(sort.getInput()), collation,
          fetch < 0 ? -1 : offset + fetch, spilling(building.peek(), workers, "runs"));
      return offset == 0 && fetch < 0 ? merged : new LimitOperator(merged, offset, fetch);
    }
    Operator input = build(sort.getInput());
    if (collation.isEmpty()) {
      return new LimitOperator(input, offset, fetch);
    }
    return new SortOperator(input, collation, offset, fetch, allocator, spilling(building.peek(), 1, "runs"));
  }

  /**
   * Where the {@code tasks} operators of {@code node} spill, counted for EXPLAIN ANALYZE in files that are
   * {@code unit} ("runs", "partitions"); null: spilling is off.
   */
  private Spilling spilling(PlanNode node, int tasks, String unit) {
    if (spillDirectory == null) {
      return null;
    }
    SpillStats stats = new SpillStats(unit);
    node.measure(stats::toString);
    return new Spilling(spillDirectory, stats, tasks);
  }

  private static long literalLong(RexNode node, String what) {
    if (!(node instanceof RexLiteral literal)) {
      throw new UnsupportedOperationException("not supported: non-literal " + what + " " + node);
    }
    return ((Number) io.floe.engine.expr.Values.literal(literal)).longValue();
  }
}
