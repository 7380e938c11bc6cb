package io.floe.benchmarks.tpch;

import io.floe.benchmarks.FloeQueries;
import java.sql.SQLException;
import java.util.Map;

/**
 * One of a benchmark's named queries, on one engine (Floe or DuckDB) over the shared TPC-H warehouse of
 * {@link TpchBenchmark} ({@code -Dtpch.dir}).
 */
final class NamedQuery {
  /** The engine over the warehouse. */
  final TpchBenchmark.Run tables = new TpchBenchmark.Run();
  private final String sql;

  /** Opens {@code engine} over the warehouse at {@code scaleFactor} to run the query called {@code name}. */
  NamedQuery(Map<String, String> queries, String name, String engine, double scaleFactor) throws SQLException {
    sql = queries.get(name);
    if (sql == null) {
      throw new IllegalArgumentException("unknown query " + name + " (one of " + queries.keySet() + ")");
    }
    tables.query = "q01";
    tables.engine = engine;
    tables.scaleFactor = scaleFactor;
    tables.open();
  }

  /** Runs the query to its end and returns how many rows it produced. */
  long run() throws SQLException {
    return tables.floe != null ? FloeQueries.countRows(tables.floe, sql) : TpchBenchmark.duckDbRows(tables.duckdb, sql);
  }

  /** Runs the query like {@link #run()}, adding the process CPU time it took to {@code cpu}. */
  long run(TpchBenchmark.CpuTime cpu) throws SQLException {
    long before = TpchBenchmark.processCpuNanos();
    try {
      return run();
    } finally {
      cpu.cpuMs += (TpchBenchmark.processCpuNanos() - before) / 1e6;
    }
  }

  void close() throws SQLException {
    tables.close();
  }
}
