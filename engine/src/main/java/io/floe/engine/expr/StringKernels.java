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

  private static BytesColumn text(Column c) {
    return c instanceof BytesColumn b && b.text() ? b : null;
  }

  /** The byte length of the UTF-8 character whose first byte is {@code lead}. */
  private static int charBytes(byte lead) {
    if (lead >= 0) {
      return 1;
    }
    if ((lead & 0xE0) == 0xC0) {
      return 2;
    }
    return (lead & 0xF0) == 0xE0 ? 3 : 4;
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
    int[] starts = new int[n];
    int[] lengths = new int[n];
    byte[] data = b.data();
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
      starts[i] = p;
      lengths[i] = q - p;
    }
    return new BytesColumn(data, starts, lengths, nulls, n, true);
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
      int end = b.start(i) + b.length(i);
      long count = 0;
      for (int p = b.start(i); p < end; p++) {
        if ((data[p] & 0xC0) != 0x80) {
          count++;
        }
      }
      out[i] = count;
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

  private static boolean ascii(byte[] data, int from, int to) {
    for (int p = from; p < to; p++) {
      if (data[p] < 0) {
        return false;
      }
    }
    return true;
  }

  /** POSITION(needle IN haystack): the 1-based character index of the first occurrence, 0 if none. */
  static LongColumn position(Column needle, Column haystack) {
    BytesColumn a = text(needle);
    BytesColumn b = text(haystack);
    if (a == null || b == null) {
      return null;
    }
    int n = b.size();
    boolean[] nulls = Nulls.union(a.nulls(), b.nulls(), n);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      byte[] needleBytes = java.util.Arrays.copyOfRange(a.data(), a.start(i), a.start(i) + a.length(i));
      int from = b.start(i);
      int at = Kernels.indexOf(b.data(), from, from + b.length(i), needleBytes);
      if (at >= 0) {
        long chars = 0;
        for (int p = from; p < at; p++) {
          if ((b.data()[p] & 0xC0) != 0x80) {
            chars++;
          }
        }
        out[i] = chars + 1;
      }
    }
    return new LongColumn(out, nulls, n, LongColumn.Kind.INTEGER, 0);
  }

  /**
   * TRIM of the characters of {@code chars} from both ends ({@code leading}/{@code trailing} choose); the result
   * shares the input's bytes. Null when a row's characters to trim are not ASCII.
   */
  static BytesColumn trim(Column chars, Column s, boolean leading, boolean trailing) {
    BytesColumn c = text(chars);
    BytesColumn b = text(s);
    if (c == null || b == null) {
      return null;
    }
    int n = b.size();
    boolean[] nulls = Nulls.union(c.nulls(), b.nulls(), n);
    int[] starts = new int[n];
    int[] lengths = new int[n];
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
      starts[i] = from;
      lengths[i] = to - from;
    }
    return new BytesColumn(data, starts, lengths, nulls, n, true);
  }

  private static boolean contains(byte[] set, int from, int to, byte b) {
    for (int p = from; p < to; p++) {
      if (set[p] == b) {
        return true;
      }
    }
    return false;
  }

  /** {@code x || y} of two text columns. */
  static BytesColumn concat(Column x, Column y) {
    BytesColumn a = text(x);
    BytesColumn b = text(y);
    if (a == null || b == null) {
      return null;
    }
    int n = a.size();
    boolean[] nulls = Nulls.union(a.nulls(), b.nulls(), n);
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
