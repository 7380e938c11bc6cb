package io.floe.manifest;

import io.floe.types.ByteBuffers;
import io.floe.types.Decimals;
import io.floe.types.PrimitiveType;
import io.floe.types.Type;
import io.floe.types.Uuids;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;

/** Converts partition values between Floe's internal values (see {@link Type}) and Avro's generic values. */
final class PartitionValues {
  private PartitionValues() {
  }

  /**
   * The Avro value of an internal partition value for a field of this type whose Avro type is {@code avroType}
   * (without the null branch). {@code field} names the partition field in errors.
   */
  static Object toAvro(Type type, Object value, Schema avroType, String field) {
    if (value == null) {
      return null;
    }
    PrimitiveType p = type.asPrimitive();
    switch (p.typeId()) {
      case BOOLEAN:
        return expect(value, Boolean.class, p, field);
      case INT:
      case DATE:
        return expect(value, Integer.class, p, field);
      case LONG:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMPTZ:
        return expect(value, Long.class, p, field);
      case FLOAT:
        return expect(value, Float.class, p, field);
      case DOUBLE:
        return expect(value, Double.class, p, field);
      case STRING:
        return expect(value, CharSequence.class, p, field).toString();
      case BINARY:
        return expect(value, ByteBuffer.class, p, field).duplicate();
      case UUID:
        return new GenericData.Fixed(avroType, Uuids.toBytes(expect(value, UUID.class, p, field)));
      case FIXED: {
        byte[] bytes = ByteBuffers.toByteArray(expect(value, ByteBuffer.class, p, field));
        if (bytes.length != p.length()) {
          throw new IllegalArgumentException("partition value of field '" + field + "' has " + bytes.length
              + " bytes but its type is " + p);
        }
        return new GenericData.Fixed(avroType, bytes);
      }
      case DECIMAL: {
        BigDecimal decimal = expect(value, BigDecimal.class, p, field);
        if (decimal.scale() != p.scale()) {
          throw new IllegalArgumentException("partition value " + decimal + " of field '" + field
              + "' has scale " + decimal.scale() + " but its type is " + p);
        }
        return new GenericData.Fixed(avroType, fixedLengthBytes(decimal, avroType.getFixedSize(), field));
      }
      default:
        throw new UnsupportedOperationException("not supported: partition values of type " + p);
    }
  }

  /** The internal value of an Avro partition value read for a field of this type. */
  static Object fromAvro(Type type, Object value) {
    if (value == null) {
      return null;
    }
    PrimitiveType p = type.asPrimitive();
    switch (p.typeId()) {
      case BOOLEAN:
        return (Boolean) value;
      case INT:
      case DATE:
        return ((Number) value).intValue();
      case LONG:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMPTZ:
        return ((Number) value).longValue();
      case FLOAT:
        return ((Number) value).floatValue();
      case DOUBLE:
        return ((Number) value).doubleValue();
      case STRING:
        return value.toString();
      case BINARY:
      case FIXED:
        return ByteBuffer.wrap(avroBytes(value));
      case UUID: {
        if (value instanceof CharSequence s) {
          return UUID.fromString(s.toString());
        }
        return Uuids.fromBytes(ByteBuffer.wrap(avroBytes(value)));
      }
      case DECIMAL:
        return new BigDecimal(new BigInteger(avroBytes(value)), p.scale()).setScale(p.scale(), RoundingMode.UNNECESSARY);
      default:
        throw new UnsupportedOperationException("not supported: partition values of type " + p);
    }
  }

  private static byte[] avroBytes(Object value) {
    if (value instanceof GenericFixed f) {
      return f.bytes().clone();
    }
    if (value instanceof ByteBuffer b) {
      return ByteBuffers.toByteArray(b);
    }
    if (value instanceof byte[] b) {
      return b.clone();
    }
    throw new IllegalArgumentException("expected bytes but found " + value.getClass().getName());
  }

  private static byte[] fixedLengthBytes(BigDecimal value, int size, String field) {
    try {
      return Decimals.fixedLengthBytes(value, size);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("partition value " + value + " of field '" + field
          + "' does not fit in " + size + " bytes", e);
    }
  }

  private static <T> T expect(Object value, Class<T> javaClass, PrimitiveType type, String field) {
    if (!javaClass.isInstance(value)) {
      throw new IllegalArgumentException("partition value of field '" + field + "' (type " + type + ") must be a "
          + javaClass.getSimpleName() + " but is a " + value.getClass().getSimpleName() + ": " + value);
    }
    return javaClass.cast(value);
  }
}
