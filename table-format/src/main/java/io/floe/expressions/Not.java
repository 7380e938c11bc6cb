package io.floe.expressions;

/** The child does not hold. */
public record Not(Expression child) implements Expression {
  @Override
  public String toString() {
    return "not(" + child + ")";
  }
}
