package io.floe.manifest;

import io.floe.types.PrimitiveType;
import io.floe.types.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The spec's single-value binary serialization (Appendix D) of partition values, for the bounds of manifest-list
 * partition summaries: int/date 4 bytes and long/time/timestamp 8 bytes little-endian, float/double IEEE 754
 * little-endian, boolean one byte, string UTF-8, uuid 16 bytes big-endian, fixed/binary as is, decimal the unscaled
 * value's minimal big-endian two's complement.
 */
final class PartitionSingleValueEncoder {
  private PartitionSingleValueEncoder() {
  }

  static ByteBuffer encode(Type type, Object value) {
    PrimitiveType p = type.asPrimitive();
    switch (p.typeId()) {
      case BOOLEAN:
        return ByteBuffer.wrap(new byte[] {(byte) (((Boolean) value) ? 1 : 0)});
      case INT:
      case DATE:
        return little(4).putInt(0, (Integer) value);
      case LONG:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMPTZ:
        return little(8).putLong(0, (Long) value);
      case FLOAT:
        return little(4).putFloat(0, (Float) value);
      case DOUBLE:
        return little(8).putDouble(0, (Double) value);
      case STRING:
        return ByteBuffer.wrap(value.toString().getBytes(StandardCharsets.UTF_8));
      case UUID:
        return ByteBuffer.wrap(PartitionValues.uuidBytes((UUID) value));
      case FIXED:
      case BINARY:
        return ByteBuffer.wrap(PartitionValues.bytes((ByteBuffer) value));
      case DECIMAL:
        return ByteBuffer.wrap(((BigDecimal) value).unscaledValue().toByteArray());
      default:
        throw new UnsupportedOperationException("not supported: single-value encoding of type " + p);
    }
  }

  private static ByteBuffer little(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
