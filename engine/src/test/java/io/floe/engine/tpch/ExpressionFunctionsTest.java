package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.ResultRows;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each vectorized expression kernel over the TPC-H tables, compared with DuckDB on the same files, and checked to
 * run without the boxed fallback; runtime errors (22012, 22003, 22018) on real rows.
 */
class ExpressionFunctionsTest {
  @RegisterExtension
  static final TpchOracleExtension ORACLE = new TpchOracleExtension(2);

  static Stream<String> statements() {
    return Stream.of(
        // searched and simple CASE with typed results of several types, NULL branches
        "SELECT o_orderkey, CASE o_orderpriority WHEN '1-URGENT' THEN 1 WHEN '2-HIGH' THEN 2 ELSE 3 END, "
            + "CASE WHEN o_totalprice > 200000 THEN o_totalprice * 2 WHEN o_totalprice > 100000 THEN o_totalprice "
            + "ELSE NULL END, CASE WHEN o_orderstatus = 'F' THEN o_clerk ELSE o_orderpriority END, "
            + "CASE WHEN o_orderdate < DATE '1995-01-01' THEN o_orderdate END "
            + "FROM orders ORDER BY o_orderkey LIMIT 200",
        // a guarded division: rows with a zero divisor never evaluate it
        "SELECT l_orderkey, l_linenumber, CASE WHEN l_discount = 0 THEN NULL ELSE l_tax / l_discount END "
            + "FROM lineitem WHERE l_orderkey < 400 ORDER BY 1, 2",
        "SELECT c_custkey, COALESCE(NULLIF(c_nationkey, 3), NULLIF(MOD(c_custkey, 7), 0), -1), "
            + "NULLIF(c_mktsegment, 'BUILDING'), COALESCE(NULLIF(c_acctbal, c_acctbal), 0.5) "
            + "FROM customer ORDER BY 1 LIMIT 300",
        "SELECT CAST(l_extendedprice AS DECIMAL(10, 1)), CAST(l_discount * 100 AS INTEGER), CAST(l_quantity AS DOUBLE), "
            + "CAST(CAST(l_shipdate AS TIMESTAMP) AS VARCHAR), CAST(CAST(l_shipdate AS TIMESTAMP) AS DATE), "
            + "CAST(l_orderkey AS VARCHAR), CAST(l_extendedprice AS VARCHAR), CAST(-l_tax AS VARCHAR), "
            + "CAST(CAST(l_linenumber AS VARCHAR) AS INTEGER), CAST(CAST(l_shipdate AS VARCHAR) AS DATE), "
            + "CAST(CAST(l_extendedprice AS VARCHAR) AS DECIMAL(12, 2)), CAST(l_linenumber AS DECIMAL(5, 2)) "
            + "FROM lineitem ORDER BY l_orderkey, l_linenumber LIMIT 300",
        "SELECT l_orderkey, l_linenumber, l_extendedprice / l_quantity, MOD(l_orderkey, 7), l_quantity / 7, "
            + "MOD(l_extendedprice, 7), CAST(l_extendedprice AS DOUBLE) / l_quantity, -l_extendedprice, "
            + "l_extendedprice * (1 - l_discount) / (1 + l_tax) FROM lineitem WHERE l_orderkey < 200 ORDER BY 1, 2",
        "SELECT count(*), sum(l_quantity) FROM lineitem WHERE l_shipmode IN ('MAIL', 'SHIP', 'AIR') "
            + "AND l_linenumber IN (1, 3, 5) AND l_discount NOT IN (0.01, 0.02) "
            + "AND l_shipdate IN (DATE '1995-03-15', DATE '1996-01-01', DATE '1994-07-04', DATE '1997-12-31') "
            + "OR l_quantity IN (1.5, 2, 3)",
        // strings of different lengths in one list (no CHAR padding), NOT IN
        "SELECT l_shipmode, count(*) FROM lineitem WHERE l_shipmode IN ('AIR', 'AIR REG', 'MAIL') GROUP BY 1 ORDER BY 1",
        "SELECT l_shipmode, count(*) FROM lineitem WHERE l_shipmode NOT IN ('AIR', 'AIR REG', 'MAIL', 'FOB') "
            + "AND l_orderkey NOT IN (1, 2, 3, 7) GROUP BY 1 ORDER BY 1",
        "SELECT c_custkey, substring(c_phone FROM 1 FOR 2), substring(c_name FROM 10), upper(c_mktsegment), "
            + "lower(c_name), char_length(c_address), position('ly' IN c_comment), "
            + "trim(BOTH ' ' FROM '  ' || c_mktsegment || ' '), trim(LEADING 'C' FROM c_name), "
            + "c_name || '-' || CAST(c_custkey AS VARCHAR), c_phone LIKE '1_-%', c_comment LIKE '%a_c%' "
            + "FROM customer ORDER BY c_custkey LIMIT 300",
        // LIKE segments of one and several bytes, repeated bytes; patterns that are columns (compiled per pattern)
        "SELECT c_custkey, c_comment LIKE '%the%ly%', c_comment LIKE '%s%a%e%', c_comment LIKE '%ironic%', "
            + "c_comment LIKE '%ss%', c_comment NOT LIKE '%eee%', c_comment LIKE '%furiously%pending%', "
            + "c_address LIKE '%' || substring(c_name FROM 17 FOR 1) || '%', "
            + "c_name LIKE 'Customer#' || substring(c_phone FROM 2 FOR 1) || '%', "
            + "c_comment NOT LIKE '%' || lower(substring(c_mktsegment FROM 2 FOR 2)) || '%', "
            + "c_phone LIKE substring(c_phone FROM 1 FOR 2) || '_%' "
            + "FROM customer ORDER BY c_custkey LIMIT 1500",
        "SELECT extract(year FROM o_orderdate), extract(month FROM o_orderdate), extract(day FROM o_orderdate), "
            + "extract(quarter FROM o_orderdate), extract(doy FROM o_orderdate), "
            + "extract(hour FROM CAST(o_orderdate AS TIMESTAMP) + INTERVAL '13' HOUR), "
            + "extract(minute FROM CAST(o_orderdate AS TIMESTAMP) + INTERVAL '125' MINUTE), count(*) "
            + "FROM orders GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3 LIMIT 400",
        "SELECT o_orderkey, CAST(o_orderdate + INTERVAL '1' MONTH AS DATE), CAST(o_orderdate - INTERVAL '1' YEAR AS DATE), "
            + "CAST(o_orderdate + INTERVAL '14' MONTH AS DATE), CAST(o_orderdate + INTERVAL '3' DAY AS DATE), "
            + "CAST(o_orderdate - INTERVAL '40' DAY AS DATE), "
            + "CAST(CAST(o_orderdate AS TIMESTAMP) + INTERVAL '1' MONTH AS VARCHAR) "
            + "FROM orders WHERE extract(day FROM o_orderdate) >= 28 ORDER BY o_orderkey LIMIT 300",
        "SELECT c_custkey, abs(c_acctbal), round(c_acctbal, 1), floor(c_acctbal), ceil(c_acctbal), round(c_acctbal), "
            + "round(CAST(c_acctbal AS DOUBLE), 1), abs(c_nationkey - 12) FROM customer ORDER BY c_custkey LIMIT 300");
  }

  @Timeout(60)
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDbWithTypedKernels(String sql) throws Exception {
    ORACLE.get().assertSameRowsOnTypedKernels(sql);
  }

  @Test
  void divisionByZeroFailsOnlyWhereARowReachesIt() throws Exception {
    SQLException e = assertThrows(SQLException.class,
        () -> ORACLE.get().actual("SELECT l_tax / l_discount FROM lineitem WHERE l_orderkey < 400"));
    assertEquals("22012", e.getSQLState(), e.getMessage());
    List<List<Object>> guarded = ORACLE.get().actual("SELECT count(*) FROM lineitem WHERE l_discount > 0 "
        + "AND l_tax / l_discount > 1");
    assertNull(ResultRows.difference(ORACLE.get().expected("SELECT count(*) FROM lineitem WHERE l_discount > 0 "
        + "AND l_tax / l_discount > 1"), guarded));
  }

  @Test
  void castErrorsNameTheValue() {
    SQLException notANumber = assertThrows(SQLException.class,
        () -> ORACLE.get().actual("SELECT CAST(c_name AS INTEGER) FROM customer"));
    assertEquals("22018", notANumber.getSQLState(), notANumber.getMessage());
    assertTrue(notANumber.getMessage().contains("Customer#"), notANumber.getMessage());
    SQLException tooBig = assertThrows(SQLException.class,
        () -> ORACLE.get().actual("SELECT CAST(o_totalprice AS DECIMAL(5, 2)) FROM orders"));
    assertEquals("22003", tooBig.getSQLState(), tooBig.getMessage());
    SQLException badDate = assertThrows(SQLException.class,
        () -> ORACLE.get().actual("SELECT CAST(o_comment AS DATE) FROM orders"));
    assertEquals("22007", badDate.getSQLState(), badDate.getMessage());
    // INTEGER and SMALLINT arithmetic is checked against its type (computed in 64 bits, it must not wrap)
    for (String overflow : List.of("SELECT CAST(n_nationkey AS INTEGER) * 2147483647 FROM nation",
        "SELECT CAST(n_nationkey AS SMALLINT) * CAST(30000 AS SMALLINT) FROM nation",
        "SELECT CAST(n_nationkey AS INTEGER) + 2147483640 FROM nation")) {
      SQLException e = assertThrows(SQLException.class, () -> ORACLE.get().actual(overflow), overflow);
      assertEquals("22003", e.getSQLState(), e.getMessage());
    }
  }
}
