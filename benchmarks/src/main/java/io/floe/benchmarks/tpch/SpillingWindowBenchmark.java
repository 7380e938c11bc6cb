package io.floe.benchmarks.tpch;

/**
 * Window functions over orders' 1.5 million rows at SF 1 (a running row number and a sliding sum per customer, the
 * comment carried through), in memory and under a memory limit that makes the window spill ({@code memoryMib}; 0 for
 * the default limit), on Floe and on DuckDB over the same Parquet files ({@code -Dtpch.dir}). The rows are aggregated
 * into one, so neither engine's time is spent handing rows to the client.
 */
public class SpillingWindowBenchmark extends SpillingQueryRun {
  static final String WINDOW = "SELECT count(*), sum(rn), max(s), max(length(c)) FROM (SELECT "
      + "row_number() OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) AS rn, "
      + "sum(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey "
      + "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s, o_comment AS c FROM orders) AS w";

  @Override
  String sql() {
    return WINDOW;
  }
}
