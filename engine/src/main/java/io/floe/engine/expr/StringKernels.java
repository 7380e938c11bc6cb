package io.floe.engine.expr;

import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.Nulls;
import java.util.Locale;

/**
 * String functions as loops over UTF-8 bytes: SUBSTRING and CHAR_LENGTH count characters (code points), UPPER and
 * LOWER map ASCII bytes directly (a row with other characters goes through {@link String}), POSITION searches
 * bytes, TRIM and SUBSTRING share the input's bytes, {@code ||} copies both operands. Each returns null for
 * columns that are not text.
 */
final class StringKernels {
  private StringKernels() {
  }

  /** {@code c} as a text column, or null when it is not one. */
  static BytesColumn text(Column c) {
    return c instanceof BytesColumn b && b.text() ? b : null;
  }

  /** Whether {@code data[from, to)} is all ASCII. */
  private static boolean ascii(byte[] data, int from, int to) {
    for (int p = from; p < to; p++) {
      if (data[p] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether byte {@code b} is one of {@code set[from, to)}. */
  private static boolean contains(byte[] set, int from, int to, byte b) {
    for (int p = from; p < to; p++) {
      if (set[p] == b) {
        return true;
      }
    }
    return false;
  }

  /** The byte length of the UTF-8 character whose first byte is {@code lead}. */
  static int charBytes(byte lead) {
    if (lead >= 0) {
      return 1;
    }
    if ((lead & 0xE0) == 0xC0) {
      return 2;
    }
    return (lead & 0xF0) == 0xE0 ? 3 : 4;
  }

  /** Per row, a byte range of one text column: results that share the column's bytes. */
  private static final class Slices {
    private final int[] starts;
    private final int[] lengths;

    Slices(int n) {
      starts = new int[n];
      lengths = new int[n];
    }

    void set(int row, int from, int to) {
      starts[row] = from;
      lengths[row] = to - from;
    }

    /** The slices of {@code source}'s bytes, null where {@code nulls} says. */
    BytesColumn of(BytesColumn source, boolean[] nulls) {
      return new BytesColumn(source.data(), starts, lengths, nulls, starts.length, true);
    }
  }

  /** A kernel over two text columns of {@code n} rows, given the rows where either is null. */
  interface TextKernel<T> {
    T apply(BytesColumn a, BytesColumn b, boolean[] nulls, int n);
  }

  /** {@code kernel} on both columns as text with their nulls united; null when either is not a text column. */
  static <T> T onTexts(Column x, Column y, TextKernel<T> kernel) {
    BytesColumn a = text(x);
    BytesColumn b = text(y);
    if (a == null || b == null) {
      return null;
    }
    int n = b.size();
    return kernel.apply(a, b, Nulls.union(a.nulls(), b.nulls(), n), n);
  }

  /** The number of UTF-8 characters in {@code data[from, to)} (bytes that do not continue a character). */
  private static long codePoints(byte[] data, int from, int to) {
    long count = 0;
    for (int p = from; p < to; p++) {
      if ((data[p] & 0xC0) != 0x80) {
        count++;
      }
    }
    return count;
  }

  /** The byte offset {@code chars} characters after {@code from}, at most {@code to}. */
  private static int advance(byte[] data, int from, int to, long chars) {
    int p = from;
    for (long k = 0; k < chars && p < to; k++) {
      p += charBytes(data[p]);
    }
    return Math.min(p, to);
  }

  /** SUBSTRING(s FROM start [FOR length]), 1-based in characters; 22011 for a negative length. */
  static BytesColumn substring(Column s, Column start, Column length) {
    BytesColumn b = text(s);
    if (b == null || !(start instanceof LongColumn st) || length != null && !(length instanceof LongColumn)) {
      return null;
    }
    LongColumn len = (LongColumn) length;
    int n = b.size();
    boolean[] nulls = Nulls.union(b.nulls(), st.nulls(), n);
    nulls = len == null ? nulls : Nulls.union(nulls, len.nulls(), n);
    byte[] data = b.data();
    Slices out = new Slices(n);
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      long first = st.values()[i];
      long end = Long.MAX_VALUE;
      if (len != null) {
        long l = len.values()[i];
        if (l < 0) {
          throw new SqlStateException("22011", "negative substring length " + l);
        }
        end = first + l;
      }
      long begin = Math.max(first, 1);
      int from = b.start(i);
      int to = from + b.length(i);
      int p = advance(data, from, to, begin - 1);
      int q = end <= begin ? p : advance(data, p, to, end - begin);
      out.set(i, p, q);
    }
    return out.of(b, nulls);
  }

  /** CHAR_LENGTH: the number of code points. */
  static LongColumn charLength(Column s) {
    BytesColumn b = text(s);
    if (b == null) {
      return null;
    }
    int n = b.size();
    long[] out = new long[n];
    byte[] data = b.data();
    for (int i = 0; i < n; i++) {
      out[i] = codePoints(data, b.start(i), b.start(i) + b.length(i));
    }
    return new LongColumn(out, b.nulls(), n, LongColumn.Kind.INTEGER, 0);
  }

  /** UPPER ({@code upper}) or LOWER. */
  static BytesColumn changeCase(Column s, boolean upper) {
    BytesColumn b = text(s);
    if (b == null) {
      return null;
    }
    int n = b.size();
    BytesBuilder out = new BytesBuilder(n, b.data().length);
    byte[] data = b.data();
    for (int i = 0; i < n; i++) {
      if (b.isNull(i)) {
        out.setNull(i);
        continue;
      }
      int from = b.start(i);
      int end = from + b.length(i);
      if (!ascii(data, from, end)) {
        String v = CastKernels.string(b, i);
        out.set(i, upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT));
        continue;
      }
      out.setAsciiCase(i, data, from, end - from, upper);
    }
    return out.build(true);
  }

  /** POSITION(needle IN haystack): the 1-based character index of the first occurrence, 0 if none. */
  static LongColumn position(Column needle, Column haystack) {
    return onTexts(needle, haystack, StringKernels::positionIn);
  }

  private static LongColumn positionIn(BytesColumn a, BytesColumn b, boolean[] nulls, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      int from = b.start(i);
      int at = LikeSegments.indexOf(b.data(), from, from + b.length(i), a.data(), a.start(i), a.length(i));
      if (at >= 0) {
        out[i] = codePoints(b.data(), from, at) + 1;
      }
    }
    return new LongColumn(out, nulls, n, LongColumn.Kind.INTEGER, 0);
  }

  /**
   * TRIM of the characters of {@code chars} from both ends ({@code leading}/{@code trailing} choose); the result
   * shares the input's bytes. Null when a row's characters to trim are not ASCII.
   */
  static BytesColumn trim(Column chars, Column s, boolean leading, boolean trailing) {
    return onTexts(chars, s, (c, b, nulls, n) -> trimmed(c, b, nulls, n, leading, trailing));
  }

  private static BytesColumn trimmed(BytesColumn c, BytesColumn b, boolean[] nulls, int n, boolean leading,
      boolean trailing) {
    Slices out = new Slices(n);
    byte[] data = b.data();
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      int setFrom = c.start(i);
      int setTo = setFrom + c.length(i);
      if (!ascii(c.data(), setFrom, setTo)) {
        return null;
      }
      int from = b.start(i);
      int to = from + b.length(i);
      while (leading && from < to && contains(c.data(), setFrom, setTo, data[from])) {
        from++;
      }
      while (trailing && to > from && contains(c.data(), setFrom, setTo, data[to - 1])) {
        to--;
      }
      out.set(i, from, to);
    }
    return out.of(b, nulls);
  }

  /** {@code x || y} of two text columns. */
  static BytesColumn concat(Column x, Column y) {
    return onTexts(x, y, StringKernels::concatenated);
  }

  private static BytesColumn concatenated(BytesColumn a, BytesColumn b, boolean[] nulls, int n) {
    BytesBuilder out = new BytesBuilder(n, a.data().length + b.data().length);
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        out.setNull(i);
        continue;
      }
      out.begin(i);
      out.append(i, a.data(), a.start(i), a.length(i));
      out.append(i, b.data(), b.start(i), b.length(i));
    }
    return out.build(true);
  }
}
