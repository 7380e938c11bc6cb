package io.floe.engine.planner;

import io.floe.engine.exec.FilterOperator;
import io.floe.engine.exec.Operator;
import io.floe.engine.exec.ProjectOperator;
import io.floe.engine.exec.ScanOperator;
import io.floe.engine.expr.ExprCompiler;
import io.floe.engine.expr.VectorExpr;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * The operators of a {@link FloeTableScan} with a pushed filter: a prune-only {@link ScanOperator} (the filter
 * prunes files and row groups) reading the scan's columns and those the condition needs, the engine's vectorized
 * {@link FilterOperator} over the scan's {@link FloeTableScan#condition() condition}, then a projection dropping
 * the columns only the condition needed.
 */
final class FilteredScanOperators {
  private FilteredScanOperators() {
  }

  /** The scan operator for {@code scan} (to be recorded by the caller) and the operators above it. */
  record Built(ScanOperator scan, Operator top) {
  }

  static Built build(FloeTableScan scan, ExprCompiler compiler, BufferAllocator allocator) {
    List<Integer> read = new ArrayList<>(scan.columns());
    for (int column : RelOptUtil.InputFinder.bits(scan.condition())) {
      if (!read.contains(column)) {
        read.add(column);
      }
    }
    List<RelDataTypeField> tableFields = scan.getTable().getRowType().getFieldList();
    List<String> names = read.stream().map(i -> tableFields.get(i).getName()).toList();
    ScanOperator scanOperator = new ScanOperator(scan.floeTable().table(), names, scan.filter(),
        scan.pinnedSnapshotId(), false, allocator);
    RexNode overRead = scan.condition().accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(read.indexOf(ref.getIndex()), ref.getType());
      }
    });
    Operator top = new FilterOperator(scanOperator, compiler.compile(overRead));
    int width = scan.columns().size();
    if (read.size() > width) {
      RexBuilder rexBuilder = scan.getCluster().getRexBuilder();
      List<VectorExpr> kept = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        kept.add(compiler.compile(rexBuilder.makeInputRef(tableFields.get(read.get(i)).getType(), i)));
      }
      top = new ProjectOperator(top, kept);
    }
    return new Built(scanOperator, top);
  }
}
