package io.floe.types;

/** A named field with a unique field id, in a struct (or the implicit field of a list element / map key or value). */
public record NestedField(int id, String name, Type type, boolean required, String doc) {
  public NestedField {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("field " + id + " has no name");
    }
    if (type == null) {
      throw new IllegalArgumentException("field '" + name + "' has no type");
    }
  }

  public static NestedField required(int id, String name, Type type) {
    return new NestedField(id, name, type, true, null);
  }

  public static NestedField optional(int id, String name, Type type) {
    return new NestedField(id, name, type, false, null);
  }

  public boolean isOptional() {
    return !required;
  }

  public NestedField withType(Type newType) {
    return new NestedField(id, name, newType, required, doc);
  }

  @Override
  public String toString() {
    return id + ": " + name + ": " + (required ? "required " : "optional ") + type + (doc == null ? "" : " (" + doc + ")");
  }
}
