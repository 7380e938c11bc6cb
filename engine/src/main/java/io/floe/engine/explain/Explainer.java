package io.floe.engine.explain;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.SqlErrors;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import io.floe.engine.planner.OperatorDecorator;
import io.floe.engine.planner.PlannedQuery;
import io.floe.engine.planner.SqlPlanner;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * Runs EXPLAIN and EXPLAIN ANALYZE: plans the query into fragments and operators and prints them (one row per line,
 * column {@code plan}); ANALYZE also runs the query to its end, discarding its rows, and adds what each operator
 * returned.
 */
public final class Explainer {
  /** The result column of EXPLAIN. */
  public static final String COLUMN = "plan";

  private Explainer() {
  }

  public static QueryResult run(ExplainStatement statement, FloeSession session) throws SQLException {
    SqlNode query = parseQuery(statement.query());
    Instrumentation instrumentation = statement.analyze() ? new Instrumentation() : null;
    BufferAllocator allocator = session.newQueryAllocator();
    try {
      List<String> lines = new ArrayList<>();
      PlannedQuery planned = session.planQuery(query,
          instrumentation == null ? OperatorDecorator.NONE : instrumentation, allocator);
      long rows = 0;
      long start = System.nanoTime();
      try (Operator root = planned.root()) {
        if (instrumentation != null) {
          Batch b;
          while ((b = root.next()) != null) {
            rows += b.size();
          }
        }
      } catch (RuntimeException e) {
        throw SqlErrors.of(e);
      }
      lines.addAll(new PlanFormatter(instrumentation).format(planned.physical().plan()));
      if (instrumentation != null) {
        lines.add(String.format("Result: %d rows in %.1f ms (bytes are estimated from the first row of each batch; "
            + "times include the operator's inputs and add up over tasks)", rows, (System.nanoTime() - start) / 1e6));
      }
      return QueryResult.ofLines(COLUMN, lines, allocator);
    } catch (SQLException | RuntimeException e) {
      allocator.close();
      throw e;
    }
  }

  /** {@code query} parsed; EXPLAIN of anything but a query is not supported. */
  private static SqlNode parseQuery(String query) throws SQLException {
    SqlNode parsed;
    try {
      parsed = SqlPlanner.parse(query);
    } catch (Exception e) {
      throw SqlErrors.of(e);
    }
    if (!parsed.getKind().belongsTo(SqlKind.QUERY)) {
      throw SqlErrors.notSupported("EXPLAIN of " + parsed.getKind() + " statements");
    }
    return parsed;
  }
}
