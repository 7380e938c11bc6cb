package io.floe.parquet;

import io.floe.types.PrimitiveType;
import io.floe.types.Uuids;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.io.api.Binary;

/** Conversions between Parquet physical values (as found in statistics) and internal values. */
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
      case UUID -> Uuids.fromBytes(((Binary) physical).toByteBuffer());
      case DECIMAL -> {
        BigInteger unscaled = physical instanceof Binary b
            ? new BigInteger(b.getBytes())
            : BigInteger.valueOf(((Number) physical).longValue());
        yield new BigDecimal(unscaled, type.scale());
      }
      default -> throw new UnsupportedOperationException("not supported: Parquet value of " + type);
    };
  }

  /** UTF-8 bytes of a string value. */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
