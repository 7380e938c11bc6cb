package io.floe.types;

import java.util.List;

/** A struct: an ordered list of fields with unique names. */
public record StructType(List<NestedField> fields) implements Type {
  public StructType {
    fields = List.copyOf(fields);
    java.util.Set<String> names = new java.util.HashSet<>();
    for (NestedField f : fields) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("duplicate field name in struct: " + f.name());
      }
    }
  }

  @Override
  public TypeId typeId() {
    return TypeId.STRUCT;
  }

  /** The field with this name directly in this struct, or null. */
  public NestedField field(String name) {
    for (NestedField f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** The field with this id directly in this struct, or null. */
  public NestedField field(int id) {
    for (NestedField f : fields) {
      if (f.id() == id) {
        return f;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "struct<" + String.join(", ", fields.stream().map(NestedField::toString).toList()) + ">";
  }
}
