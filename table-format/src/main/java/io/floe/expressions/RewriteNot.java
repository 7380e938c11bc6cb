package io.floe.expressions;

/**
 * Removes NOT from an expression by negating what it applies to: {@code not(a < 5)} becomes {@code a >= 5}
 * and De Morgan's laws push NOT through AND and OR. Evaluators and projections work on the result.
 */
public final class RewriteNot {
  private RewriteNot() {
  }

  /** The expression without any {@link Not}. */
  public static Expression rewrite(Expression expr) {
    if (expr instanceof And a) {
      return Expressions.and(rewrite(a.left()), rewrite(a.right()));
    } else if (expr instanceof Or o) {
      return Expressions.or(rewrite(o.left()), rewrite(o.right()));
    } else if (expr instanceof Not n) {
      return negate(n.child());
    }
    return expr;
  }

  /** The expression that holds exactly when {@code expr} does not, without any {@link Not}. */
  public static Expression negate(Expression expr) {
    if (expr instanceof Expression.True) {
      return Expressions.alwaysFalse();
    } else if (expr instanceof Expression.False) {
      return Expressions.alwaysTrue();
    } else if (expr instanceof And a) {
      return Expressions.or(negate(a.left()), negate(a.right()));
    } else if (expr instanceof Or o) {
      return Expressions.and(negate(o.left()), negate(o.right()));
    } else if (expr instanceof Not n) {
      return rewrite(n.child());
    } else if (expr instanceof BoundPredicate p) {
      return new BoundPredicate(p.op().negate(), p.field(), p.literals());
    } else if (expr instanceof UnboundPredicate p) {
      return new UnboundPredicate(p.op().negate(), p.column(), p.literals());
    }
    throw new IllegalStateException("unknown expression: " + expr);
  }
}
