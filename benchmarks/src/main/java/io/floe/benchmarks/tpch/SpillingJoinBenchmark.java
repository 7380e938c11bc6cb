package io.floe.benchmarks.tpch;

import io.floe.engine.FloeSession;

/**
 * A hash join at SF 1: lineitem's 6 million rows probe orders' 1.5 million (built in a hash table), partitioned by the
 * order key on Floe (no broadcast), in memory and under a memory limit that makes the build side spill
 * ({@code memoryMib}; 0 for the default limit), on Floe and on DuckDB over the same Parquet files
 * ({@code -Dtpch.dir}). The joined rows are aggregated into one row, so neither engine's time is spent handing rows to
 * the client.
 */
public class SpillingJoinBenchmark extends SpillingQueryRun {
  static final String JOIN = "SELECT count(*), sum(l_extendedprice), max(o_totalprice), min(o_orderdate), "
      + "max(o_orderpriority) FROM lineitem JOIN orders ON l_orderkey = o_orderkey";

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
