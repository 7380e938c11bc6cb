package io.floe.engine.dml;

import io.floe.engine.FloeSession;
import io.floe.engine.catalog.FloeCalciteTable;
import io.floe.engine.catalog.FloeViewTable;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import io.floe.engine.planner.FloeTableScan;
import io.floe.engine.planner.PhysicalPlanner;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlNode;

/** Validation and conversion of DML statements with Calcite, shared by the runners. */
final class DmlPlanning {
  private DmlPlanning() {
  }

  /** Validates {@code statement} (unknown tables and columns, type errors) and converts it to a TableModify. */
  static TableModify convert(FloeSession session, SqlNode statement) throws SQLException {
    RelRoot root;
    try {
      root = session.planner().convert(statement);
    } catch (Exception e) {
      throw DmlErrors.of(e);
    }
    if (!(root.rel instanceof TableModify modify)) {
      throw new SQLFeatureNotSupportedException("not supported: " + statement.getKind() + " converted to "
          + root.rel.getRelTypeName(), "0A000");
    }
    if (modify.getTable().unwrap(FloeViewTable.class) != null) {
      throw new SQLFeatureNotSupportedException("not supported: " + statement.getKind() + " on "
          + String.join(".", modify.getTable().getQualifiedName()) + ", a view (views are read-only)", "0A000");
    }
    return modify;
  }

  /**
   * Optimizes {@code query} (a converted plan) and runs it on the session's workers, handing its batches to
   * {@code sink} until there are no more or it returns false.
   */
  static void run(FloeSession session, RelNode query, Predicate<Batch> sink) {
    try (BufferAllocator allocator = new RootAllocator();
         Operator root = new PhysicalPlanner(allocator, session.workers()).build(session.planner().optimize(query))) {
      Batch b = root.next();
      while (b != null && sink.test(b)) {
        b = root.next();
      }
    }
  }

  /** The Floe table a statement modifies. */
  static FloeCalciteTable target(TableModify modify) throws SQLException {
    FloeCalciteTable table = modify.getTable().unwrap(FloeCalciteTable.class);
    if (table == null) {
      throw new SQLFeatureNotSupportedException("not supported: modifying " + modify.getTable().getQualifiedName(),
          "0A000");
    }
    return table;
  }

  /**
   * The rows a DELETE or UPDATE reads: the WHERE condition (null when there is none; its uncorrelated subqueries
   * replaced by their results) of {@code filter} over the target's scan.
   */
  record FilteredScan(FloeTableScan scan, Filter filter, RexNode condition) {
  }

  /** Unwraps {@code Filter(condition, FloeTableScan)} (or a bare scan) below identity projections. */
  static FilteredScan filteredScan(FloeSession session, RelNode input, String statement) throws SQLException {
    RelNode rel = withoutIdentityProjects(input);
    RexNode condition = null;
    Filter where = null;
    if (rel instanceof Filter filter) {
      condition = SubqueryResults.inline(session, filter.getCluster().getRexBuilder(), filter.getCondition());
      where = filter;
      rel = filter.getInput();
    }
    if (!(rel instanceof FloeTableScan scan)) {
      throw new SQLFeatureNotSupportedException("not supported: " + statement + " of this form (" + rel.getRelTypeName()
          + " over the target table)", "0A000");
    }
    return new FilteredScan(scan, where, condition);
  }

  /** {@code rel} below the projections that pass every column through unchanged. */
  static RelNode withoutIdentityProjects(RelNode rel) {
    RelNode r = rel;
    while (r instanceof Project p && RexUtil.isIdentity(p.getProjects(), p.getInput().getRowType())) {
      r = p.getInput();
    }
    return r;
  }

  /** Whether {@code expression} (null: none) holds a subquery. */
  static boolean hasSubQuery(RexNode expression) {
    return expression != null && RexUtil.SubQueryFinder.find(expression) != null;
  }

  /** Fails with 0A000 when {@code expression} still holds a (correlated) subquery: rows are evaluated one by one. */
  static void requireNoSubQuery(RexNode expression, String where) throws SQLException {
    if (hasSubQuery(expression)) {
      throw new SQLFeatureNotSupportedException("not supported: correlated subqueries in " + where
          + " (use MERGE INTO ... USING)", "0A000");
    }
  }

  /** The index of {@code column} (matched case-insensitively) among the target's {@code columns}; 42S22 if none. */
  static int columnIndex(List<String> columns, String column) throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(column)) {
        return i;
      }
    }
    throw new SQLException("Column '" + column + "' not found in the target table", "42S22");
  }
}
