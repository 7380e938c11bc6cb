package io.floe.types;

import java.util.List;

/** Constants and factories for {@link Type}s. */
public final class Types {
  public static final PrimitiveType BOOLEAN = simple(TypeId.BOOLEAN);
  public static final PrimitiveType INT = simple(TypeId.INT);
  public static final PrimitiveType LONG = simple(TypeId.LONG);
  public static final PrimitiveType FLOAT = simple(TypeId.FLOAT);
  public static final PrimitiveType DOUBLE = simple(TypeId.DOUBLE);
  public static final PrimitiveType DATE = simple(TypeId.DATE);
  public static final PrimitiveType TIME = simple(TypeId.TIME);
  public static final PrimitiveType TIMESTAMP = simple(TypeId.TIMESTAMP);
  public static final PrimitiveType TIMESTAMPTZ = simple(TypeId.TIMESTAMPTZ);
  public static final PrimitiveType STRING = simple(TypeId.STRING);
  public static final PrimitiveType UUID = simple(TypeId.UUID);
  public static final PrimitiveType BINARY = simple(TypeId.BINARY);

  private Types() {
  }

  private static PrimitiveType simple(TypeId id) {
    return new PrimitiveType(id, 0, 0, 0);
  }

  public static PrimitiveType decimal(int precision, int scale) {
    return new PrimitiveType(TypeId.DECIMAL, precision, scale, 0);
  }

  public static PrimitiveType fixed(int length) {
    return new PrimitiveType(TypeId.FIXED, 0, 0, length);
  }

  public static StructType struct(NestedField... fields) {
    return new StructType(List.of(fields));
  }

  public static StructType struct(List<NestedField> fields) {
    return new StructType(fields);
  }

  public static ListType list(int elementId, Type elementType, boolean elementRequired) {
    return new ListType(elementId, elementType, elementRequired);
  }

  public static MapType map(int keyId, Type keyType, int valueId, Type valueType, boolean valueRequired) {
    return new MapType(keyId, keyType, valueId, valueType, valueRequired);
  }
}
