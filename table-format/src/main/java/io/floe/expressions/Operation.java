package io.floe.expressions;

/** Predicate operations. */
public enum Operation {
  IS_NULL, NOT_NULL, IS_NAN, NOT_NAN, LT, LT_EQ, GT, GT_EQ, EQ, NOT_EQ, IN, NOT_IN, STARTS_WITH, NOT_STARTS_WITH;

  /** The operation that holds exactly when this one does not. */
  public Operation negate() {
    return switch (this) {
      case IS_NULL -> NOT_NULL;
      case NOT_NULL -> IS_NULL;
      case IS_NAN -> NOT_NAN;
      case NOT_NAN -> IS_NAN;
      case LT -> GT_EQ;
      case LT_EQ -> GT;
      case GT -> LT_EQ;
      case GT_EQ -> LT;
      case EQ -> NOT_EQ;
      case NOT_EQ -> EQ;
      case IN -> NOT_IN;
      case NOT_IN -> IN;
      case STARTS_WITH -> NOT_STARTS_WITH;
      case NOT_STARTS_WITH -> STARTS_WITH;
    };
  }

  public boolean isUnary() {
    return this == IS_NULL || this == NOT_NULL || this == IS_NAN || this == NOT_NAN;
  }

  public boolean isSet() {
    return this == IN || this == NOT_IN;
  }
}
