package io.floe.benchmarks.tpch;

import io.floe.engine.FloeSession;
import java.sql.SQLException;
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
 * A spilling benchmark, its own JMH state: its query ({@link #sql()}) on one engine, in memory or under a memory
 * limit that makes it spill ({@link SpillingQuery}). Each subclass is one benchmark (JMH runs the inherited
 * {@link #query} with the inherited settings).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false", "-Xmx4g"})
@State(Scope.Benchmark)
public abstract class SpillingQueryRun {
  @Param({"floe", "duckdb"})
  public String engine;

  /** The query's memory limit in MiB; 0: the engine's default (the query runs in memory). */
  @Param({"0", "128"})
  public int memoryMib;

  @Param("1")
  public double scaleFactor;

  SpillingQuery query;

  /** The benchmark's query. */
  abstract String sql();

  /** Settings of the Floe session beside the memory limit (none by default). */
  void configure(FloeSession floe) {
  }

  @Setup(Level.Trial)
  public void open() throws SQLException {
    query = new SpillingQuery(sql(), engine, scaleFactor, memoryMib);
    if (query.floe() != null) {
      configure(query.floe());
    }
  }

  /** The query; also reports the process CPU time of the call (as {@link TpchBenchmark} does). */
  @Benchmark
  public long query(TpchBenchmark.CpuTime cpu) throws SQLException {
    return query.run(cpu);
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    query.close();
  }
}
