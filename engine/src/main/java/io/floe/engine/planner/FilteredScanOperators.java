package io.floe.engine.planner;

import io.floe.engine.exec.ScanFilter;
import io.floe.engine.exec.ScanOperator;
import io.floe.engine.exec.SplitScan;
import io.floe.engine.expr.ExprCompiler;
import io.floe.engine.expr.RowFilter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * The operators of a {@link FloeTableScan}: a {@link SplitScan} read by one {@link ScanOperator} per task and, with a
 * pushed filter: the scan runs prune-only (the filter prunes files and row groups) reading the scan's columns and
 * those the condition needs, and each task's {@link ScanFilter} evaluates the scan's
 * {@link FloeTableScan#condition() condition} on the Arrow vectors, conjunct by conjunct, and makes columns of only the
 * kept rows of the scan's own columns (not those only the condition needed).
 * Expressions are compiled once and shared by the tasks.
 */
final class FilteredScanOperators {
  private FilteredScanOperators() {
  }

  /** The columns the scan reads, whether the table format filters rows, and the filter the engine applies (or null). */
  record Built(List<String> columns, boolean filterRows, List<RowFilter.Conjunct> condition, int outputWidth) {
    /** The scan of {@code scan}'s table, split over {@code tasks} tasks. */
    SplitScan split(FloeTableScan scan, int tasks) {
      return new SplitScan(scan.floeTable().table(), columns, scan.filter(), scan.pinnedSnapshotId(), filterRows,
          tasks);
    }

    /** Task {@code task}'s scan of {@code split} with the engine's filter. */
    ScanOperator operator(SplitScan split, int task, BufferAllocator allocator) {
      return new ScanOperator(split, task, allocator,
          condition == null ? null : new ScanFilter(condition, outputWidth));
    }
  }

  static Built build(FloeTableScan scan, ExprCompiler compiler) {
    if (scan.condition() == null) {
      return new Built(scan.columnNames(), true, null, 0);
    }
    List<Integer> read = new ArrayList<>(scan.columns());
    for (int column : RelOptUtil.InputFinder.bits(scan.condition())) {
      if (!read.contains(column)) {
        read.add(column);
      }
    }
    List<RelDataTypeField> tableFields = scan.getTable().getRowType().getFieldList();
    List<String> names = read.stream().map(i -> tableFields.get(i).getName()).toList();
    RexNode overRead = scan.condition().accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(read.indexOf(ref.getIndex()), ref.getType());
      }
    });
    List<RowFilter.Conjunct> condition = compiler.compileConjuncts(overRead);
    return new Built(names, false, condition, scan.columns().size());
  }
}
