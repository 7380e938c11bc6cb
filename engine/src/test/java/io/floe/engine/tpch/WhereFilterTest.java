package io.floe.engine.tpch;

import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WHERE conditions evaluated over selection vectors (conjunctions, disjunctions, column-versus-constant tests and IN
 * lists of every column kind, NULLs, constants at another scale, guarded operands), each compared with DuckDB on the same
 * files, on one and on two workers.
 */
class WhereFilterTest {
  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(2);

  private static final String NULLABLE = "(VALUES (1, 2.50, 'a', DATE '2024-01-01', 1.5e0), "
      + "(NULL, NULL, NULL, NULL, NULL), (3, 0.05, 'b', DATE '2024-02-01', -0.0e0), "
      + "(4, 7.25, 'ab', DATE '2023-12-31', 0.0e0), (NULL, 1.00, 'c', NULL, -2.5e0)) AS t(x, d, s, dt, f)";

  static Stream<String> statements() {
    return Stream.of(
        // conjunctions of column-versus-constant tests pushed into the scan: decimals, dates, an integer constant
        "SELECT l_orderkey, l_linenumber FROM lineitem WHERE l_quantity < 24 AND l_discount BETWEEN 0.05 AND 0.07 "
            + "AND l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01' ORDER BY 1, 2",
        // the constant on the left; a constant with more decimal places than the column
        "SELECT l_orderkey, l_linenumber FROM lineitem WHERE 24 > l_quantity AND 0.055 < l_discount "
            + "AND l_extendedprice >= 90000.505 ORDER BY 1, 2",
        // strings: equality, inequality and order; columns read only for the condition are dropped
        "SELECT l_orderkey, l_linenumber FROM lineitem WHERE l_shipmode = 'MAIL' AND l_returnflag <> 'R' "
            + "AND l_quantity <= 3 ORDER BY 1, 2",
        "SELECT count(*), sum(l_quantity) FROM lineitem WHERE l_shipmode < 'MAIL' OR l_shipmode >= 'TRUCK' "
            + "OR l_comment > 'z'",
        // OR of ANDs with IN lists and ranges (as in TPC-H Q19)
        "SELECT l_orderkey, l_linenumber FROM lineitem WHERE (l_shipmode IN ('AIR', 'REG AIR') AND l_quantity "
            + "BETWEEN 1 AND 11) OR (l_shipinstruct = 'DELIVER IN PERSON' AND l_quantity > 49) OR l_orderkey = 7 "
            + "ORDER BY 1, 2",
        "SELECT count(*) FROM lineitem WHERE l_quantity < 0 AND l_shipmode = 'MAIL'",
        "SELECT count(*) FROM lineitem WHERE l_quantity >= 0 OR l_shipmode = 'MAIL'",
        // NULLs: a NULL test drops the row, also under OR and NOT
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE x >= 1 ORDER BY x",
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE d <> 2.5 AND d >= 0.05 ORDER BY x NULLS FIRST",
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE s = 'a' OR s > 'aa' ORDER BY s",
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE dt < DATE '2024-01-15' OR x = 3 ORDER BY x",
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE f <= 0 ORDER BY f, x NULLS FIRST",
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE f > -1 AND f <> 1.5 ORDER BY x",
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE NOT (x > 1) OR x IS NULL ORDER BY d",
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE x <> 2 OR s = 'zz' ORDER BY x",
        // IN lists tested in place: NULL x drops the row for IN and NOT IN
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE x IN (1, 4) ORDER BY x",
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE x NOT IN (1, 4) ORDER BY x",
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE s IN ('a', 'c') OR d IN (7.25, 0.05) ORDER BY s",
        "SELECT x, d, s, dt, f FROM " + NULLABLE + " WHERE dt IN (DATE '2024-01-01', DATE '2023-12-31') "
            + "AND d IN (2.5, 2.501, 7.25) ORDER BY x",
        "SELECT count(*), sum(l_extendedprice) FROM lineitem WHERE l_shipmode NOT IN ('MAIL', 'SHIP') "
            + "AND l_quantity IN (1, 2, 3) AND l_linenumber IN (1, 7)",
        // an operand guarded by an earlier one is not evaluated where the guard fails (MOD by zero is an error)
        "SELECT n_nationkey FROM nation WHERE n_regionkey <> 0 AND 12 % n_regionkey = 0 ORDER BY 1",
        "SELECT n_nationkey FROM nation WHERE n_regionkey = 0 OR 12 % n_regionkey = 0 ORDER BY 1");
  }

  @Timeout(60)
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDb(String sql) throws Exception {
    SERIAL.get().assertSameRows(sql);
  }

  @Timeout(60)
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDbOnTwoWorkers(String sql) throws Exception {
    PARALLEL.get().assertSameRows(sql);
  }
}
