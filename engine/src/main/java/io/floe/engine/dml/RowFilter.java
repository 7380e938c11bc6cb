package io.floe.engine.dml;

import io.floe.engine.planner.FloeTableScan;
import io.floe.engine.planner.RexToFilter;
import io.floe.expressions.And;
import io.floe.expressions.Binder;
import io.floe.expressions.BoundPredicate;
import io.floe.expressions.Expression;
import io.floe.expressions.Expressions;
import io.floe.expressions.MetricsEvaluator;
import io.floe.expressions.Not;
import io.floe.expressions.Or;
import io.floe.manifest.DataFile;
import io.floe.types.Schema;
import java.util.HashSet;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexNode;

/**
 * The WHERE of a row-level statement as a Floe filter: the conjuncts the Floe scan evaluates exactly
 * ({@link RexToFilter}), used to prune the files read, as the commit's conflict detection filter, and, when the
 * whole WHERE converts, to drop files whose metrics prove that every row matches without reading them.
 */
final class RowFilter {
  private final Expression filter;
  private final boolean exact;

  private RowFilter(Expression filter, boolean exact) {
    this.filter = filter;
    this.exact = exact;
  }

  /** The filter of {@code condition} over {@code scan} (null condition: every row). */
  static RowFilter of(FloeTableScan scan, RexNode condition) {
    if (condition == null) {
      return new RowFilter(Expressions.alwaysTrue(), true);
    }
    RexToFilter converter = new RexToFilter(scan, scan.getCluster().getRexBuilder());
    Expression filter = Expressions.alwaysTrue();
    boolean exact = true;
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      Expression converted = converter.convert(conjunct);
      if (converted == null) {
        exact = false;
      } else {
        filter = Expressions.and(filter, converted);
      }
    }
    return new RowFilter(filter, exact);
  }

  /** A filter every row the statement changes matches (it may match more). */
  Expression filter() {
    return filter;
  }

  /**
   * Whether every row of {@code file} matches the statement's WHERE, from the file's metrics: the WHERE converted
   * whole, no row can fail it, and the columns it reads hold no NULLs.
   */
  boolean coversWhole(Schema schema, DataFile file) {
    if (!exact) {
      return false;
    }
    if (filter instanceof Expression.True) {
      return true;
    }
    Expression negated = Binder.bind(schema.asStruct(), Expressions.not(filter), false);
    if (new MetricsEvaluator(schema, negated).mightMatch(file.metrics())) {
      return false;
    }
    Set<Integer> columns = new HashSet<>();
    collectColumns(negated, columns);
    for (int id : columns) {
      Long nulls = file.metrics().nullValueCounts().get(id);
      if (nulls == null || nulls != 0) {
        return false;
      }
    }
    return true;
  }

  private static void collectColumns(Expression e, Set<Integer> ids) {
    if (e instanceof And a) {
      collectColumns(a.left(), ids);
      collectColumns(a.right(), ids);
    } else if (e instanceof Or o) {
      collectColumns(o.left(), ids);
      collectColumns(o.right(), ids);
    } else if (e instanceof Not n) {
      collectColumns(n.child(), ids);
    } else if (e instanceof BoundPredicate p) {
      ids.add(p.fieldId());
    }
  }
}
