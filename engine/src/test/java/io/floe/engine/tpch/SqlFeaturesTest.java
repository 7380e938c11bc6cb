package io.floe.engine.tpch;

import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL features beyond the TPC-H queries, on the TPC-H tables, each compared with DuckDB on the same files; Floe
 * runs serially here (the TPC-H test runs in parallel).
 */
class SqlFeaturesTest {
  @RegisterExtension
  static final TpchOracleExtension ORACLE = new TpchOracleExtension(1);

  static Stream<String> statements() {
    return Stream.of(
        "SELECT n_name, r_name FROM nation FULL JOIN region ON n_regionkey = r_regionkey AND r_name LIKE 'A%' "
            + "ORDER BY n_name, r_name",
        "SELECT r_name, n_name FROM nation RIGHT JOIN region ON n_regionkey = r_regionkey AND n_nationkey < 3 "
            + "ORDER BY r_name, n_name",
        "SELECT c_custkey FROM customer WHERE c_nationkey NOT IN (SELECT n_nationkey FROM nation WHERE n_regionkey = 1)"
            + " AND c_custkey < 40 ORDER BY c_custkey",
        "SELECT n_name FROM nation WHERE n_nationkey IN (1, 3, 5) OR n_name BETWEEN 'J' AND 'K' ORDER BY n_name",
        // IN lists inside CASE in GROUP BY expressions (Calcite's converter failed on them), in HAVING, NOT IN
        "SELECT CASE WHEN o_orderdate IN (DATE '1993-01-11', DATE '1998-08-10') THEN NULL ELSE o_orderdate END AS d, "
            + "count(*) FROM orders GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5",
        "SELECT COALESCE(CASE WHEN o_orderpriority NOT IN ('1-URGENT', '2-HIGH') THEN NULL ELSE o_orderpriority END, "
            + "'low'), sum(o_totalprice) FROM orders GROUP BY CASE WHEN o_orderpriority NOT IN ('1-URGENT', '2-HIGH') "
            + "THEN NULL ELSE o_orderpriority END ORDER BY 1",
        "SELECT o_orderstatus, count(*) FROM orders GROUP BY o_orderstatus HAVING o_orderstatus NOT IN ('F', 'P') "
            + "OR count(*) IN (1, 2) ORDER BY 1",
        // the ORDER BY of a grouped SELECT repeats its GROUP BY expression with the IN list
        "SELECT count(*) FROM lineitem GROUP BY l_linenumber IN (1, 2) ORDER BY l_linenumber IN (1, 2)",
        "SELECT CASE WHEN l_linenumber IN (1, 2) THEN 0 ELSE 1 END, count(*) FROM lineitem "
            + "GROUP BY CASE WHEN l_linenumber IN (1, 2) THEN 0 ELSE 1 END "
            + "ORDER BY CASE WHEN l_linenumber IN (1, 2) THEN 0 ELSE 1 END",
        "SELECT o_orderpriority, count(DISTINCT o_custkey), min(o_totalprice), max(o_orderdate) FROM orders "
            + "GROUP BY o_orderpriority HAVING count(*) > 10 ORDER BY 1",
        "SELECT CAST(CAST(o_orderdate + INTERVAL '1' MONTH AS DATE) AS VARCHAR), "
            + "CAST(o_orderdate - INTERVAL '10' DAY AS DATE), "
            + "CAST(o_totalprice AS INTEGER), CAST(o_orderkey AS DECIMAL(12, 3)) / 7 FROM orders "
            + "ORDER BY o_orderkey LIMIT 5",
        "SELECT n_nationkey, n_name FROM nation WHERE n_nationkey < 3 UNION SELECT r_regionkey, r_name FROM region "
            + "ORDER BY 1, 2",
        "SELECT n_regionkey FROM nation UNION ALL SELECT r_regionkey FROM region ORDER BY 1",
        // INTERSECT ALL / EXCEPT ALL keep duplicates (least count; left count minus right counts), NULLs equal
        "SELECT n_regionkey FROM nation EXCEPT ALL SELECT r_regionkey FROM region ORDER BY 1",
        "SELECT n_regionkey FROM nation EXCEPT ALL SELECT r_regionkey FROM region EXCEPT ALL "
            + "SELECT n_regionkey FROM nation WHERE n_nationkey < 8 ORDER BY 1",
        "SELECT n_regionkey FROM nation INTERSECT ALL SELECT n_regionkey FROM nation WHERE n_nationkey < 15 "
            + "INTERSECT ALL SELECT n_regionkey FROM nation WHERE n_nationkey > 3 ORDER BY 1",
        "SELECT NULLIF(n_regionkey, 1), n_regionkey % 2 FROM nation EXCEPT ALL "
            + "SELECT NULLIF(r_regionkey, 3), r_regionkey % 2 FROM region ORDER BY 1 NULLS FIRST, 2",
        "SELECT NULLIF(n_regionkey, 1) FROM nation INTERSECT ALL SELECT NULLIF(n_regionkey, 1) FROM nation "
            + "WHERE n_nationkey < 12 ORDER BY 1 NULLS FIRST",
        "SELECT l_returnflag, l_linestatus FROM lineitem EXCEPT ALL SELECT l_returnflag, l_linestatus FROM lineitem "
            + "WHERE l_quantity < 40 ORDER BY 1, 2",
        "SELECT x, y FROM (VALUES (1, 'a'), (2, 'b'), (3, NULL)) AS t(x, y) WHERE y IS NOT NULL ORDER BY x DESC",
        "SELECT CASE WHEN l_discount > 0.05 THEN 'high' WHEN l_discount > 0.02 THEN 'mid' ELSE 'low' END AS band, "
            + "sum(l_quantity), avg(l_extendedprice) FROM lineitem GROUP BY 1 ORDER BY 1",
        "SELECT extract(year FROM o_orderdate) AS y, extract(month FROM o_orderdate) AS m, count(*) FROM orders "
            + "GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 7 OFFSET 3",
        "SELECT p_partkey, upper(substring(p_name FROM 3 FOR 5)), coalesce(NULLIF(p_size, 1), -1) FROM part "
            + "WHERE p_type NOT LIKE '%BRASS' ORDER BY p_retailprice DESC, p_partkey LIMIT 10",
        "SELECT s_suppkey FROM supplier s WHERE NOT EXISTS (SELECT 1 FROM partsupp WHERE ps_suppkey = s_suppkey "
            + "AND ps_availqty > 9990) ORDER BY s_suppkey LIMIT 20",
        "SELECT count(*) FROM lineitem l JOIN orders o ON l_orderkey = o_orderkey AND l_shipdate > o_orderdate + "
            + "INTERVAL '100' DAY",
        "SELECT sum(CASE WHEN c_acctbal < 0 THEN NULL ELSE c_acctbal END), count(NULLIF(c_mktsegment, 'BUILDING')) "
            + "FROM customer",
        "SELECT o_custkey, count(*) FROM orders WHERE o_custkey IN (SELECT c_custkey FROM customer WHERE "
            + "c_acctbal > 9000) GROUP BY o_custkey ORDER BY 2 DESC, 1 LIMIT 10",
        "SELECT n_name, n_regionkey, row_number() OVER (PARTITION BY n_regionkey ORDER BY n_name), "
            + "rank() OVER (ORDER BY n_regionkey), dense_rank() OVER (ORDER BY n_regionkey), "
            + "count(*) OVER (PARTITION BY n_regionkey), sum(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_name) "
            + "FROM nation ORDER BY n_name",
        "SELECT o_orderdate, sum(o_totalprice) OVER (ORDER BY o_orderdate), max(o_totalprice) OVER () FROM orders "
            + "WHERE o_custkey < 20 ORDER BY o_orderdate, 2",
        "SELECT o_orderkey, sum(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT "
            + "ROW) FROM orders WHERE o_custkey < 20 ORDER BY o_orderkey");
  }

  @Timeout(60)
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDb(String sql) throws Exception {
    ORACLE.get().assertSameRows(sql);
  }
}
