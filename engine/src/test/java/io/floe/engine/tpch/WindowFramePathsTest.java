package io.floe.engine.tpch;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The window operator's paths by frame shape, each compared with DuckDB on the same files, serially and on 4 workers:
 * aggregates over whole partitions (computed once per partition, without sorting when no function needs the order),
 * running frames (one cumulative pass, RANGE frames ending with the current row's last peer), sliding ROWS frames
 * (adding and removing rows: exact for longs and decimals, compensated for doubles), ranking functions and LAG/LEAD;
 * over partitions with NULLs, partitions whose values are all NULL, single-row partitions and empty input.
 */
class WindowFramePathsTest {
  /**
   * Orders of 60 customers: key k, 4 partitions g, price v (NULL for orders with key % 8 below 3 and for all of
   * partition 3), a double d of very different magnitudes (NULL with v), date t, priority p (5 values, many ties),
   * customer c.
   */
  private static final String ORDERS = "WITH t AS (SELECT o_orderkey AS k, o_custkey % 4 AS g, CASE WHEN "
      + "o_orderkey % 8 < 3 OR o_custkey % 4 = 3 THEN NULL ELSE o_totalprice END AS v, CASE WHEN o_orderkey % 8 < 3 "
      + "OR o_custkey % 4 = 3 THEN NULL WHEN o_orderkey % 7 = 0 THEN CAST(o_totalprice AS DOUBLE) * 1e15 ELSE "
      + "CAST(o_totalprice AS DOUBLE) / 3 END AS d, o_orderdate AS t, o_orderpriority AS p, o_custkey AS c "
      + "FROM orders WHERE o_custkey < 60) ";

  /** The aggregates of one window, {@code over} spelled out (a name or a parenthesised specification). */
  private static String aggregates(String over) {
    return "count(*) OVER " + over + ", count(v) OVER " + over + ", sum(v) OVER " + over + ", avg(v) OVER " + over
        + ", sum(d) OVER " + over + ", avg(d) OVER " + over + ", min(v) OVER " + over + ", max(d) OVER " + over
        + ", min(t) OVER " + over + ", max(p) OVER " + over + ", sum(k) OVER " + over + ", min(k) OVER " + over;
  }

  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(4);

  static Stream<String> statements() {
    List<String> out = new ArrayList<>();
    // whole partitions: no ORDER BY, UNBOUNDED at both ends with ORDER BY (alone, so unsorted; or beside a function
    // that needs the order), several partition keys, one partition, a partition per row
    for (String over : List.of("(PARTITION BY g)", "()", "(PARTITION BY g, p)", "(PARTITION BY k)",
        "(PARTITION BY g ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)",
        "(PARTITION BY g ORDER BY p DESC RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)")) {
      out.add(ORDERS + "SELECT k, " + aggregates(over) + " FROM t ORDER BY k");
    }
    out.add(ORDERS + "SELECT k, sum(v) OVER w, first_value(v) OVER w, last_value(k) OVER w, max(d) OVER w FROM t "
        + "WINDOW w AS (PARTITION BY g ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) "
        + "ORDER BY k");
    // running frames: ROWS to the current row, RANGE to its last peer (ties on p and t), descending, NULL keys
    for (String over : List.of("(PARTITION BY g ORDER BY k)", "(PARTITION BY g ORDER BY p)",
        "(PARTITION BY g ORDER BY p DESC, t, k ROWS UNBOUNDED PRECEDING)", "(PARTITION BY c ORDER BY t DESC)",
        "(ORDER BY v NULLS FIRST)", "(PARTITION BY g ORDER BY v DESC NULLS LAST)",
        "(PARTITION BY g ORDER BY d DESC NULLS FIRST)", "(PARTITION BY g ORDER BY d DESC NULLS LAST)",
        "(PARTITION BY p ORDER BY k % 3 = 0, d NULLS FIRST, k)",
        "(PARTITION BY g ORDER BY p, k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
        "(PARTITION BY g ORDER BY p RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)")) {
      out.add(ORDERS + "SELECT k, " + aggregates(over) + " FROM t ORDER BY k");
    }
    // sliding ROWS frames: sums and counts add and remove rows (doubles of magnitudes 1e5 and 1e20 leave the frame
    // again), MIN and MAX over moving frames, frames before or after the current row, frames wider than partitions
    for (String frame : List.of("ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING", "ROWS BETWEEN 5 PRECEDING AND 1 PRECEDING",
        "ROWS BETWEEN CURRENT ROW AND 4 FOLLOWING", "ROWS BETWEEN 2 FOLLOWING AND 6 FOLLOWING",
        "ROWS BETWEEN 1000 PRECEDING AND 1000 FOLLOWING")) {
      out.add(ORDERS + "SELECT k, " + aggregates("(PARTITION BY g ORDER BY k " + frame + ")") + ", sum(d) OVER "
          + "(ORDER BY t, k " + frame + ") FROM t ORDER BY k");
    }
    // decimals stay exact: sums beyond 18 digits (the 128-bit sums of longs), and of decimals wider than a long
    out.add(ORDERS + "SELECT k, sum(CAST(v * 10000000000 AS DECIMAL(18, 2))) OVER (PARTITION BY g), "
        + "sum(CAST(v * 10000000000 AS DECIMAL(18, 2))) OVER (PARTITION BY g ORDER BY k), "
        + "sum(CAST(v * 10000000000 AS DECIMAL(18, 2))) OVER (PARTITION BY g ORDER BY k ROWS BETWEEN 20 PRECEDING "
        + "AND CURRENT ROW), sum(CAST(v AS DECIMAL(30, 4)) * 1000000000000000) OVER (PARTITION BY g ORDER BY p), "
        + "sum(CAST(v AS DECIMAL(30, 4)) * 1000000000000000) OVER () FROM t ORDER BY k");
    // ranking functions and LAG/LEAD over ties, several partitions and one
    for (String over : List.of("(PARTITION BY g ORDER BY p)", "(PARTITION BY g ORDER BY t DESC, k)",
        "(ORDER BY p NULLS FIRST)", "(PARTITION BY c ORDER BY v NULLS LAST)")) {
      out.add(ORDERS + "SELECT k, row_number() OVER " + over + " IS NOT NULL, rank() OVER " + over
          + ", dense_rank() OVER " + over + ", lead(v, 2, 0) OVER (PARTITION BY g "
          + "ORDER BY k), lag(p, 3) OVER (PARTITION BY g ORDER BY k), lead(k, 1) OVER (ORDER BY k) FROM t ORDER BY k");
    }
    // all values NULL in a partition, and no input at all
    out.add(ORDERS + "SELECT k, " + aggregates("(PARTITION BY g ORDER BY k)") + " FROM t WHERE g = 3 ORDER BY k");
    out.add(ORDERS + "SELECT k, " + aggregates("(PARTITION BY g)") + ", rank() OVER (ORDER BY p) FROM t WHERE k < 0 "
        + "ORDER BY k");
    return out.stream();
  }

  static Stream<Arguments> cases() {
    return statements().flatMap(sql -> Stream.of(Arguments.of(1, sql), Arguments.of(4, sql)));
  }

  @Timeout(120)
  @ParameterizedTest(name = "[{index}] workers {0}: {1}")
  @MethodSource("cases")
  void matchesDuckDb(int workers, String sql) throws Exception {
    (workers == 1 ? SERIAL : PARALLEL).get().assertSameRows(sql);
  }
}
