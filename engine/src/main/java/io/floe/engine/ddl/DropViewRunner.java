package io.floe.engine.ddl;

import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.parser.SqlDropView;
import io.floe.engine.statement.StatementRunner;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlNode;

/** {@code DROP VIEW [IF EXISTS] v}. A table of that name is not dropped: the error says to use DROP TABLE. */
public final class DropViewRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlDropView;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    SqlDropView drop = (SqlDropView) statement;
    Ddl.requireNoTransaction(session, "DROP VIEW");
    TableIdentifier id = Names.findView(session, drop.name);
    if (id == null) {
      TableIdentifier table = Names.findTable(session, drop.name);
      if (table != null) {
        throw DdlErrors.invalid(table + " is a table, not a view: use DROP TABLE");
      }
      if (drop.ifExists) {
        return QueryResult.ofUpdateCount(0);
      }
      throw DdlErrors.unknownView(drop.name);
    }
    try {
      if (!session.catalog().dropView(id) && !drop.ifExists) {
        throw DdlErrors.unknownView(id);
      }
    } catch (RuntimeException e) {
      throw DdlErrors.of(e);
    }
    return QueryResult.ofUpdateCount(0);
  }
}
