package io.floe.expressions;

import io.floe.data.Metrics;
import io.floe.types.Schema;
import io.floe.types.TypeId;
import java.util.EnumSet;
import java.util.Set;

/**
 * Estimates from column statistics the share of a data file's (or row group's) rows that a bound filter keeps, for a
 * planner's row counts, as Trino and Spark estimate range predicates from column minimum and maximum: a column of
 * numbers, dates, times or timestamps compared with a constant keeps the part of its values' range
 * [lower bound, upper bound] that the comparison covers (values assumed spread evenly over it); AND multiplies its
 * sides' shares (assumed independent), OR adds them (at most 1). Anything else (strings, equality, IN, a column
 * without both bounds, a column inside a list or map, whose bounds are over its elements, not rows) keeps every row:
 * the estimate errs high, never low, where the statistics say nothing. Bounds are decoded as {@link MetricsEvaluator}
 * decodes them for pruning ({@link Bounds}).
 */
public final class SelectivityEstimator {
  private static final Set<TypeId> ORDERED_NUMBERS = EnumSet.of(TypeId.INT, TypeId.LONG, TypeId.FLOAT, TypeId.DOUBLE,
      TypeId.DECIMAL, TypeId.DATE, TypeId.TIME, TypeId.TIMESTAMP, TypeId.TIMESTAMPTZ);

  private final Schema schema;
  private final Expression expr;

  /** An estimator of the filter {@code bound}, bound to {@code schema} (see {@link Binder#bind}). */
  public SelectivityEstimator(Schema schema, Expression bound) {
    this.schema = schema;
    this.expr = RewriteNot.rewrite(bound);
  }

  /** The estimated share, between 0 and 1, of the rows with these statistics (null: none) that the filter keeps. */
  public double fraction(Metrics metrics) {
    return metrics == null ? 1 : fraction(expr, metrics);
  }

  private double fraction(Expression expr, Metrics metrics) {
    if (expr instanceof Expression.False) {
      return 0;
    } else if (expr instanceof And a) {
      return fraction(a.left(), metrics) * fraction(a.right(), metrics);
    } else if (expr instanceof Or o) {
      return Math.min(1, fraction(o.left(), metrics) + fraction(o.right(), metrics));
    } else if (expr instanceof BoundPredicate p) {
      return fraction(p, metrics);
    }
    return 1;
  }

  private double fraction(BoundPredicate p, Metrics metrics) {
    if (!ORDERED_NUMBERS.contains(p.field().type().typeId()) || p.literals().size() != 1
        || !MetricsEvaluator.hasRowStatistics(schema, p.fieldId())) {
      return 1;
    }
    Bounds bounds = Bounds.of(metrics, p);
    if (!(bounds.lower() instanceof Number lower) || !(bounds.upper() instanceof Number upper)
        || !(p.literal() instanceof Number literal)) {
      return 1;
    }
    double low = lower.doubleValue();
    double high = upper.doubleValue();
    double value = literal.doubleValue();
    // bounds out of order or NaN, a range too wide to measure (infinite bounds) or a NaN constant: nothing to go by
    if (!(high >= low) || Double.isInfinite(high - low) || Double.isNaN(value)) {
      return 1;
    }
    // primitive comparison: bounds -0.0 and 0.0 are one value
    boolean oneValue = high == low;
    double below = oneValue ? (value > low ? 1 : 0) : clamp((value - low) / (high - low));
    return switch (p.op()) {
      case LT, LT_EQ -> below;
      case GT, GT_EQ -> oneValue ? (value < low ? 1 : 0) : 1 - below;
      default -> 1;
    };
  }

  private static double clamp(double share) {
    return Math.max(0, Math.min(1, share));
  }
}
