package io.floe.expressions;

/** Both sides hold. */
public record And(Expression left, Expression right) implements Expression {
  @Override
  public String toString() {
    return "(" + left + " and " + right + ")";
  }
}
