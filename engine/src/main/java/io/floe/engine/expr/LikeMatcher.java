package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import java.nio.charset.StandardCharsets;

/**
 * A LIKE pattern with {@code _} (one character), {@code %} (any characters) and an escape character, matched on
 * UTF-8 bytes by backtracking to the last {@code %} (linear in practice, no regular expression).
 */
final class LikeMatcher {
  private static final int ONE = -1;
  private static final int ANY = -2;
  private final int[] tokens;

  private LikeMatcher(int[] tokens) {
    this.tokens = tokens;
  }

  static LikeMatcher compile(String pattern, String escape) {
    int esc = escape == null || escape.isEmpty() ? -1 : escape.codePointAt(0);
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < pattern.length(); i += Character.charCount(pattern.codePointAt(i))) {
      int c = pattern.codePointAt(i);
      if (c == esc && i + Character.charCount(c) < pattern.length()) {
        i += Character.charCount(c);
        c = pattern.codePointAt(i);
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          out.add(b & 0xFF);
        }
      } else if (c == '%') {
        out.add(ANY);
      } else if (c == '_') {
        out.add(ONE);
      } else {
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          out.add(b & 0xFF);
        }
      }
    }
    return new LikeMatcher(out.stream().mapToInt(Integer::intValue).toArray());
  }

  /** LIKE (or NOT LIKE) over a text column, or null for other columns. */
  BoolColumn match(Column x, boolean negated) {
    if (!(x instanceof BytesColumn b) || !b.text()) {
      return null;
    }
    int n = b.size();
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (!b.isNull(i)) {
        out[i] = matches(b.data(), b.start(i), b.start(i) + b.length(i)) != negated;
      }
    }
    return new BoolColumn(out, b.nulls(), n);
  }

  boolean matches(byte[] data, int from, int to) {
    int p = 0;
    int s = from;
    int star = -1;
    int mark = from;
    while (s < to) {
      if (p < tokens.length && tokens[p] == ONE) {
        s += StringKernels.charBytes(data[s]);
        p++;
      } else if (p < tokens.length && tokens[p] >= 0 && tokens[p] == (data[s] & 0xFF)) {
        s++;
        p++;
      } else if (p < tokens.length && tokens[p] == ANY) {
        star = p++;
        mark = s;
      } else if (star >= 0) {
        p = star + 1;
        mark += StringKernels.charBytes(data[mark]);
        s = mark;
      } else {
        return false;
      }
    }
    while (p < tokens.length && tokens[p] == ANY) {
      p++;
    }
    return p == tokens.length && s == to;
  }

  /**
   * LIKE with a pattern that is a column: each distinct pattern is compiled once and kept (a
   * {@link PatternCache}), not once per row.
   */
  static final class PerRow {
    private final PatternCache<LikeMatcher> cache;

    PerRow(String escape) {
      this.cache = new PatternCache<>(p -> compile(p, escape));
    }

    /** {@code value LIKE pattern} row by row over two text columns, or null for other columns. */
    BoolColumn match(Column value, Column pattern, boolean negated) {
      if (!(value instanceof BytesColumn v) || !v.text() || !(pattern instanceof BytesColumn p) || !p.text()) {
        return null;
      }
      int n = v.size();
      boolean[] out = new boolean[n];
      boolean[] nulls = io.floe.engine.exec.Nulls.union(v.nulls(), p.nulls(), n);
      for (int i = 0; i < n; i++) {
        if (nulls == null || !nulls[i]) {
          String text = new String(p.data(), p.start(i), p.length(i), StandardCharsets.UTF_8);
          out[i] = cache.of(text).matches(v.data(), v.start(i), v.start(i) + v.length(i)) != negated;
        }
      }
      return new BoolColumn(out, nulls, n);
    }
  }
}
