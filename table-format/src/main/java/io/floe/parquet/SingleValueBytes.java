package io.floe.parquet;

import io.floe.types.PrimitiveType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Minimal encoder of the Iceberg spec's single-value binary serialization (Appendix D), used for the lower and
 * upper bounds of {@link io.floe.data.Metrics}: little-endian numbers, UTF-8 strings, big-endian UUIDs,
 * decimals as big-endian two's complement of the unscaled value in the fewest bytes, raw bytes for fixed/binary.
 * Kept package-private; it duplicates the shared serializer on purpose until the two are folded together.
 */
final class SingleValueBytes {
  private SingleValueBytes() {
  }

  /** The serialized form of an internal value (see {@link io.floe.types.Type}) of a primitive type. */
  static ByteBuffer toBytes(PrimitiveType type, Object value) {
    return switch (type.typeId()) {
      case BOOLEAN -> ByteBuffer.wrap(new byte[] {(byte) (((Boolean) value) ? 1 : 0)});
      case INT, DATE -> ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, (Integer) value);
      case LONG, TIME, TIMESTAMP, TIMESTAMPTZ ->
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, (Long) value);
      case FLOAT -> ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, (Float) value);
      case DOUBLE -> ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0, (Double) value);
      case STRING -> ByteBuffer.wrap(((String) value).getBytes(StandardCharsets.UTF_8));
      case UUID -> {
        UUID uuid = (UUID) value;
        yield ByteBuffer.allocate(16).putLong(0, uuid.getMostSignificantBits()).putLong(8, uuid.getLeastSignificantBits());
      }
      case FIXED, BINARY -> ((ByteBuffer) value).duplicate();
      case DECIMAL -> ByteBuffer.wrap(((BigDecimal) value).unscaledValue().toByteArray());
      default -> throw new UnsupportedOperationException("not supported: single-value serialization of " + type);
    };
  }
}
