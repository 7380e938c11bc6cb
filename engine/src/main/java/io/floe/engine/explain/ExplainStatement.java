package io.floe.engine.explain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code EXPLAIN [ANALYZE] <query>} statement, recognized before parsing because Calcite's parser only knows
 * {@code EXPLAIN PLAN FOR}. The query keeps its position: the prefix is blanked out, so errors in the query report
 * the line and column of the statement as written.
 */
public record ExplainStatement(boolean analyze, String query) {
  private static final Pattern PREFIX =
      Pattern.compile("^(\\s*EXPLAIN\\s+)(ANALYZE\\s+)?(?!PLAN\\b)", Pattern.CASE_INSENSITIVE);

  /** The EXPLAIN statement {@code sql} is, if it is one of this form. */
  public static Optional<ExplainStatement> recognize(String sql) {
    Matcher m = PREFIX.matcher(sql);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new ExplainStatement(m.group(2) != null, blank(sql, m.end())));
  }

  /** {@code sql} with its first {@code length} characters blanked out (line breaks kept). */
  static String blank(String sql, int length) {
    StringBuilder out = new StringBuilder(sql.length());
    for (int i = 0; i < length; i++) {
      char c = sql.charAt(i);
      out.append(c == '\n' || c == '\r' ? c : ' ');
    }
    return out.append(sql, length, sql.length()).toString();
  }

}
