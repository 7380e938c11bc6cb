package io.floe.engine.dml;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A separate writer process for {@link ConcurrentDmlTest}: runs one statement {@code times} times against the
 * warehouse and prints {@code ok <count>} or {@code conflict} per run (other failures end the process with 1).
 * Arguments: warehouse, times, statement.
 */
public final class DmlWorker {
  private DmlWorker() {
  }

  public static void main(String[] args) throws Exception {
    Path warehouse = Path.of(args[0]);
    int times = Integer.parseInt(args[1]);
    String sql = args[2];
    try (FloeSession session = FloeSession.open(warehouse, "db")) {
      for (int i = 0; i < times; i++) {
        System.out.println(runOnce(session, sql));
      }
    }
  }

  /** {@code ok <count>} or {@code conflict} (SQLState 40001). */
  static String runOnce(FloeSession session, String sql) throws SQLException {
    try (QueryResult result = session.execute(sql)) {
      return "ok " + result.updateCount();
    } catch (SQLException e) {
      if ("40001".equals(e.getSQLState())) {
        return "conflict";
      }
      throw e;
    }
  }
}
