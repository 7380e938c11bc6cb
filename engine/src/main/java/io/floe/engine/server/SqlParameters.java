package io.floe.engine.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ?} parameter markers of a SQL text: found outside string literals, quoted identifiers and comments,
 * and replaced by SQL literals.
 */
final class SqlParameters {
  private SqlParameters() {
  }

  /** The character offsets of the parameter markers of {@code sql}, in order. */
  static List<Integer> positions(String sql) {
    List<Integer> positions = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(sql, i, c);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        if (c == '?') {
          positions.add(i);
        }
        i++;
      }
    }
    return positions;
  }

  /** {@code sql} with its parameter markers replaced, in order, by {@code literals}. */
  static String substitute(String sql, List<String> literals) {
    List<Integer> positions = positions(sql);
    if (positions.size() != literals.size()) {
      throw new IllegalArgumentException("the statement has " + positions.size() + " parameters but "
          + literals.size() + " values were bound");
    }
    StringBuilder out = new StringBuilder(sql.length() + 16 * literals.size());
    int from = 0;
    for (int p = 0; p < positions.size(); p++) {
      out.append(sql, from, positions.get(p)).append(literals.get(p));
      from = positions.get(p) + 1;
    }
    return out.append(sql, from, sql.length()).toString();
  }

  /** The offset after the literal or identifier quoted by {@code quote} that starts at {@code start}. */
  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
