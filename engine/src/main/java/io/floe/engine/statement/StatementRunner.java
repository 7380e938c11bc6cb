package io.floe.engine.statement;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlNode;

/** Runs one kind of statement that is not a query (DDL, DML, CALL, transaction control, SHOW, ...). */
public interface StatementRunner {
  /** Whether this runner runs {@code statement}. */
  boolean accepts(SqlNode statement);

  /**
   * Runs {@code statement} in {@code session}. A statement that changes tables commits exactly one snapshot per
   * table (or, inside a transaction, stages it) and returns its row count ({@link QueryResult#updateCount}).
   */
  QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException;
}
