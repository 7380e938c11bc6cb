package io.floe.benchmarks.tpch;

import io.floe.benchmarks.TempDirs;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * A GROUP BY with 1.5 million groups at SF 1 ({@code l_orderkey} of lineitem's 6 million rows), in memory and under a
 * memory limit that makes it spill ({@code memoryMib}; 0 for the default limit), on Floe and on DuckDB (its
 * {@code memory_limit} and a temporary directory of its own) over the same Parquet files ({@code -Dtpch.dir}). The
 * groups are aggregated again into one row, so neither engine's time is spent handing rows to the client.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false", "-Xmx4g"})
public class SpillingAggregateBenchmark {
  static final String GROUP_BY = "SELECT count(*), sum(q), max(p), min(n) FROM (SELECT l_orderkey, "
      + "sum(l_quantity) AS q, max(l_extendedprice) AS p, count(*) AS n FROM lineitem GROUP BY l_orderkey) AS g";

  /** The query on one engine, with or without a memory limit. */
  @State(Scope.Benchmark)
  public static class Run {
    @Param({"floe", "duckdb"})
    public String engine;

    /** The query's memory limit in MiB; 0: the engine's default (the groups fit). */
    @Param({"0", "128"})
    public int memoryMib;

    @Param("1")
    public double scaleFactor;

    NamedQuery named;
    Path spillDir;

    @Setup(Level.Trial)
    public void open() throws SQLException {
      named = new NamedQuery(Map.of("groupBy", GROUP_BY), "groupBy", engine, scaleFactor);
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

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      if (named.tables.floe != null) {
        System.out.println("Floe spill files written: " + named.tables.floe.spillDirectory().filesCreated());
      }
      named.close();
      TempDirs.delete(spillDir);
    }
  }

  /** The query; also reports the process CPU time of the call (as {@link TpchBenchmark} does). */
  @Benchmark
  public long query(Run run, TpchBenchmark.CpuTime cpu) throws SQLException {
    return run.named.run(cpu);
  }
}
