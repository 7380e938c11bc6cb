package io.floe.benchmarks.tpch;

import java.sql.SQLException;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JMH state of a benchmark of named queries: one query ({@link #queryName()}, a {@code @Param} of the subclass)
 * on one engine over the shared TPC-H warehouse, opened as a {@link NamedQuery} for the trial.
 */
@State(Scope.Benchmark)
public abstract class NamedQueryRun {
  @Param({"floe", "duckdb"})
  public String engine;

  @Param("1")
  public double scaleFactor;

  NamedQuery named;
  private final Map<String, String> queries;

  /** A state choosing among {@code queries} (by name). */
  protected NamedQueryRun(Map<String, String> queries) {
    this.queries = queries;
  }

  /** The name of the query to run. */
  abstract String queryName();

  @Setup(Level.Trial)
  public void open() throws SQLException {
    named = new NamedQuery(queries, queryName(), engine, scaleFactor);
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    named.close();
  }
}
