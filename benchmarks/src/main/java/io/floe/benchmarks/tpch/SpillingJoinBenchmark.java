package io.floe.benchmarks.tpch;

import io.floe.engine.FloeSession;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A hash join at SF 1: lineitem's 6 million rows probe orders' 1.5 million (built in a hash table), partitioned by the
 * order key on Floe (no broadcast), in memory and under a memory limit that makes the build side spill
 * ({@code memoryMib}; 0 for the default limit), on Floe and on DuckDB over the same Parquet files
 * ({@code -Dtpch.dir}). The joined rows are aggregated into one row, so neither engine's time is spent handing rows to
 * the client.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false", "-Xmx4g"})
public class SpillingJoinBenchmark {
  static final String JOIN = "SELECT count(*), sum(l_extendedprice), max(o_totalprice), min(o_orderdate), "
      + "max(o_orderpriority) FROM lineitem JOIN orders ON l_orderkey = o_orderkey";

  /** The join on one engine, with or without a memory limit. */
  @State(Scope.Benchmark)
  public static class Run extends SpillingQueryRun {
    @Override
    String sql() {
      return JOIN;
    }

    /** A partitioned join: orders is hashed to the tasks by its key, not broadcast to all of them. */
    @Override
    void configure(FloeSession floe) {
      floe.broadcastJoinRowLimit(0);
    }
  }

  /** The query; also reports the process CPU time of the call (as {@link TpchBenchmark} does). */
  @Benchmark
  public long query(Run run, TpchBenchmark.CpuTime cpu) throws SQLException {
    return run.query.run(cpu);
  }
}
