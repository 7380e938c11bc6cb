package io.floe.data;

import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.Uuids;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Converts user Java values to the internal values of a {@link Type} (see {@link Type} for the internal forms).
 * Internal values are accepted as they are. Conversions never lose information: a number that does not fit
 * exactly (a decimal needing rounding, a long outside the int range, a double that is not exactly a float) is
 * rejected with an IllegalArgumentException naming the expected type and the value's class.
 */
public final class Values {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MAX_EXACT_DOUBLE = 1L << 53;
  private static final long MAX_EXACT_FLOAT = 1L << 24;

  private Values() {
  }

  /** A new record of {@code struct} with every field of {@code row} converted; required fields must be set. */
  public static GenericRecord toInternal(StructType struct, Record row) {
    return convertStruct(struct, row, "");
  }

  /**
   * The internal value of {@code value} for {@code type}; null stays null. Accepted besides internal values:
   * Byte/Short/Long (in range) for int; Byte/Short/Integer for long; Float or an exactly representable Double for
   * float; Float, and integers up to 2^53, for double; BigDecimal, BigInteger, Long, Integer, Short, Byte for
   * decimal when they fit the scale and precision without rounding; LocalDate for date; LocalTime for time;
   * LocalDateTime for timestamp; Instant, OffsetDateTime, ZonedDateTime for timestamptz; any CharSequence for
   * string; UUID, its text form or 16 bytes for uuid; byte[] for fixed and binary; Records, Lists and Maps for
   * nested types, converted recursively.
   */
  public static Object toInternal(Type type, Object value) {
    return convert(type, value, "");
  }

  private static Object convert(Type type, Object value, String path) {
    if (value == null) {
      return null;
    }
    if (type instanceof StructType s) {
      if (!(value instanceof Record r)) {
        throw mismatch(type, value, path, "a Record");
      }
      return convertStruct(s, r, path);
    } else if (type instanceof ListType l) {
      return convertList(l, value, path);
    } else if (type instanceof MapType m) {
      return convertMap(m, value, path);
    }
    return convertPrimitive(type.asPrimitive(), value, path);
  }

  private static GenericRecord convertStruct(StructType struct, Record row, String path) {
    if (row.size() != struct.fields().size()) {
      throw new IllegalArgumentException(where(path) + "expected a record of " + struct.fields().size()
          + " fields " + struct + " but got one of " + row.size() + " fields " + row.struct());
    }
    GenericRecord out = new GenericRecord(struct);
    for (int i = 0; i < struct.fields().size(); i++) {
      NestedField field = struct.fields().get(i);
      String name = path + field.name();
      Object converted = convert(field.type(), row.get(i), name + ".");
      if (converted == null && field.required()) {
        throw new IllegalArgumentException("required field '" + name + "' is null");
      }
      out.set(i, converted);
    }
    return out;
  }

  private static List<Object> convertList(ListType type, Object value, String path) {
    if (!(value instanceof Collection<?> c)) {
      throw mismatch(type, value, path, "a List");
    }
    List<Object> out = new ArrayList<>(c.size());
    for (Object element : c) {
      if (element == null && type.elementRequired()) {
        throw new IllegalArgumentException("required list element '" + path + "element' is null");
      }
      out.add(convert(type.elementType(), element, path + "element."));
    }
    return out;
  }

  private static Map<Object, Object> convertMap(MapType type, Object value, String path) {
    if (!(value instanceof Map<?, ?> m)) {
      throw mismatch(type, value, path, "a Map");
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (e.getKey() == null) {
        throw new IllegalArgumentException("map key '" + path + "key' is null; map keys are required");
      }
      if (e.getValue() == null && type.valueRequired()) {
        throw new IllegalArgumentException("required map value '" + path + "value' is null for key " + e.getKey());
      }
      out.put(convert(type.keyType(), e.getKey(), path + "key."), convert(type.valueType(), e.getValue(), path + "value."));
    }
    return out;
  }

  private static Object convertPrimitive(PrimitiveType type, Object v, String path) {
    return switch (type.typeId()) {
      case BOOLEAN -> {
        if (v instanceof Boolean) {
          yield v;
        }
        throw mismatch(type, v, path, "Boolean");
      }
      case INT -> toInt(type, v, path);
      case LONG -> {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
          yield ((Number) v).longValue();
        }
        throw mismatch(type, v, path, "Long, Integer, Short or Byte");
      }
      case FLOAT -> toFloat(type, v, path);
      case DOUBLE -> toDouble(type, v, path);
      case DECIMAL -> toDecimal(type, v, path);
      case DATE -> {
        if (v instanceof Integer) {
          yield v;
        } else if (v instanceof LocalDate d) {
          yield Math.toIntExact(d.toEpochDay());
        }
        throw mismatch(type, v, path, "LocalDate or Integer days from 1970-01-01");
      }
      case TIME -> {
        if (v instanceof Long) {
          yield v;
        } else if (v instanceof LocalTime t) {
          yield t.toNanoOfDay() / 1000;
        }
        throw mismatch(type, v, path, "LocalTime or Long microseconds from midnight");
      }
      case TIMESTAMP -> {
        if (v instanceof Long) {
          yield v;
        } else if (v instanceof LocalDateTime t) {
          yield micros(t.toInstant(ZoneOffset.UTC), type, path);
        } else if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime) {
          throw new IllegalArgumentException(where(path) + "expected a timestamp (without time zone) value as LocalDateTime"
              + " but got " + v.getClass().getName() + " " + v + ": an instant belongs in a timestamptz column;"
              + " convert it to a LocalDateTime in the zone you mean");
        }
        throw mismatch(type, v, path, "LocalDateTime or Long microseconds from 1970-01-01T00:00");
      }
      case TIMESTAMPTZ -> {
        if (v instanceof Long) {
          yield v;
        } else if (v instanceof Instant i) {
          yield micros(i, type, path);
        } else if (v instanceof OffsetDateTime t) {
          yield micros(t.toInstant(), type, path);
        } else if (v instanceof ZonedDateTime t) {
          yield micros(t.toInstant(), type, path);
        } else if (v instanceof LocalDateTime) {
          throw new IllegalArgumentException(where(path) + "expected a timestamptz value as Instant, OffsetDateTime or"
              + " ZonedDateTime but got " + v.getClass().getName() + " " + v + ": a local date-time has no time zone");
        }
        throw mismatch(type, v, path, "Instant, OffsetDateTime, ZonedDateTime or Long microseconds from the epoch");
      }
      case STRING -> {
        if (v instanceof CharSequence s) {
          yield s.toString();
        }
        throw mismatch(type, v, path, "String");
      }
      case UUID -> toUuid(type, v, path);
      case FIXED -> {
        ByteBuffer b = toBytes(type, v, path);
        if (b.remaining() != type.length()) {
          throw new IllegalArgumentException(where(path) + "expected " + type.length() + " bytes for " + type
              + " but got " + b.remaining());
        }
        yield b;
      }
      case BINARY -> toBytes(type, v, path);
      case STRUCT, LIST, MAP -> throw new IllegalStateException("not a primitive type: " + type);
    };
  }

  private static Object toInt(PrimitiveType type, Object v, String path) {
    if (v instanceof Integer) {
      return v;
    } else if (v instanceof Short || v instanceof Byte) {
      return ((Number) v).intValue();
    } else if (v instanceof Long l) {
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return l.intValue();
      }
      throw new IllegalArgumentException(where(path) + "long value " + l + " is outside the range of an int");
    }
    throw mismatch(type, v, path, "Integer, Short, Byte or a Long in the int range");
  }

  private static Object toFloat(PrimitiveType type, Object v, String path) {
    if (v instanceof Float) {
      return v;
    } else if (v instanceof Double d) {
      float f = d.floatValue();
      if ((double) f == d || d.isNaN()) {
        return f;
      }
      throw new IllegalArgumentException(where(path) + "double value " + d + " is not exactly representable as a float");
    } else if (isIntegral(v)) {
      long l = ((Number) v).longValue();
      if (Math.abs(l) <= MAX_EXACT_FLOAT) {
        return (float) l;
      }
      throw new IllegalArgumentException(where(path) + "integer value " + l + " is not exactly representable as a float");
    }
    throw mismatch(type, v, path, "Float");
  }

  private static Object toDouble(PrimitiveType type, Object v, String path) {
    if (v instanceof Double) {
      return v;
    } else if (v instanceof Float f) {
      return f.doubleValue();
    } else if (isIntegral(v)) {
      long l = ((Number) v).longValue();
      if (Math.abs(l) <= MAX_EXACT_DOUBLE) {
        return (double) l;
      }
      throw new IllegalArgumentException(where(path) + "integer value " + l + " is not exactly representable as a double");
    }
    throw mismatch(type, v, path, "Double or Float");
  }

  private static Object toDecimal(PrimitiveType type, Object v, String path) {
    BigDecimal d;
    if (v instanceof BigDecimal b) {
      d = b;
    } else if (v instanceof BigInteger b) {
      d = new BigDecimal(b);
    } else if (isIntegral(v)) {
      d = BigDecimal.valueOf(((Number) v).longValue());
    } else {
      throw mismatch(type, v, path, "BigDecimal, BigInteger, Long, Integer, Short or Byte");
    }
    BigDecimal scaled;
    try {
      scaled = d.setScale(type.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(where(path) + "decimal value " + d + " does not fit " + type + " without rounding", e);
    }
    if (scaled.precision() > type.precision()) {
      throw new IllegalArgumentException(where(path) + "decimal value " + d + " has more digits than " + type + " allows");
    }
    return scaled;
  }

  private static Object toUuid(PrimitiveType type, Object v, String path) {
    if (v instanceof UUID) {
      return v;
    } else if (v instanceof CharSequence s) {
      try {
        return UUID.fromString(s.toString());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where(path) + "'" + s + "' is not a valid uuid", e);
      }
    } else if (v instanceof byte[] || v instanceof ByteBuffer) {
      ByteBuffer b = toBytes(type, v, path);
      if (b.remaining() != 16) {
        throw new IllegalArgumentException(where(path) + "a uuid has 16 bytes, not " + b.remaining());
      }
      return Uuids.fromBytes(b);
    }
    throw mismatch(type, v, path, "UUID or its String form");
  }

  private static ByteBuffer toBytes(PrimitiveType type, Object v, String path) {
    if (v instanceof ByteBuffer b) {
      return b;
    } else if (v instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes.clone());
    }
    throw mismatch(type, v, path, "ByteBuffer or byte[]");
  }

  private static long micros(Instant instant, PrimitiveType type, String path) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(where(path) + instant + " is outside the range of a " + type, e);
    }
  }

  private static boolean isIntegral(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  private static IllegalArgumentException mismatch(Type type, Object v, String path, String accepted) {
    return new IllegalArgumentException(where(path) + "expected a " + type + " value (" + accepted + ") but got "
        + v.getClass().getName() + " " + v);
  }

  private static String where(String path) {
    return path.isEmpty() ? "" : "field '" + path.substring(0, path.length() - 1) + "': ";
  }
}
