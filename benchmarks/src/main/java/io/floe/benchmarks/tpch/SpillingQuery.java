package io.floe.benchmarks.tpch;

import io.floe.benchmarks.TempDirs;
import io.floe.engine.FloeSession;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A named query of the spilling benchmarks on one engine, with or without a memory limit: on Floe the session's limit
 * with spilling to a temporary directory, on DuckDB its {@code memory_limit} and a temporary directory of its own.
 */
final class SpillingQuery {
  private final NamedQuery named;
  private final Path spillDir;

  /** Opens {@code engine} to run {@code sql} under {@code memoryMib} MiB (0: the engine's default limit). */
  SpillingQuery(String sql, String engine, double scaleFactor, int memoryMib) throws SQLException {
    named = new NamedQuery(Map.of("query", sql), "query", engine, scaleFactor);
    spillDir = TempDirs.create("spill");
    if (memoryMib == 0) {
      return;
    }
    if (named.tables.floe != null) {
      named.tables.floe.memoryLimit((long) memoryMib << 20).spill(true).spillPath(spillDir);
    } else {
      try (Statement st = named.tables.duckdb.createStatement()) {
        st.execute("SET memory_limit = '" + memoryMib + "MB'");
        st.execute("SET temp_directory = '" + spillDir + "'");
      }
    }
  }

  /** The Floe session, or null on DuckDB. */
  FloeSession floe() {
    return named.tables.floe;
  }

  /** Runs the query; also reports the process CPU time of the call (as {@link TpchBenchmark} does). */
  long run(TpchBenchmark.CpuTime cpu) throws SQLException {
    return named.run(cpu);
  }

  /** Prints how many files Floe spilled, closes the engine and deletes the spill directory. */
  void close() throws SQLException {
    if (named.tables.floe != null) {
      System.out.println("Floe spill files written: " + named.tables.floe.spillDirectory().filesCreated());
    }
    named.close();
    TempDirs.delete(spillDir);
  }
}
