package io.floe.benchmarks.tpch;

/**
 * A GROUP BY with 1.5 million groups at SF 1 ({@code l_orderkey} of lineitem's 6 million rows), in memory and under a
 * memory limit that makes it spill ({@code memoryMib}; 0 for the default limit), on Floe and on DuckDB (its
 * {@code memory_limit} and a temporary directory of its own) over the same Parquet files ({@code -Dtpch.dir}). The
 * groups are aggregated again into one row, so neither engine's time is spent handing rows to the client.
 */
public class SpillingAggregateBenchmark extends SpillingQueryRun {
  static final String GROUP_BY = "SELECT count(*), sum(q), max(p), min(n) FROM (SELECT l_orderkey, "
      + "sum(l_quantity) AS q, max(l_extendedprice) AS p, count(*) AS n FROM lineitem GROUP BY l_orderkey) AS g";

  @Override
  String sql() {
    return GROUP_BY;
  }
}
