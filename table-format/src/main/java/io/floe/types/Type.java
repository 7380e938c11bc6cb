package io.floe.types;

/**
 * A Floe column type, one of the Apache Iceberg v2 spec's types.
 *
 * <p>In-memory ("internal") values of each type, used everywhere in the table format:
 * boolean {@link Boolean}, int {@link Integer}, long {@link Long}, float {@link Float}, double {@link Double},
 * decimal {@link java.math.BigDecimal} (scale equal to the type's), date {@link Integer} days from 1970-01-01,
 * time {@link Long} microseconds from midnight, timestamp and timestamptz {@link Long} microseconds from the epoch
 * (UTC for timestamptz), string {@link String}, uuid {@link java.util.UUID}, fixed and binary
 * {@link java.nio.ByteBuffer}, struct {@link io.floe.data.Record}, list {@link java.util.List},
 * map {@link java.util.Map}. {@link io.floe.data.Values#toInternal} converts the usual Java types
 * (LocalDate, LocalDateTime, OffsetDateTime, byte[] ...) to these.
 */
public sealed interface Type permits PrimitiveType, StructType, ListType, MapType {
  TypeId typeId();

  default boolean isPrimitive() {
    return typeId().isPrimitive();
  }

  default boolean isNested() {
    return !isPrimitive();
  }

  default PrimitiveType asPrimitive() {
    if (this instanceof PrimitiveType p) {
      return p;
    }
    throw new IllegalStateException("not a primitive type: " + this);
  }

  default StructType asStruct() {
    if (this instanceof StructType s) {
      return s;
    }
    throw new IllegalStateException("not a struct type: " + this);
  }
}
