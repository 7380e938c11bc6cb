package io.floe.parquet;

import java.nio.ByteBuffer;

/**
 * Truncates string and binary bounds the way Iceberg's "truncate(n)" metrics mode does: a lower bound is cut to
 * its first n code points / bytes; an upper bound is cut and its last code point / byte incremented so it stays an
 * upper bound, walking left when the increment overflows, and is dropped (null) when no increment is possible.
 * Public so that tests elsewhere can build the bounds a Floe writer would record.
 */
public final class BoundTruncation {
  private static final int MIN_SURROGATE = 0xD800;
  private static final int MAX_SURROGATE = 0xDFFF;

  private BoundTruncation() {
  }

  public static String truncateStringMin(String value, int length) {
    if (value.codePointCount(0, value.length()) <= length) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, length));
  }

  /** The truncated upper bound, or null when none exists (every kept code point is the highest one). */
  public static String truncateStringMax(String value, int length) {
    if (value.codePointCount(0, value.length()) <= length) {
      return value;
    }
    String truncated = value.substring(0, value.offsetByCodePoints(0, length));
    for (int i = length - 1; i >= 0; i--) {
      int offset = truncated.offsetByCodePoints(0, i);
      int next = truncated.codePointAt(offset) + 1;
      if (next >= MIN_SURROGATE && next <= MAX_SURROGATE) {
        next = MAX_SURROGATE + 1;
      }
      if (Character.isValidCodePoint(next)) {
        return new StringBuilder(truncated.substring(0, offset)).appendCodePoint(next).toString();
      }
    }
    return null;
  }

  public static ByteBuffer truncateBinaryMin(ByteBuffer value, int length) {
    if (value.remaining() <= length) {
      return value;
    }
    ByteBuffer copy = value.duplicate();
    copy.limit(copy.position() + length);
    return copy;
  }

  /** The truncated upper bound, or null when all kept bytes are 0xFF. */
  public static ByteBuffer truncateBinaryMax(ByteBuffer value, int length) {
    if (value.remaining() <= length) {
      return value;
    }
    byte[] bytes = new byte[length];
    value.duplicate().get(bytes);
    for (int i = length - 1; i >= 0; i--) {
      if (bytes[i] != (byte) 0xFF) {
        bytes[i]++;
        return ByteBuffer.wrap(bytes, 0, i + 1).slice();
      }
    }
    return null;
  }
}
