package io.floe.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The spec's binary single-value serialization (Appendix D), used for column bounds and partition summaries:
 * booleans as one byte 0x00/0x01; int, date, float little-endian 4 bytes; long, time, timestamp(tz), double
 * little-endian 8 bytes; strings as UTF-8; uuids as 16 big-endian bytes; fixed and binary as they are; decimals as
 * the minimal big-endian two's-complement bytes of the unscaled value.
 */
public final class SingleValueSerialization {
  private SingleValueSerialization() {
  }

  /** Serializes an internal value of a primitive type into a new buffer positioned at 0. */
  public static ByteBuffer toBytes(Type type, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("cannot serialize a null " + type + " value");
    }
    try {
      return switch (type.typeId()) {
        case BOOLEAN -> ByteBuffer.wrap(new byte[] {(byte) (((Boolean) value) ? 1 : 0)});
        case INT, DATE -> littleEndian(4).putInt(0, (Integer) value);
        case LONG, TIME, TIMESTAMP, TIMESTAMPTZ -> littleEndian(8).putLong(0, (Long) value);
        case FLOAT -> littleEndian(4).putFloat(0, (Float) value);
        case DOUBLE -> littleEndian(8).putDouble(0, (Double) value);
        case DECIMAL -> ByteBuffer.wrap(unscaledBytes(type.asPrimitive(), (BigDecimal) value));
        case STRING -> ByteBuffer.wrap(value.toString().getBytes(StandardCharsets.UTF_8));
        case UUID -> ByteBuffer.wrap(Uuids.toBytes((UUID) value));
        case FIXED, BINARY -> ByteBuffers.copy((ByteBuffer) value);
        case STRUCT, LIST, MAP -> throw new IllegalArgumentException("values of nested type " + type + " have no single-value serialization");
      };
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("not an internal " + type + " value: " + value.getClass().getName() + " " + value, e);
    }
  }

  /** Reads a serialized value of a primitive type, without moving the buffer's position. */
  public static Object fromBytes(Type type, ByteBuffer bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("cannot read a " + type + " value from a null buffer");
    }
    ByteBuffer buf = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int n = buf.remaining();
    return switch (type.typeId()) {
      case BOOLEAN -> {
        requireLength(type, n, 1);
        yield buf.get(buf.position()) != 0;
      }
      case INT, DATE -> {
        requireLength(type, n, 4);
        yield buf.getInt(buf.position());
      }
      case LONG, TIME, TIMESTAMP, TIMESTAMPTZ -> {
        // a 4-byte value was written before the column was promoted from int (or date) to long
        if (n == 4) {
          yield (long) buf.getInt(buf.position());
        }
        requireLength(type, n, 8);
        yield buf.getLong(buf.position());
      }
      case FLOAT -> {
        requireLength(type, n, 4);
        yield buf.getFloat(buf.position());
      }
      case DOUBLE -> {
        // a 4-byte value was written before the column was promoted from float to double
        if (n == 4) {
          yield (double) buf.getFloat(buf.position());
        }
        requireLength(type, n, 8);
        yield buf.getDouble(buf.position());
      }
      case DECIMAL -> {
        if (n == 0) {
          throw new IllegalArgumentException("cannot read a " + type + " value from 0 bytes");
        }
        yield new BigDecimal(new BigInteger(ByteBuffers.toByteArray(buf)), type.asPrimitive().scale());
      }
      case STRING -> new String(ByteBuffers.toByteArray(buf), StandardCharsets.UTF_8);
      case UUID -> {
        requireLength(type, n, 16);
        yield Uuids.fromBytes(buf);
      }
      case FIXED -> {
        requireLength(type, n, type.asPrimitive().length());
        yield ByteBuffers.copy(buf);
      }
      case BINARY -> ByteBuffers.copy(buf);
      case STRUCT, LIST, MAP -> throw new IllegalArgumentException("values of nested type " + type + " have no single-value serialization");
    };
  }

  private static ByteBuffer littleEndian(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A decimal's serialization: the unscaled value's shortest big-endian two's complement bytes (type's scale). */
  public static byte[] unscaledBytes(PrimitiveType type, BigDecimal value) {
    if (value.scale() != type.scale()) {
      throw new IllegalArgumentException("decimal " + value + " has scale " + value.scale() + " but the type is " + type);
    }
    return value.unscaledValue().toByteArray();
  }

  private static void requireLength(Type type, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException("a serialized " + type + " value has " + expected + " bytes, not " + actual);
    }
  }
}
