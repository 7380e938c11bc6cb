package io.floe.engine.parser;

import org.apache.calcite.sql.parser.SqlParserPos;

/** The {@code not supported} error of a form Floe's rewrites of parsed statements do not take, with its position. */
final class Unsupported {
  private Unsupported() {
  }

  /** {@code not supported: <what> (line L, column C)}, SQLState 0A000 once it reaches the session. */
  static UnsupportedOperationException at(String what, SqlParserPos pos) {
    return new UnsupportedOperationException("not supported: " + what + " (line " + pos.getLineNum() + ", column "
        + pos.getColumnNum() + ")");
  }
}
