package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A LIKE pattern with only {@code %} wildcards (no {@code _}, no escape): UTF-8 byte segments that must appear in
 * order, the first at the start and the last at the end of the value. Inner segments are found with a
 * Boyer-Moore-Horspool search, which skips ahead by up to the segment's length on a mismatch.
 */
final class LikeSegments {
  private final byte[][] segments;
  private final int[][] skips;

  private LikeSegments(byte[][] segments) {
    this.segments = segments;
    this.skips = new int[segments.length][];
    for (int s = 1; s < segments.length - 1; s++) {
      skips[s] = skipTable(segments[s]);
    }
  }

  /** The pattern's segments, or null when the pattern needs the general matcher ({@code _} or an escape). */
  static LikeSegments of(String pattern, String escape) {
    if (escape != null || pattern.indexOf('_') >= 0) {
      return null;
    }
    String[] parts = pattern.split("%", -1);
    byte[][] out = new byte[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      out[i] = parts[i].getBytes(StandardCharsets.UTF_8);
    }
    return new LikeSegments(out);
  }

  /** LIKE (or NOT LIKE) of a text column, or null for other columns. */
  BoolColumn match(Column x, boolean negated) {
    if (!(x instanceof BytesColumn b) || !b.text()) {
      return null;
    }
    int n = b.size();
    boolean[] out = new boolean[n];
    byte[] data = b.data();
    for (int i = 0; i < n; i++) {
      if (!b.isNull(i)) {
        out[i] = matches(data, b.start(i), b.start(i) + b.length(i)) != negated;
      }
    }
    return new BoolColumn(out, b.nulls(), n);
  }

  private boolean matches(byte[] data, int from, int to) {
    int last = segments.length - 1;
    if (last == 0) {
      return Arrays.equals(data, from, to, segments[0], 0, segments[0].length);
    }
    byte[] first = segments[0];
    if (to - from < first.length || !Arrays.equals(data, from, from + first.length, first, 0, first.length)) {
      return false;
    }
    int pos = from + first.length;
    for (int s = 1; s < last; s++) {
      pos = indexOf(data, pos, to, segments[s], skips[s]);
      if (pos < 0) {
        return false;
      }
      pos += segments[s].length;
    }
    byte[] end = segments[last];
    return to - pos >= end.length && Arrays.equals(data, to - end.length, to, end, 0, end.length);
  }

  /** For each byte value, how far the window may move when that byte is under the needle's last position. */
  private static int[] skipTable(byte[] needle) {
    int[] skip = new int[256];
    Arrays.fill(skip, Math.max(needle.length, 1));
    for (int k = 0; k < needle.length - 1; k++) {
      skip[needle[k] & 0xFF] = needle.length - 1 - k;
    }
    return skip;
  }

  /** The first position of {@code needle} in {@code data[from, to)}, or -1. */
  private static int indexOf(byte[] data, int from, int to, byte[] needle, int[] skip) {
    int m = needle.length;
    if (m == 0) {
      return from;
    }
    byte firstByte = needle[0];
    byte lastByte = needle[m - 1];
    int p = from;
    int limit = to - m;
    while (p <= limit) {
      byte b = data[p + m - 1];
      if (b == lastByte && data[p] == firstByte
          && (m <= 2 || Arrays.equals(data, p + 1, p + m - 1, needle, 1, m - 1))) {
        return p;
      }
      p += skip[b & 0xFF];
    }
    return -1;
  }

  /**
   * The first position of {@code needle[needleFrom, needleFrom + length)} in {@code data[from, to)}, or -1 (for
   * needles that change per row, read in place).
   */
  static int indexOf(byte[] data, int from, int to, byte[] needle, int needleFrom, int length) {
    int limit = to - length;
    for (int p = from; p <= limit; p++) {
      if (Arrays.equals(data, p, p + length, needle, needleFrom, needleFrom + length)) {
        return p;
      }
    }
    return -1;
  }
}
