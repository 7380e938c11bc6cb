package io.floe.expressions;

/** Either side holds. */
public record Or(Expression left, Expression right) implements Expression {
  @Override
  public String toString() {
    return "(" + left + " or " + right + ")";
  }
}
