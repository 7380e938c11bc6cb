package io.floe.types;

/** A list whose elements have field id {@code elementId}. */
public record ListType(int elementId, Type elementType, boolean elementRequired) implements Type {
  @Override
  public TypeId typeId() {
    return TypeId.LIST;
  }

  /** The implicit element field, named "element" as in the spec. */
  public NestedField elementField() {
    return new NestedField(elementId, "element", elementType, elementRequired, null);
  }

  @Override
  public String toString() {
    return "list<" + elementType + ">";
  }
}
