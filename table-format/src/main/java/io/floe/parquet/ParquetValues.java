package io.floe.parquet;

import io.floe.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;

/** Conversions of Parquet physical values (as found in statistics) to internal values, and their ordering. */
final class ParquetValues {
  private ParquetValues() {
  }

  /**
   * The internal value of {@code type} for a Parquet physical value: Integer, Long, Float, Double, Boolean or
   * {@link Binary}. Widens int to long and float to double when the file holds the narrower type.
   */
  static Object fromParquet(PrimitiveType type, Object physical) {
    return switch (type.typeId()) {
      case BOOLEAN -> (Boolean) physical;
      case INT, DATE -> ((Number) physical).intValue();
      case LONG, TIME, TIMESTAMP, TIMESTAMPTZ -> ((Number) physical).longValue();
      case FLOAT -> ((Number) physical).floatValue();
      case DOUBLE -> ((Number) physical).doubleValue();
      case STRING -> ((Binary) physical).toStringUsingUTF8();
      case BINARY, FIXED -> ByteBuffer.wrap(((Binary) physical).getBytes());
      case UUID -> {
        ByteBuffer bytes = ((Binary) physical).toByteBuffer();
        yield new UUID(bytes.getLong(bytes.position()), bytes.getLong(bytes.position() + 8));
      }
      case DECIMAL -> {
        BigInteger unscaled = physical instanceof Binary b
            ? new BigInteger(b.getBytes())
            : BigInteger.valueOf(((Number) physical).longValue());
        yield new BigDecimal(unscaled, type.scale());
      }
      default -> throw new UnsupportedOperationException("not supported: Parquet value of " + type);
    };
  }

  /** Orders internal values of a primitive type as the Iceberg spec does (unsigned bytes, code points). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(PrimitiveType type, Object a, Object b) {
    return switch (type.typeId()) {
      case FLOAT -> Float.compare((Float) a, (Float) b);
      case DOUBLE -> Double.compare((Double) a, (Double) b);
      case STRING -> compareCodePoints((String) a, (String) b);
      case UUID -> compareUuids((UUID) a, (UUID) b);
      case FIXED, BINARY -> compareUnsigned((ByteBuffer) a, (ByteBuffer) b);
      default -> ((Comparable) a).compareTo(b);
    };
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  static int compareUuids(UUID a, UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  static int compareUnsigned(ByteBuffer a, ByteBuffer b) {
    int n = Math.min(a.remaining(), b.remaining());
    for (int k = 0; k < n; k++) {
      int c = Integer.compare(a.get(a.position() + k) & 0xFF, b.get(b.position() + k) & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.remaining(), b.remaining());
  }

  /** UTF-8 bytes of a string value. */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
