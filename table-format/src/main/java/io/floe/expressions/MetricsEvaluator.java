package io.floe.expressions;

import io.floe.data.Metrics;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Type;

/**
 * Decides from column statistics whether a data file (or a Parquet row group) might hold rows matching a bound
 * filter: {@link #mightMatch} is false only when no row can match. Follows Iceberg's inclusive metrics evaluation:
 * value, null and NaN counts and lower/upper bounds (single-value encoded) are used when present and a missing
 * statistic means "might match". String bounds may be truncated prefixes (a lower bound below, an upper bound
 * above every value), which keeps every test here correct. NaN is never part of bounds; a NaN lower bound (left
 * by some writers) is ignored. Columns inside lists or maps are never pruned. The lower and upper bounds of uuid
 * columns are ignored, as writers disagree on the order they follow (see {@link Bounds#trustsBounds}); their null
 * counts are still used.
 */
public final class MetricsEvaluator {
  private final Schema schema;
  private final Expression expr;

  public MetricsEvaluator(Schema schema, Expression bound) {
    this.schema = schema;
    this.expr = RewriteNot.rewrite(bound);
  }

  /** False when the file or row group with these metrics cannot contain a matching row. */
  public boolean mightMatch(Metrics metrics) {
    if (metrics.recordCount() == 0) {
      return false;
    }
    if (metrics.recordCount() < 0) {
      return true;
    }
    return BoundExpressions.eval(expr, p -> mightMatch(metrics, p));
  }

  private boolean mightMatch(Metrics m, BoundPredicate p) {
    int id = p.fieldId();
    if (!hasRowStatistics(schema, id)) {
      return true;
    }
    Long values = m.valueCounts().get(id);
    Long nulls = m.nullValueCounts().get(id);
    Long nans = m.nanValueCounts().get(id);
    boolean nullsOnly = values != null && nulls != null && values - nulls == 0;
    boolean nansOnly = nans != null && nans.equals(values);
    return switch (p.op()) {
      case IS_NULL -> nulls == null || nulls != 0;
      case NOT_NULL -> !nullsOnly;
      case IS_NAN -> !nullsOnly && (nans == null || nans != 0);
      case NOT_NAN -> !nansOnly;
      case LT, LT_EQ, GT, GT_EQ, EQ, IN -> !nullsOnly && !nansOnly && Bounds.of(m, p).mightMatch(p);
      case STARTS_WITH -> !nullsOnly && Bounds.of(m, p).mightMatch(p);
      case NOT_STARTS_WITH -> nulls == null || nulls != 0 || Bounds.of(m, p).mightMatch(p);
      case NOT_EQ, NOT_IN -> true;
    };
  }

  /**
   * Whether the statistics of column {@code fieldId} of {@code schema} describe rows: those of primitive columns that
   * are not inside a list or map (those count and bound elements, not rows).
   */
  static boolean hasRowStatistics(Schema schema, int fieldId) {
    NestedField field = schema.findField(fieldId);
    if (field == null || !field.type().isPrimitive()) {
      return false;
    }
    for (int parent = schema.parentId(fieldId); parent >= 0; parent = schema.parentId(parent)) {
      Type t = schema.findField(parent).type();
      if (t instanceof ListType || t instanceof MapType) {
        return false;
      }
    }
    return true;
  }
}
