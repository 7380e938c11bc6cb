package io.floe.engine.ddl;

import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.parser.SqlDropTable;
import io.floe.engine.statement.StatementRunner;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlNode;

/** {@code DROP TABLE [IF EXISTS] t [PURGE]}: PURGE also deletes the table's files. */
public final class DropTableRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlDropTable;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    SqlDropTable drop = (SqlDropTable) statement;
    Ddl.requireNoTransaction(session, "DROP TABLE");
    TableIdentifier id = Names.findTable(session, drop.name);
    if (id == null) {
      TableIdentifier view = Names.findView(session, drop.name);
      if (view != null) {
        throw DdlErrors.invalid(view + " is a view, not a table: use DROP VIEW");
      }
      if (drop.ifExists) {
        return QueryResult.ofUpdateCount(0);
      }
      throw DdlErrors.unknownTable(drop.name);
    }
    try {
      if (!session.catalog().dropTable(id, drop.purge) && !drop.ifExists) {
        throw DdlErrors.unknownTable(id);
      }
    } catch (RuntimeException e) {
      throw DdlErrors.of(e);
    }
    return QueryResult.ofUpdateCount(0);
  }
}
