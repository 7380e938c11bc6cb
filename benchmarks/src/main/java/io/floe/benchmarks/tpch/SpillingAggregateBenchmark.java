package io.floe.benchmarks.tpch;

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

  /** The GROUP BY on one engine, with or without a memory limit. */
  @State(Scope.Benchmark)
  public static class Run extends SpillingQueryRun {
    @Override
    String sql() {
      return GROUP_BY;
    }
  }

  /** The query; also reports the process CPU time of the call (as {@link TpchBenchmark} does). */
  @Benchmark
  public long query(Run run, TpchBenchmark.CpuTime cpu) throws SQLException {
    return run.query.run(cpu);
  }
}
