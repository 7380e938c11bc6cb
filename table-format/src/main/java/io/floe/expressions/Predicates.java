package io.floe.expressions;

import java.util.List;

/** Text forms of predicates. */
final class Predicates {
  private Predicates() {
  }

  static String describe(Operation op, String column, List<Object> literals) {
    return switch (op) {
      case IS_NULL -> column + " is null";
      case NOT_NULL -> column + " is not null";
      case IS_NAN -> "is_nan(" + column + ")";
      case NOT_NAN -> "not_nan(" + column + ")";
      case LT -> column + " < " + literals.get(0);
      case LT_EQ -> column + " <= " + literals.get(0);
      case GT -> column + " > " + literals.get(0);
      case GT_EQ -> column + " >= " + literals.get(0);
      case EQ -> column + " == " + literals.get(0);
      case NOT_EQ -> column + " != " + literals.get(0);
      case IN -> column + " in " + literals;
      case NOT_IN -> column + " not in " + literals;
      case STARTS_WITH -> column + " starts with '" + literals.get(0) + "'";
      case NOT_STARTS_WITH -> column + " not starts with '" + literals.get(0) + "'";
    };
  }
}
