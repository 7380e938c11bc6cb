package io.floe.engine.planner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * COUNT of a row value, {@code count([DISTINCT] (a, b))}: a row is never NULL, whatever its fields, and two rows
 * are the same when their fields are (NULL the same as NULL), as in DuckDB and PostgreSQL. The engine counts
 * several arguments instead, skipping rows with a NULL one, so each nullable field becomes two arguments that are
 * never NULL: {@code a IS NULL} and {@code CASE WHEN a IS NULL THEN <zero> ELSE a END}.
 */
final class RowValueCounts {
  private RowValueCounts() {
  }

  /** {@code aggregate} with its COUNTs of a ROW(...) its input projects counting the row's fields instead. */
  static Aggregate expand(Aggregate aggregate) {
    if (!(aggregate.getInput() instanceof Project project)) {
      return aggregate;
    }
    RexBuilder rex = aggregate.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>(project.getProjects());
    List<AggregateCall> calls = new ArrayList<>();
    Set<Integer> rows = new HashSet<>();
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (call.getAggregation().getKind() != SqlKind.COUNT || call.getArgList().size() != 1
          || !(projects.get(call.getArgList().get(0)) instanceof RexCall row) || row.getKind() != SqlKind.ROW) {
        calls.add(call);
        continue;
      }
      List<Integer> args = new ArrayList<>();
      for (RexNode field : row.getOperands()) {
        if (!field.getType().isNullable()) {
          args.add(projects.size());
          projects.add(field);
          continue;
        }
        RexNode isNull = rex.makeCall(SqlStdOperatorTable.IS_NULL, field);
        RexNode zero = rex.makeZeroLiteral(rex.getTypeFactory().createTypeWithNullability(field.getType(), false));
        args.add(projects.size());
        projects.add(isNull);
        args.add(projects.size());
        projects.add(rex.makeCall(SqlStdOperatorTable.CASE, isNull, zero, rex.makeNotNull(field)));
      }
      calls.add(call.withArgList(args));
      rows.add(call.getArgList().get(0));
    }
    if (rows.isEmpty() || usedElsewhere(aggregate, calls, rows)) {
      return aggregate;
    }
    for (int row : rows) {
      projects.set(row, rex.makeLiteral(true)); // no longer read: the engine has no row values to compute
    }
    Project wider = LogicalProject.create(project.getInput(), List.of(), projects, (List<String>) null,
        project.getVariablesSet());
    return aggregate.copy(aggregate.getTraitSet(), wider, aggregate.getGroupSet(), aggregate.getGroupSets(), calls);
  }

  /** Whether a group key or a call not rewritten reads one of the {@code rows} columns. */
  private static boolean usedElsewhere(Aggregate aggregate, List<AggregateCall> calls, Set<Integer> rows) {
    for (int key : aggregate.getGroupSet()) {
      if (rows.contains(key)) {
        return true;
      }
    }
    for (AggregateCall call : calls) {
      if (rows.contains(call.filterArg) || call.getArgList().stream().anyMatch(rows::contains)
          || call.collation.getFieldCollations().stream().anyMatch(f -> rows.contains(f.getFieldIndex()))) {
        return true;
      }
    }
    return false;
  }
}
