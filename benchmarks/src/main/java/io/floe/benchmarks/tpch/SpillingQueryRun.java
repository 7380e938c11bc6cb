package io.floe.benchmarks.tpch;

import io.floe.engine.FloeSession;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JMH state of a spilling benchmark: its query ({@link #sql()}) on one engine, in memory or under a memory limit
 * that makes it spill ({@link SpillingQuery}).
 */
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

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    query.close();
  }
}
