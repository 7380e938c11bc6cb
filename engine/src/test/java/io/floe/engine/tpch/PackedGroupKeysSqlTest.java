package io.floe.engine.tpch;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GROUP BY over keys the group table packs into one long (short strings, small-range integers, dates, decimals,
 * booleans, NULLs) and over keys that stop fitting part way through the scan (a long string, NULLs, negative and
 * huge integers in later rows, which come in later batches), compared with DuckDB serially and on 4 workers.
 */
class PackedGroupKeysSqlTest {
  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(4);

  private static final List<String> STATEMENTS = List.of(
      "SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity), sum(l_extendedprice * (1 - l_discount)), "
          + "avg(l_discount) FROM lineitem GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2",
      "SELECT l_shipmode, count(*), min(l_shipdate) FROM lineitem GROUP BY 1 ORDER BY 1",
      "SELECT l_shipdate, l_discount, l_quantity > 25, l_returnflag, count(*), sum(l_tax) FROM lineitem "
          + "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
      "SELECT CASE WHEN l_orderkey > 40000 THEN l_shipmode || '-long-' || l_returnflag ELSE l_returnflag END, "
          + "l_linestatus, count(*), sum(l_extendedprice) FROM lineitem GROUP BY 1, 2 ORDER BY 1, 2",
      "SELECT CASE WHEN l_linenumber = 1 THEN NULL ELSE l_returnflag END, "
          + "CASE WHEN l_orderkey > 50000 THEN l_orderkey * 100000000000000 WHEN l_orderkey > 30000 THEN -l_partkey "
          + "WHEN l_linenumber = 2 THEN NULL ELSE l_linenumber END, count(*), sum(l_quantity) FROM lineitem "
          + "GROUP BY 1, 2 ORDER BY 1, 2",
      "SELECT CASE WHEN l_linenumber = 2 THEN '' WHEN l_linenumber = 3 THEN 'é' WHEN l_linenumber = 4 THEN NULL "
          + "ELSE l_linestatus END, l_discount - 0.05, CASE WHEN l_orderkey > 20000 THEN l_suppkey END, count(*) "
          + "FROM lineitem GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
      "SELECT o_orderstatus, o_orderpriority, count(*) FROM orders GROUP BY 1, 2 ORDER BY 1, 2",
      "SELECT o_orderstatus, CASE WHEN o_orderkey > 30000 THEN o_orderpriority ELSE substring(o_orderpriority, 1, 1) "
          + "END, o_orderdate > DATE '1995-01-01', count(*), sum(o_totalprice) FROM orders GROUP BY 1, 2, 3 "
          + "ORDER BY 1, 2, 3",
      "SELECT l_returnflag, l_linestatus, count(DISTINCT l_suppkey), min(l_comment) FROM lineitem GROUP BY 1, 2 "
          + "ORDER BY 1, 2",
      "SELECT l_orderkey, o_orderdate, o_shippriority, sum(l_extendedprice * (1 - l_discount)) FROM lineitem "
          + "JOIN orders ON l_orderkey = o_orderkey WHERE o_orderdate < DATE '1995-03-15' "
          + "GROUP BY 1, 2, 3 ORDER BY 4 DESC, 2 LIMIT 20",
      "SELECT n_name, n_regionkey, count(*) FROM nation GROUP BY 1, 2 ORDER BY 1");

  static Stream<Arguments> statements() {
    return STATEMENTS.stream().flatMap(sql -> Stream.of(Arguments.of(1, sql), Arguments.of(4, sql)));
  }

  @ParameterizedTest(name = "[{index}] workers {0}: {1}")
  @MethodSource("statements")
  void matchesDuckDb(int workers, String sql) throws Exception {
    (workers == 1 ? SERIAL : PARALLEL).get().assertSameRows(sql);
  }
}
