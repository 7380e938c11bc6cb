package io.floe.expressions;

import io.floe.types.NestedField;
import java.util.List;

/** A predicate bound to a field of a schema, with literals converted to the field type's internal values. */
public record BoundPredicate(Operation op, NestedField field, List<Object> literals) implements Expression {
  public BoundPredicate {
    literals = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(literals));
  }

  public int fieldId() {
    return field.id();
  }

  /** The single literal of a comparison. */
  public Object literal() {
    return literals.get(0);
  }

  @Override
  public String toString() {
    return Predicates.describe(op, field.name(), literals);
  }
}
