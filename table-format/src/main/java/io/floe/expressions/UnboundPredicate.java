package io.floe.expressions;

import java.util.List;

/**
 * A predicate on a column named by its (dotted) name, with literals as the user gave them (Java values:
 * Integer, Long, String, BigDecimal, LocalDate, LocalDateTime, Instant, OffsetDateTime, UUID, byte[] ...).
 */
public record UnboundPredicate(Operation op, String column, List<Object> literals) implements Expression {
  public UnboundPredicate {
    literals = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(literals));
  }

  @Override
  public String toString() {
    return Predicates.describe(op, column, literals);
  }
}
