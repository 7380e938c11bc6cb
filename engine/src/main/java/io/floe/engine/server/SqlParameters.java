package io.floe.engine.server;

import io.floe.jdbc.SqlText;
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
    return SqlText.positionsOf(sql, '?');
  }

  /** {@code sql} with its parameter markers replaced, in order, by {@code literals}. */
  static String substitute(String sql, List<String> literals) {
    List<Integer> positions = positions(sql);
    if (positions.size() != literals.size()) {
      throw new IllegalArgumentException("the statement has " + positions.size() + " parameters but "
          + literals.size() + " values were bound");
    }
    return SqlText.replaceAt(sql, positions, literals);
  }
}
