package io.floe.engine.explain;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.statement.StatementRunner;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Runs Calcite's {@code EXPLAIN PLAN FOR <query>} as Floe's EXPLAIN of the query. */
public final class ExplainPlanRunner implements StatementRunner {
  @Override
  public boolean accepts(SqlNode statement) {
    return statement instanceof SqlExplain;
  }

  @Override
  public QueryResult run(SqlNode statement, String sql, FloeSession session) throws SQLException {
    SqlParserPos pos = ((SqlExplain) statement).getExplicandum().getParserPosition();
    return Explainer.run(new ExplainStatement(false, ExplainStatement.blank(sql, offset(sql, pos))), session);
  }

  /** The character offset of a parser position (1-based line and column). */
  private static int offset(String sql, SqlParserPos pos) {
    int offset = 0;
    for (int line = 1; line < pos.getLineNum(); line++) {
      offset = sql.indexOf('\n', offset) + 1;
    }
    return offset + pos.getColumnNum() - 1;
  }
}
