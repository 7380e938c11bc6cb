package io.floe.engine.transaction;

import io.floe.catalog.CatalogTransaction;
import io.floe.commit.CommitFailedException;
import io.floe.commit.CommitStateUnknownException;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ddl.DdlErrors;
import io.floe.engine.parser.SqlTransactionControl;
import io.floe.engine.statement.StatementRunner;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code BEGIN}/{@code START TRANSACTION}, {@code COMMIT}, {@code ROLLBACK}: explicit transactions over the
 * catalog's multi-table commits. Between BEGIN and COMMIT, statements that write tables stage their snapshots
 * ({@link FloeSession#tableForWrite}); COMMIT makes all of them visible at once, or none when another commit changed
 * one of the tables meanwhile (SQLState 40001 naming it); ROLLBACK discards them.
 */
public final class TransactionRunner implements StatementRunner {
  /** No transaction is open (COMMIT or ROLLBACK without BEGIN). */
  static final String NO_TRANSACTION = "25000";
  static final String SERIALIZATION_FAILURE = "40001";

  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlTransactionControl;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    SqlTransactionControl control = (SqlTransactionControl) statement;
    try {
      switch (control.action) {
        case BEGIN -> session.beginTransaction();
        case COMMIT -> open(session, "COMMIT").commit();
        case ROLLBACK -> open(session, "ROLLBACK").abort();
        default -> throw new AssertionError(control.action);
      }
    } catch (CommitFailedException e) {
      throw new SQLTransactionRollbackException(e.getMessage(), SERIALIZATION_FAILURE, e);
    } catch (CommitStateUnknownException e) {
      throw new SQLException(e.getMessage(), "08007", e);
    } catch (RuntimeException e) {
      throw DdlErrors.of(e);
    }
    return QueryResult.ofUpdateCount(0);
  }

  private static CatalogTransaction open(FloeSession session, String statement) throws SQLException {
    CatalogTransaction transaction = session.endTransaction();
    if (transaction == null) {
      throw new SQLException(statement + " without a transaction: no transaction is open (BEGIN starts one)",
          NO_TRANSACTION);
    }
    return transaction;
  }
}
