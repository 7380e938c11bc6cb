package io.floe.types;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * The 16-byte big-endian form of a UUID (most significant half first), shared by the spec's single-value
 * serialization, Parquet's UUID logical type, Avro's {@code fixed[16]} uuid and Arrow's {@code FixedSizeBinary(16)}.
 */
public final class Uuids {
  private static final int LENGTH = 16;

  private Uuids() {
  }

  /** The UUID's 16 big-endian bytes, in a new array. */
  public static byte[] toBytes(UUID uuid) {
    return ByteBuffer.allocate(LENGTH).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
        .array();
  }

  /**
   * The UUID whose big-endian bytes are the buffer's remaining bytes, read without moving the buffer's position;
   * IllegalArgumentException unless exactly 16 bytes remain.
   */
  public static UUID fromBytes(ByteBuffer bytes) {
    if (bytes.remaining() != LENGTH) {
      throw new IllegalArgumentException("a uuid has " + LENGTH + " bytes, not " + bytes.remaining());
    }
    // a duplicate, so that the halves read big-endian whatever byte order the caller's buffer has
    ByteBuffer be = bytes.duplicate().order(ByteOrder.BIG_ENDIAN);
    return new UUID(be.getLong(be.position()), be.getLong(be.position() + 8));
  }
}
