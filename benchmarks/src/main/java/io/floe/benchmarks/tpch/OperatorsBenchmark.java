package io.floe.benchmarks.tpch;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Window functions and sorts on the TPC-H tables, on Floe and on DuckDB over the same Parquet files (the warehouse
 * of {@link TpchBenchmark}, {@code -Dtpch.dir}). The window and sort queries aggregate their rows, so neither
 * engine's time is spent handing rows to the client.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false", "-Xmx12g"})
public class OperatorsBenchmark {
  /** The queries by name. */
  static final Map<String, String> QUERIES = Map.of(
      "window", "SELECT count(*), sum(r), sum(s) FROM (SELECT rank() OVER (PARTITION BY o_custkey ORDER BY "
          + "o_orderdate) AS r, sum(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderdate) AS s "
          + "FROM orders) AS w",
      "windowFrame", "SELECT count(*), sum(s), sum(m) FROM (SELECT sum(o_totalprice) OVER (PARTITION BY o_custkey "
          + "ORDER BY o_orderdate, o_orderkey ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING) AS s, max(o_totalprice) OVER "
          + "(PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING) AS m "
          + "FROM orders) AS w",
      "sort", "SELECT count(*), sum(k) FROM (SELECT o_orderkey AS k FROM orders ORDER BY o_totalprice DESC, "
          + "o_orderkey LIMIT 1000000) AS s",
      "topN", "SELECT l_orderkey, l_linenumber, l_extendedprice FROM lineitem ORDER BY l_extendedprice DESC, "
          + "l_orderkey, l_linenumber LIMIT 100");

  /** One query on one engine over the shared TPC-H warehouse. */
  @State(Scope.Benchmark)
  public static class Run extends NamedQueryRun {
    @Param({"window", "windowFrame", "sort", "topN"})
    public String query;

    public Run() {
      super(QUERIES);
    }

    @Override
    String queryName() {
      return query;
    }
  }

  @Benchmark
  public long query(Run run) throws SQLException {
    return run.named.run();
  }
}
