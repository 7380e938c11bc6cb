package io.floe.engine.dml;

import io.floe.commit.CommitFailedException;
import io.floe.commit.ConflictException;
import io.floe.engine.FloeSession;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import org.apache.calcite.runtime.CalciteContextException;

/**
 * SQLStates of DML failures: a commit conflict with a concurrent writer is {@code 40001} naming the table (the
 * statement can be retried), a missing value for a NOT NULL column {@code 23502}; anything else as for queries.
 */
final class DmlErrors {
  static final String SERIALIZATION_FAILURE = "40001";
  static final String NOT_NULL_VIOLATION = "23502";

  private DmlErrors() {
  }

  static SQLException of(Throwable e) {
    return of(e, null);
  }

  /** As {@link #of(Throwable)}; a commit conflict names {@code table} (the SQL name of the table written). */
  static SQLException of(Throwable e, Object table) {
    String prefix = table == null ? "" : "cannot commit to table " + table + ": ";
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConflictException c) {
        return new SQLTransactionRollbackException(prefix + c.getMessage(), SERIALIZATION_FAILURE, e);
      }
      if (t instanceof CommitFailedException c) {
        return new SQLTransactionRollbackException(prefix + "commit failed: " + c.getMessage(), SERIALIZATION_FAILURE, e);
      }
      if (t instanceof IndexOutOfBoundsException && failedIn(t, "checkTypeAssignment")) {
        // Calcite fails while reporting an UPDATE SET value whose type the column cannot take
        return new SQLSyntaxErrorException("Cannot assign a SET value to its target column: incompatible types",
            "42000", e);
      }
      if (t instanceof CalciteContextException c && c.getMessage() != null
          && c.getMessage().contains("does not allow NULLs")) {
        return new SQLException(c.getMessage(), NOT_NULL_VIOLATION, e);
      }
    }
    SQLException mapped = FloeSession.sqlError(e);
    if (mapped.getMessage() != null && mapped.getMessage().startsWith("Unknown target column")) {
      return new SQLException(mapped.getMessage(), "42S22", e);
    }
    return mapped;
  }

  private static boolean failedIn(Throwable t, String method) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getMethodName().equals(method)) {
        return true;
      }
    }
    return false;
  }
}
