package io.floe.engine;

import io.floe.engine.expr.SqlStateException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Maps planning and execution failures to {@link SQLException}s with SQLStates. */
public final class SqlErrors {
  static final String SYNTAX = "42000";
  static final String UNKNOWN_TABLE = "42S02";
  static final String UNKNOWN_COLUMN = "42S22";
  static final String NOT_SUPPORTED = "0A000";
  static final String INTERNAL = "XX000";

  private SqlErrors() {
  }

  public static SQLException of(Throwable e) {
    if (e instanceof SQLException s) {
      return s;
    }
    if (e instanceof SqlParseException p) {
      SqlParserPos pos = p.getPos();
      String where = pos == null ? "" : " at line " + pos.getLineNum() + ", column " + pos.getColumnNum();
      return new SQLSyntaxErrorException("syntax error" + where + ": " + firstLine(p.getMessage()), SYNTAX, e);
    }
    CalciteContextException context = find(e, CalciteContextException.class);
    if (context != null) {
      String message = context.getCause() != null ? context.getCause().getMessage() : context.getMessage();
      String state = SYNTAX;
      if (message != null && message.matches("(?s)(Object|Table) '.*' not found.*")) {
        state = UNKNOWN_TABLE;
      } else if (message != null && message.matches("(?s)Column '.*' not found.*")) {
        state = UNKNOWN_COLUMN;
      }
      String text = message + " (line " + context.getPosLine() + ", column " + context.getPosColumn() + ")";
      return state.equals(SYNTAX) ? new SQLSyntaxErrorException(text, state, e) : new SQLException(text, state, e);
    }
    SqlStateException runtime = find(e, SqlStateException.class);
    if (runtime != null) {
      return new SQLException(runtime.getMessage(), runtime.sqlState(), e);
    }
    UnsupportedOperationException unsupported = find(e, UnsupportedOperationException.class);
    if (unsupported != null) {
      return notSupported(unsupported.getMessage(), e);
    }
    return internal(e);
  }

  /** SQLState 0A000 with the message {@code not supported: <what>}. */
  public static SQLFeatureNotSupportedException notSupported(String what) {
    return new SQLFeatureNotSupportedException("not supported: " + what, NOT_SUPPORTED);
  }

  /** SQLState 0A000 for a failure whose message says what is not supported (prefixed unless it already is). */
  public static SQLFeatureNotSupportedException notSupported(String message, Throwable cause) {
    String text = message != null && message.startsWith("not supported") ? message : "not supported: " + message;
    return new SQLFeatureNotSupportedException(text, NOT_SUPPORTED, cause);
  }

  /** SQLState XX000 for a failure no other state describes: its class and message. */
  public static SQLException internal(Throwable e) {
    return new SQLException(e.getClass().getSimpleName() + ": " + e.getMessage(), INTERNAL, e);
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}
