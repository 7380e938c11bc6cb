package io.floe.types;

/** A map; keys are always required. */
public record MapType(int keyId, Type keyType, int valueId, Type valueType, boolean valueRequired) implements Type {
  @Override
  public TypeId typeId() {
    return TypeId.MAP;
  }

  public NestedField keyField() {
    return new NestedField(keyId, "key", keyType, true, null);
  }

  public NestedField valueField() {
    return new NestedField(valueId, "value", valueType, valueRequired, null);
  }

  @Override
  public String toString() {
    return "map<" + keyType + ", " + valueType + ">";
  }
}
