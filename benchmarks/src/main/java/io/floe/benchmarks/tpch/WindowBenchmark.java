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
 * Window functions by frame shape on the TPC-H orders table, on Floe and on DuckDB over the same Parquet files (the
 * warehouse of {@link TpchBenchmark}, {@code -Dtpch.dir}): whole-partition aggregates, running (cumulative) frames,
 * sliding ROWS frames, ranking and LAG/LEAD. All but {@code wholeRows} aggregate their rows, so neither engine's time
 * is spent handing rows to the client; {@code wholeRows} returns all 1,500,000 rows (SF 1). Next to the wall-clock
 * time each run reports the process CPU time ({@code cpuMs}), steadier on a machine shared with other work.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false", "-Xmx12g"})
public class WindowBenchmark {
  /** The queries by name. */
  static final Map<String, String> QUERIES = Map.ofEntries(
      Map.entry("wholeSum", "SELECT count(*), sum(s) FROM (SELECT sum(o_totalprice) OVER (PARTITION BY o_custkey) "
          + "AS s FROM orders) AS w"),
      Map.entry("wholeCount", "SELECT count(*), sum(c) FROM (SELECT count(*) OVER (PARTITION BY o_orderpriority) "
          + "AS c FROM orders) AS w"),
      Map.entry("wholeRows", "SELECT o_orderkey, sum(o_totalprice) OVER (PARTITION BY o_custkey) FROM orders"),
      Map.entry("wholeMinMaxAvg", "SELECT count(*), sum(a), max(m), sum(x) FROM (SELECT avg(CAST(o_totalprice AS "
          + "DOUBLE)) OVER w AS a, min(o_orderdate) OVER w AS m, max(o_totalprice) OVER w AS x FROM orders "
          + "WINDOW w AS (PARTITION BY o_custkey)) AS w"),
      Map.entry("running", "SELECT count(*), sum(s), sum(c) FROM (SELECT sum(o_totalprice) OVER (PARTITION BY "
          + "o_custkey ORDER BY o_orderdate) AS s, count(*) OVER (PARTITION BY o_custkey ORDER BY o_orderdate) AS c "
          + "FROM orders) AS w"),
      Map.entry("runningGlobal", "SELECT count(*), sum(s) FROM (SELECT sum(o_totalprice) OVER (ORDER BY o_orderkey "
          + "ROWS UNBOUNDED PRECEDING) AS s FROM orders) AS w"),
      Map.entry("sliding", "SELECT count(*), sum(s), sum(a) FROM (SELECT sum(o_totalprice) OVER w AS s, "
          + "avg(CAST(o_totalprice AS DOUBLE)) OVER w AS a FROM orders WINDOW w AS (PARTITION BY o_custkey ORDER BY "
          + "o_orderdate, o_orderkey ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING)) AS w"),
      Map.entry("slidingMinMax", "SELECT count(*), sum(m), sum(x) FROM (SELECT min(o_totalprice) OVER w AS m, "
          + "max(o_totalprice) OVER w AS x FROM orders WINDOW w AS (ORDER BY o_orderkey ROWS BETWEEN 10 PRECEDING "
          + "AND 10 FOLLOWING)) AS w"),
      Map.entry("ranking", "SELECT count(*), sum(r), sum(k), sum(d) FROM (SELECT row_number() OVER w AS r, rank() "
          + "OVER w AS k, dense_rank() OVER w AS d FROM orders WINDOW w AS (PARTITION BY o_custkey ORDER BY "
          + "o_orderdate)) AS w"),
      Map.entry("lagLead", "SELECT count(*), sum(p), sum(f) FROM (SELECT lag(o_totalprice) OVER w AS p, "
          + "lead(o_totalprice, 2) OVER w AS f FROM orders WINDOW w AS (PARTITION BY o_custkey ORDER BY o_orderdate, "
          + "o_orderkey)) AS w"));

  /** One query on one engine over the shared TPC-H warehouse. */
  @State(Scope.Benchmark)
  public static class Run extends NamedQueryRun {
    @Param({"wholeSum", "wholeCount", "wholeRows", "wholeMinMaxAvg", "running", "runningGlobal", "sliding",
        "slidingMinMax", "ranking", "lagLead"})
    public String query;

    public Run() {
      super(QUERIES);
    }

    @Override
    String queryName() {
      return query;
    }
  }

  /** Runs the query; {@code cpu} adds the process CPU time it took (see {@link TpchBenchmark.CpuTime}). */
  @Benchmark
  public long query(Run run, TpchBenchmark.CpuTime cpu) throws SQLException {
    return run.named.run(cpu);
  }
}
