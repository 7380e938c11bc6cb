package io.floe.engine.planner;

import io.floe.engine.exec.JoinKeyFilterRows;
import io.floe.engine.exec.RowGroupSkips;
import io.floe.engine.exec.ScanFilter;
import io.floe.engine.exec.ScanOperator;
import io.floe.engine.exec.SplitScan;
import io.floe.engine.expr.ExprCompiler;
import io.floe.engine.expr.RowFilter;
import io.floe.expressions.Expression;
import io.floe.expressions.StrictMetricsEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * The operators of a {@link FloeTableScan}: a {@link SplitScan} read by one {@link ScanOperator} per task and, with a
 * pushed filter, a filter directly above the scan, or a join key filter on the scan's rows: the scan runs prune-only
 * (the pushed filter prunes files and row groups) reading the scan's columns and those the conditions need, and each
 * task's {@link ScanFilter} evaluates the conditions on the Arrow vectors, conjunct by conjunct (the join key filter
 * after the comparisons of numbers with constants), and makes columns of only the kept rows of the scan's own columns
 * (not those only a condition needed). Expressions are compiled once and shared by the tasks.
 */
final class FilteredScanOperators {
  private FilteredScanOperators() {
  }

  /**
   * The columns the scan reads, whether the table format filters rows, and the filter the engine applies (or null),
   * with the join key filter's test per task (or null).
   */
  record Built(List<String> columns, boolean filterRows, List<RowFilter.Conjunct> condition,
      List<Expression> pushedConjuncts, int outputWidth, List<Supplier<JoinKeyFilterRows>> keyFilters) {
    /** The scan of {@code scan}'s table, split over {@code tasks} tasks. */
    SplitScan split(FloeTableScan scan, int tasks) {
      return new SplitScan(scan.floeTable().table(), columns, scan.filter(), scan.pinnedSnapshotId(), filterRows,
          tasks);
    }

    /**
     * Each task's scan of {@code split} with the engine's filter, which skips a conjunct the scan could push in the
     * row groups whose statistics show every row meets it (counted in {@code skips}, shared by the tasks; the
     * conjuncts are bound to the table's schema once for all tasks).
     */
    IntFunction<ScanOperator> operators(SplitScan split, BufferAllocator allocator, RowGroupSkips skips) {
      if (condition == null) {
        return task -> new ScanOperator(split, task, allocator, null);
      }
      List<StrictMetricsEvaluator> bound = new ArrayList<>();
      for (Expression pushed : pushedConjuncts) {
        bound.add(pushed == null ? null : split.metByAll(pushed));
      }
      return task -> {
        List<RowFilter.Conjunct> conjuncts = new ArrayList<>(condition);
        List<StrictMetricsEvaluator> metByAll = new ArrayList<>(bound);
        // the join key filters' tests after the leading cheap conjuncts
        int at = 0;
        while (at < conjuncts.size() && conjuncts.get(at).cheap()) {
          at++;
        }
        for (Supplier<JoinKeyFilterRows> keyFilter : keyFilters) {
          JoinKeyFilterRows keys = keyFilter.get();
          conjuncts.add(at, new RowFilter.Conjunct(keys, keys.keys(), false, null));
          metByAll.add(at++, null);
        }
        return new ScanOperator(split, task, allocator, new ScanFilter(conjuncts, metByAll, outputWidth, skips));
      };
    }
  }

  /**
   * The operators of {@code scan} with {@code folded} (null: none), the condition of a filter directly above it (over
   * the scan's columns), and {@code keyFilters}, join key filters' tests on the scan's columns.
   */
  static Built build(FloeTableScan scan, RexNode folded, List<Supplier<JoinKeyFilterRows>> keyFilters,
      ExprCompiler compiler) {
    RexNode condition = folded == null ? scan.condition() : scan.conditionWith(folded);
    if (condition == null) {
      int width = scan.columns().size();
      return new Built(scan.columnNames(), true, keyFilters.isEmpty() ? null : List.of(), List.of(), width,
          keyFilters);
    }
    List<Integer> read = new ArrayList<>(scan.columns());
    for (int column : RelOptUtil.InputFinder.bits(condition)) {
      if (!read.contains(column)) {
        read.add(column);
      }
    }
    List<RelDataTypeField> tableFields = scan.getTable().getRowType().getFieldList();
    List<String> names = read.stream().map(i -> tableFields.get(i).getName()).toList();
    RexNode overRead = condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(read.indexOf(ref.getIndex()), ref.getType());
      }
    });
    List<RowFilter.Conjunct> conjuncts = compiler.compileConjuncts(overRead);
    // each conjunct as the Floe scan would evaluate it (null: it cannot), to test against row group statistics
    RexToFilter converter = new RexToFilter(scan.withColumns(read), scan.getCluster().getRexBuilder());
    List<Expression> pushed = conjuncts.stream().map(c -> converter.convert(c.condition())).toList();
    return new Built(names, false, conjuncts, pushed, scan.columns().size(), keyFilters);
  }
}
