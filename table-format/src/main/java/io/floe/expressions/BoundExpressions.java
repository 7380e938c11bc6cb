package io.floe.expressions;

import java.util.function.Predicate;

/** Evaluation of a bound, NOT-free expression given the result of each predicate. */
final class BoundExpressions {
  private BoundExpressions() {
  }

  static boolean eval(Expression expr, Predicate<BoundPredicate> predicate) {
    if (expr instanceof Expression.True) {
      return true;
    } else if (expr instanceof Expression.False) {
      return false;
    } else if (expr instanceof And a) {
      return eval(a.left(), predicate) && eval(a.right(), predicate);
    } else if (expr instanceof Or o) {
      return eval(o.left(), predicate) || eval(o.right(), predicate);
    } else if (expr instanceof BoundPredicate p) {
      return predicate.test(p);
    } else if (expr instanceof UnboundPredicate p) {
      throw new IllegalArgumentException("predicate " + p + " is not bound; bind the filter with Binder.bind first");
    }
    throw new IllegalStateException("NOT should have been rewritten away: " + expr);
  }
}
