package io.floe.engine.dml;

import io.floe.commit.CommitFailedException;
import io.floe.commit.ConflictException;
import io.floe.engine.FloeSession;
import java.sql.SQLException;
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
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConflictException c) {
        return new SQLTransactionRollbackException(c.getMessage(), SERIALIZATION_FAILURE, e);
      }
      if (t instanceof CommitFailedException c) {
        return new SQLTransactionRollbackException("commit failed: " + c.getMessage(), SERIALIZATION_FAILURE, e);
      }
      if (t instanceof CalciteContextException c && c.getMessage() != null
          && c.getMessage().contains("does not allow NULLs")) {
        return new SQLException(c.getMessage(), NOT_NULL_VIOLATION, e);
      }
    }
    return FloeSession.sqlError(e);
  }
}
