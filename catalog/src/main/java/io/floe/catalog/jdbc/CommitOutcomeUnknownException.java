package io.floe.catalog.jdbc;

import java.sql.SQLException;

/** The database's COMMIT failed, so whether the transaction landed is unknown. */
final class CommitOutcomeUnknownException extends SQLException {
  CommitOutcomeUnknownException(String message, SQLException cause) {
    super(message, cause.getSQLState(), cause.getErrorCode(), cause);
  }
}
