package io.floe.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * SQL text with {@code ?} parameter markers (outside string literals, quoted identifiers and comments), split
 * around them so that parameter values can be put in as SQL literals.
 */
public final class ParameterizedSql {
  private final String sql;
  private final List<Integer> markers;

  private ParameterizedSql(String sql, List<Integer> markers) {
    this.sql = sql;
    this.markers = List.copyOf(markers);
  }

  public static ParameterizedSql parse(String sql) {
    return new ParameterizedSql(sql, SqlText.positionsOf(sql, '?'));
  }

  String sql() {
    return sql;
  }

  int parameterCount() {
    return markers.size();
  }

  /** The SQL with each marker replaced by its literal. */
  String bind(List<String> literals) throws SQLException {
    if (literals.size() != markers.size()) {
      throw new SQLException(markers.size() + " parameters, " + literals.size() + " values", JdbcErrors.PARAMETER_NOT_SET);
    }
    return SqlText.replaceAt(sql, markers, literals);
  }

  /**
   * For {@code INSERT ... VALUES (...)} whose markers all lie in its one row of values: the SQL that inserts all
   * the rows of a batch in one statement; null for any other statement.
   */
  public String bindRows(List<List<String>> rows) throws SQLException {
    String upper = sql.toUpperCase(Locale.ROOT);
    if (markers.isEmpty() || !upper.stripLeading().startsWith("INSERT")) {
      return null;
    }
    int values = upper.lastIndexOf("VALUES", markers.get(0));
    if (values < 0 || isInsideQuotes(values)) {
      return null;
    }
    int open = sql.indexOf('(', values);
    int close = matchingParenthesis(open);
    if (open < 0 || close < 0 || open > markers.get(0) || close < markers.get(markers.size() - 1)
        || !sql.substring(values + "VALUES".length(), open).isBlank()
        || !sql.substring(close + 1).replace(";", "").isBlank()) {
      return null;
    }
    ParameterizedSql row = parse(sql.substring(open, close + 1));
    StringBuilder out = new StringBuilder(sql.substring(0, open));
    for (int r = 0; r < rows.size(); r++) {
      out.append(r == 0 ? "" : ", ").append(row.bind(rows.get(r)));
    }
    return out.toString();
  }

  private boolean isInsideQuotes(int position) {
    boolean[] code = {false};
    SqlText.scan(sql, i -> code[0] |= i == position);
    return !code[0];
  }

  private int matchingParenthesis(int open) {
    if (open < 0) {
      return -1;
    }
    int[] depth = {0};
    int[] match = {-1};
    SqlText.scan(sql, i -> {
      char c = sql.charAt(i);
      if (i < open || match[0] >= 0) {
        return;
      }
      if (c == '(') {
        depth[0]++;
      } else if (c == ')' && --depth[0] == 0) {
        match[0] = i;
      }
    });
    return match[0];
  }
}
