package io.floe.types;

import java.nio.ByteBuffer;

/** Copies out of {@link ByteBuffer}s that leave the source buffer's position, limit and contents untouched. */
public final class ByteBuffers {
  private ByteBuffers() {
  }

  /** A new array holding the buffer's remaining bytes (from its position to its limit). */
  public static byte[] toByteArray(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** A new heap buffer, positioned at 0, holding a copy of the buffer's remaining bytes. */
  public static ByteBuffer copy(ByteBuffer buffer) {
    return ByteBuffer.wrap(toByteArray(buffer));
  }
}
