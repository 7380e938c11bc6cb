package io.floe.expressions;

import io.floe.data.Accessor;
import io.floe.data.Record;
import io.floe.types.Comparators;
import io.floe.types.StructType;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Evaluates a bound expression on rows of a struct. NOT is first pushed down ({@link RewriteNot}); then a
 * comparison ({@code < <= > >= ==}, IN, starts-with) with a null or NaN value is false and its negation
 * ({@code !=}, NOT IN, not-starts-with) true, which keeps row filtering consistent with file pruning by
 * {@link MetricsEvaluator} and partition pruning by {@link Projections}. Floats and doubles compare in the
 * spec's total order, so {@code -0.0 != 0.0}.
 */
public final class RowEvaluator {
  private final Predicate<Record> predicate;

  public RowEvaluator(StructType struct, Expression bound) {
    this.predicate = compile(struct, RewriteNot.rewrite(bound));
  }

  /** Whether the row matches. */
  public boolean eval(Record row) {
    return predicate.test(row);
  }

  private static Predicate<Record> compile(StructType struct, Expression expr) {
    if (expr instanceof Expression.True) {
      return row -> true;
    } else if (expr instanceof Expression.False) {
      return row -> false;
    } else if (expr instanceof And a) {
      return compile(struct, a.left()).and(compile(struct, a.right()));
    } else if (expr instanceof Or o) {
      return compile(struct, o.left()).or(compile(struct, o.right()));
    } else if (expr instanceof BoundPredicate p) {
      return compile(struct, p);
    } else if (expr instanceof UnboundPredicate p) {
      throw new IllegalArgumentException("predicate " + p + " is not bound; bind the filter with Binder.bind first");
    }
    throw new IllegalStateException("unexpected expression after NOT rewrite: " + expr);
  }

  private static Predicate<Record> compile(StructType struct, BoundPredicate p) {
    Accessor accessor = Accessor.find(struct, p.fieldId());
    if (accessor == null) {
      throw new IllegalArgumentException("predicate " + p + " refers to field id " + p.fieldId() + " that rows of " + struct + " do not have");
    }
    Predicate<Object> test = test(p);
    return row -> test.test(accessor.get(row));
  }

  private static Predicate<Object> test(BoundPredicate p) {
    Comparator<Object> cmp = p.field().type().isPrimitive() ? Comparators.forType(p.field().type()) : null;
    return switch (p.op()) {
      case IS_NULL -> v -> v == null;
      case NOT_NULL -> v -> v != null;
      case IS_NAN -> RowEvaluator::isNaN;
      case NOT_NAN -> v -> !isNaN(v);
      case LT -> comparing(cmp, p.literal(), c -> c < 0);
      case LT_EQ -> comparing(cmp, p.literal(), c -> c <= 0);
      case GT -> comparing(cmp, p.literal(), c -> c > 0);
      case GT_EQ -> comparing(cmp, p.literal(), c -> c >= 0);
      case EQ -> comparing(cmp, p.literal(), c -> c == 0);
      case NOT_EQ -> comparing(cmp, p.literal(), c -> c == 0).negate();
      case IN -> in(cmp, p);
      case NOT_IN -> in(cmp, p).negate();
      case STARTS_WITH -> startsWith(p);
      case NOT_STARTS_WITH -> startsWith(p).negate();
    };
  }

  private interface IntTest {
    boolean test(int comparison);
  }

  private static Predicate<Object> comparing(Comparator<Object> cmp, Object literal, IntTest result) {
    return v -> v != null && !isNaN(v) && result.test(cmp.compare(v, literal));
  }

  private static Predicate<Object> in(Comparator<Object> cmp, BoundPredicate p) {
    Set<Object> set = new TreeSet<>(cmp);
    set.addAll(p.literals());
    return v -> v != null && !isNaN(v) && set.contains(v);
  }

  private static Predicate<Object> startsWith(BoundPredicate p) {
    String prefix = p.literal().toString();
    return v -> v != null && v.toString().startsWith(prefix);
  }

  static boolean isNaN(Object v) {
    return (v instanceof Double d && d.isNaN()) || (v instanceof Float f && f.isNaN());
  }
}
