package io.floe.expressions;

import io.floe.data.Metrics;
import io.floe.types.Schema;
import io.floe.types.TypeId;

/**
 * Decides from column statistics whether every row of a data file (or a Parquet row group) matches a bound filter:
 * {@link #allMatch} is true only when no row can fail it, so a reader may skip evaluating it there. The strict
 * counterpart of {@link MetricsEvaluator}, as Iceberg's {@code StrictMetricsEvaluator}: a missing statistic means
 * "might fail". A comparison holds for every row only when the column has no nulls (a null compares to unknown) and,
 * for float and double columns, no NaN values (NaN compares false), both counted.
 */
public final class StrictMetricsEvaluator {
  private final Schema schema;
  private final Expression expr;

  public StrictMetricsEvaluator(Schema schema, Expression bound) {
    this.schema = schema;
    this.expr = RewriteNot.rewrite(bound);
  }

  /** True when every row of the file or row group with these metrics matches the filter. */
  public boolean allMatch(Metrics metrics) {
    if (metrics.recordCount() < 0) {
      return false;
    }
    return BoundExpressions.eval(expr, p -> allMatch(metrics, p));
  }

  private boolean allMatch(Metrics m, BoundPredicate p) {
    int id = p.fieldId();
    if (!MetricsEvaluator.hasRowStatistics(schema, id)) {
      return false;
    }
    Long values = m.valueCounts().get(id);
    Long nulls = m.nullValueCounts().get(id);
    Long nans = m.nanValueCounts().get(id);
    boolean noNulls = nulls != null && nulls == 0;
    TypeId type = p.field().type().typeId();
    boolean noNaNs = type != TypeId.FLOAT && type != TypeId.DOUBLE || nans != null && nans == 0;
    return switch (p.op()) {
      case IS_NULL -> values != null && nulls != null && nulls.equals(values);
      case NOT_NULL -> noNulls;
      case IS_NAN -> values != null && nans != null && nans.equals(values);
      case NOT_NAN -> noNulls && noNaNs;
      case LT, LT_EQ, GT, GT_EQ, EQ, IN, NOT_EQ, NOT_IN -> noNulls && noNaNs && Bounds.of(m, p).mustMatch(p);
      case STARTS_WITH, NOT_STARTS_WITH -> noNulls && Bounds.of(m, p).mustMatch(p);
    };
  }
}
