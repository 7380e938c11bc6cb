package io.floe.expressions;

import java.util.Arrays;
import java.util.List;

/** Factory methods for filter expressions, e.g. {@code and(equal("region", "EU"), greaterThan("ts", t))}. */
public final class Expressions {
  private static final Expression TRUE = new Expression.True();
  private static final Expression FALSE = new Expression.False();

  private Expressions() {
  }

  public static Expression alwaysTrue() {
    return TRUE;
  }

  public static Expression alwaysFalse() {
    return FALSE;
  }

  public static Expression and(Expression left, Expression right) {
    if (left instanceof Expression.False || right instanceof Expression.False) {
      return FALSE;
    }
    if (left instanceof Expression.True) {
      return right;
    }
    if (right instanceof Expression.True) {
      return left;
    }
    return new And(left, right);
  }

  public static Expression and(Expression first, Expression... rest) {
    Expression result = first;
    for (Expression e : rest) {
      result = and(result, e);
    }
    return result;
  }

  public static Expression or(Expression left, Expression right) {
    if (left instanceof Expression.True || right instanceof Expression.True) {
      return TRUE;
    }
    if (left instanceof Expression.False) {
      return right;
    }
    if (right instanceof Expression.False) {
      return left;
    }
    return new Or(left, right);
  }

  public static Expression not(Expression child) {
    if (child instanceof Expression.True) {
      return FALSE;
    }
    if (child instanceof Expression.False) {
      return TRUE;
    }
    if (child instanceof Not n) {
      return n.child();
    }
    return new Not(child);
  }

  public static Expression isNull(String column) {
    return new UnboundPredicate(Operation.IS_NULL, column, List.of());
  }

  public static Expression notNull(String column) {
    return new UnboundPredicate(Operation.NOT_NULL, column, List.of());
  }

  public static Expression isNaN(String column) {
    return new UnboundPredicate(Operation.IS_NAN, column, List.of());
  }

  public static Expression notNaN(String column) {
    return new UnboundPredicate(Operation.NOT_NAN, column, List.of());
  }

  public static Expression lessThan(String column, Object value) {
    return predicate(Operation.LT, column, value);
  }

  public static Expression lessThanOrEqual(String column, Object value) {
    return predicate(Operation.LT_EQ, column, value);
  }

  public static Expression greaterThan(String column, Object value) {
    return predicate(Operation.GT, column, value);
  }

  public static Expression greaterThanOrEqual(String column, Object value) {
    return predicate(Operation.GT_EQ, column, value);
  }

  public static Expression equal(String column, Object value) {
    return predicate(Operation.EQ, column, value);
  }

  public static Expression notEqual(String column, Object value) {
    return predicate(Operation.NOT_EQ, column, value);
  }

  public static Expression in(String column, Object... values) {
    return in(column, Arrays.asList(values));
  }

  public static Expression in(String column, List<?> values) {
    if (values.isEmpty()) {
      return FALSE;
    }
    return new UnboundPredicate(Operation.IN, column, List.copyOf(values));
  }

  public static Expression notIn(String column, Object... values) {
    if (values.length == 0) {
      return TRUE;
    }
    return new UnboundPredicate(Operation.NOT_IN, column, List.of(values));
  }

  public static Expression startsWith(String column, String prefix) {
    return predicate(Operation.STARTS_WITH, column, prefix);
  }

  public static Expression notStartsWith(String column, String prefix) {
    return predicate(Operation.NOT_STARTS_WITH, column, prefix);
  }

  private static Expression predicate(Operation op, String column, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("a null literal is not allowed in '" + op + "' on column '" + column + "'; use isNull/notNull");
    }
    return new UnboundPredicate(op, column, List.of(value));
  }
}
