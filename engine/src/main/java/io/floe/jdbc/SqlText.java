package io.floe.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Lexical walks over SQL text that skip string literals ({@code '...'}), quoted identifiers ({@code "..."}), line
 * comments ({@code --}) and block comments: where parameter markers are, and how a script splits into statements.
 */
public final class SqlText {
  private SqlText() {
  }

  /**
   * Calls {@code code} with the index of every character outside comments; a quoted literal or identifier is
   * reported once, at its opening quote.
   */
  static void scan(String sql, IntConsumer code) {
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        code.accept(i);
        i = closingQuote(sql, i, c) + 1;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        code.accept(i);
        i++;
      }
    }
  }

  /** The index of the quote closing the one at {@code start} (a doubled quote is part of the text). */
  private static int closingQuote(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return sql.length();
  }

  /** The indexes of {@code c} where it is SQL, not text in quotes or comments. */
  public static List<Integer> positionsOf(String sql, char c) {
    List<Integer> positions = new ArrayList<>();
    scan(sql, i -> {
      if (sql.charAt(i) == c) {
        positions.add(i);
      }
    });
    return positions;
  }

  /** {@code sql} with the one character at each of {@code positions} (ascending) replaced by its replacement. */
  public static String replaceAt(String sql, List<Integer> positions, List<String> replacements) {
    StringBuilder out = new StringBuilder(sql.length() + 16 * replacements.size());
    int from = 0;
    for (int p = 0; p < positions.size(); p++) {
      out.append(sql, from, positions.get(p)).append(replacements.get(p));
      from = positions.get(p) + 1;
    }
    return out.append(sql, from, sql.length()).toString();
  }

  /**
   * The statements of a script, split at semicolons outside quotes and comments, trimmed; pieces with nothing but
   * blanks and comments are dropped.
   */
  public static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    int from = 0;
    for (int semicolon : positionsOf(script, ';')) {
      add(statements, script.substring(from, semicolon));
      from = semicolon + 1;
    }
    add(statements, script.substring(from));
    return statements;
  }

  private static void add(List<String> statements, String piece) {
    boolean[] hasCode = {false};
    scan(piece, i -> hasCode[0] |= !Character.isWhitespace(piece.charAt(i)));
    if (hasCode[0]) {
      statements.add(piece.strip());
    }
  }
}
