package io.floe.jdbc;

import io.floe.engine.SqlErrors;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;

/** The SQLExceptions the driver raises itself (the engine's own carry the engine's SQLStates). */
final class JdbcErrors {
  static final String CONNECTION_CLOSED = "08003";
  static final String INVALID_STATE = "24000";
  static final String INVALID_PARAMETER = "07009";
  static final String PARAMETER_NOT_SET = "07001";
  static final String DATA = "22018";
  static final String CANCELLED = "57014";
  static final String TIMEOUT = "HYT00";
  static final String GENERAL = "HY000";

  private JdbcErrors() {
  }

  static SQLFeatureNotSupportedException notSupported(String what) {
    return SqlErrors.notSupported(what);
  }

  static SQLException closed(String what) {
    return new SQLNonTransientConnectionException(what + " is closed", CONNECTION_CLOSED);
  }

  static SQLException cancelled(boolean timedOut, int timeoutSeconds) {
    return timedOut
        ? new SQLTimeoutException("statement cancelled: query timeout of " + timeoutSeconds + " s reached", TIMEOUT)
        : new SQLException("statement cancelled", CANCELLED);
  }

  static SQLException conversion(Object value, String target) {
    return new SQLException("cannot convert " + value.getClass().getSimpleName() + " value '" + value + "' to " + target,
        DATA);
  }
}
