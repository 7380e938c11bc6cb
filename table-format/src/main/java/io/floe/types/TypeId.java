package io.floe.types;

/** The type kinds of the Iceberg v2 spec. */
public enum TypeId {
  BOOLEAN, INT, LONG, FLOAT, DOUBLE, DECIMAL, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, STRING, UUID, FIXED, BINARY,
  STRUCT, LIST, MAP;

  public boolean isPrimitive() {
    return this != STRUCT && this != LIST && this != MAP;
  }
}
