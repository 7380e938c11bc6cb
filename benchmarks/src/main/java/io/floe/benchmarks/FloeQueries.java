package io.floe.benchmarks;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import java.sql.SQLException;
import org.apache.arrow.vector.VectorSchemaRoot;

/** What the benchmarks time on Floe's side: a query run to its end, every Arrow batch consumed. */
public final class FloeQueries {
  private FloeQueries() {
  }

  /** Runs {@code sql} in {@code session}, consumes all its batches and returns how many rows it produced. */
  public static long countRows(FloeSession session, String sql) throws SQLException {
    long rows = 0;
    try (QueryResult result = session.execute(sql)) {
      for (VectorSchemaRoot next = result.nextBatch(); next != null; next = result.nextBatch()) {
        try (VectorSchemaRoot batch = next) {
          rows += batch.getRowCount();
        }
      }
    }
    return rows;
  }
}
