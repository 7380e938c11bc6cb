package io.floe.expressions;

/**
 * A boolean filter over table rows: constants, AND/OR/NOT and predicates. Build with {@link Expressions}.
 * Column references start unbound (by name) and are bound to a schema's field ids by {@link Binder}.
 */
public sealed interface Expression permits Expression.True, Expression.False, And, Or, Not, UnboundPredicate, BoundPredicate {

  /** Always true. */
  record True() implements Expression {
    @Override
    public String toString() {
      return "true";
    }
  }

  /** Always false. */
  record False() implements Expression {
    @Override
    public String toString() {
      return "false";
    }
  }
}
