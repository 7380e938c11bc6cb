package io.floe.benchmarks.tpch;

import io.floe.benchmarks.FloeQueries;
import io.floe.engine.FloeSession;
import io.floe.engine.tpch.TpchWarehouse;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 22 TPC-H queries on Floe and on DuckDB over the same Parquet data files (DuckDB's {@code read_parquet} over
 * the files of each table's current snapshot). The warehouse is generated once with io.trino.tpch under
 * {@code -Dtpch.dir} (default {@code target/tpch-sf<sf>}) at the scale factor {@code scaleFactor} and kept for
 * later runs. Each operation runs one query and consumes all its rows; the result is its row count.
 *
 * <p>Each query runs in a fresh JVM (fork), so by default it is measured after only its own warm-up iterations: on
 * Floe much of that time is the JIT compiling the engine and Calcite. {@code -p serverRounds=N} first runs all 22
 * queries N times on the engine (in the trial's setup, unmeasured), as a server that has served other queries has
 * done: the query is then measured on warm code. Both engines get the same rounds.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
// the JIT thresholds are the ./floe launcher's (see README.md, "JVM flags"): the planner's many methods, each
// called a few times per query, stay in C1 code instead of taking the C2 compiler's core in a query's first runs
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false", "-Xmx12g",
    "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
    "-XX:Tier4CompileThreshold=150000"})
public class TpchBenchmark {
  /** One query on one engine over the shared warehouse. */
  @State(Scope.Benchmark)
  public static class Run {
    @Param({"q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09", "q10", "q11", "q12", "q13", "q14",
        "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22"})
    public String query;

    @Param({"floe", "duckdb"})
    public String engine;

    @Param("1")
    public double scaleFactor;

    /** Whether Floe filters join probe rows by their build keys (for a before/after of that filter alone). */
    @Param("true")
    public boolean joinKeyFilters;

    /** Rounds of all 22 queries run on the engine before the query's own iterations (0: a fresh JVM). */
    @Param("0")
    public int serverRounds;

    /** The queries the server rounds ran (22 per round). */
    int serverQueries;

    String sql;
    FloeSession floe;
    Connection duckdb;

    @Setup(Level.Trial)
    public void open() throws SQLException {
      Path dir = Path.of(System.getProperty("tpch.dir", "target/tpch-sf" + scaleFactor));
      TpchWarehouse warehouse = TpchWarehouse.at(dir, scaleFactor);
      sql = TpchWarehouse.query(query);
      if (engine.equals("floe")) {
        floe = FloeSession.open(warehouse.root(), TpchWarehouse.SCHEMA).joinKeyFilters(joinKeyFilters);
      } else if (engine.equals("duckdb")) {
        duckdb = warehouse.openDuckDb(dir.resolve("duckdb-extensions"));
      } else {
        throw new IllegalArgumentException("unknown engine " + engine + " (floe or duckdb)");
      }
      for (int round = 0; round < serverRounds; round++) {
        for (int q = 1; q <= 22; q++) {
          String other = TpchWarehouse.query(String.format("q%02d", q));
          if (floe != null) {
            FloeQueries.countRows(floe, other);
          } else {
            duckDbRows(duckdb, other);
          }
          serverQueries++;
        }
      }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      if (floe != null) {
        floe.close();
      }
      if (duckdb != null) {
        duckdb.close();
      }
    }
  }

  /**
   * The process CPU time of the measured calls, reported next to the wall-clock time: all the process's threads
   * (Floe's workers, DuckDB's native threads, GC and JIT), so it reads well on a machine shared with other work.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    public double cpuMs;

    @Setup(Level.Iteration)
    public void reset() {
      cpuMs = 0;
    }
  }

  @Benchmark
  public long query(Run run, CpuTime cpu) throws SQLException {
    long before = processCpuNanos();
    try {
      return run.floe != null ? FloeQueries.countRows(run.floe, run.sql) : duckDbRows(run.duckdb, run.sql);
    } finally {
      cpu.cpuMs += (processCpuNanos() - before) / 1e6;
    }
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static long duckDbRows(Connection duckdb, String sql) throws SQLException {
    long rows = 0;
    try (Statement st = duckdb.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= columns; c++) {
          rs.getObject(c);
        }
        rows++;
      }
    }
    return rows;
  }
}
