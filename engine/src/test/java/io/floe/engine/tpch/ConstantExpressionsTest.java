package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Constant expressions, which the planner folds with the engine's kernels, compared with DuckDB on the TPC-H
 * tables; a constant that fails (division by zero, overflow) fails as the same expression over a column does, and
 * only when a row reaches it.
 */
class ConstantExpressionsTest {
  @RegisterExtension
  static final TpchOracleExtension ORACLE = new TpchOracleExtension(1);

  static Stream<String> statements() {
    return Stream.of(
        "SELECT r_regionkey, 1 + 2 * 3, -7 % 3, 1.25 + 2.5, 1 - 0.06, 1.10 * 3.333, CAST(12.34 AS DECIMAL(5, 1)), "
            + "CAST(7 AS DECIMAL(12, 2)), CAST(2.5 AS INTEGER) FROM region ORDER BY r_regionkey",
        "SELECT r_regionkey FROM region WHERE r_regionkey > 1 + 1 AND 1 < 2 ORDER BY 1",
        "SELECT upper('abc') || 'x', substring('hello' FROM 2 FOR 3), CAST(12.50 AS VARCHAR), "
            + "CAST(DATE '1998-12-01' AS VARCHAR), trim('  a  ') FROM region WHERE r_regionkey = 0",
        "SELECT CAST(1 AS DOUBLE) / 4, CAST(0.5 AS DOUBLE) * 3 FROM region WHERE r_regionkey = 0",
        "SELECT CAST(NULL AS INTEGER) + 1, 'x' || CAST(NULL AS VARCHAR), CAST(NULL AS DECIMAL(10, 2)) * 2, "
            + "r_regionkey FROM region ORDER BY r_regionkey",
        "SELECT count(*) FROM lineitem WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY",
        "SELECT count(*) FROM orders WHERE o_orderdate >= DATE '1994-01-31' + INTERVAL '1' MONTH "
            + "AND o_orderdate < DATE '1994-01-31' + INTERVAL '1' YEAR",
        "SELECT sum(l_extendedprice * (1 - 0.06 - 0.01)) FROM lineitem WHERE l_discount BETWEEN 0.06 - 0.01 AND "
            + "0.06 + 0.01 AND l_quantity < 20 + 4",
        "SELECT extract(year FROM DATE '1996-02-29'), CAST(CAST('1995-03-15' AS DATE) + INTERVAL '3' DAY AS DATE) "
            + "FROM region WHERE r_regionkey = 0");
  }

  @Timeout(60)
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDb(String sql) throws Exception {
    ORACLE.get().assertSameRows(sql);
  }

  @Test
  void divisionByZeroInAConstantFailsWhenARowReachesIt() throws Exception {
    SQLException e = assertThrows(SQLException.class, () -> ORACLE.get().actual("SELECT 1 / 0 FROM region"));
    assertEquals("22012", e.getSQLState(), e.getMessage());
    SQLException decimal = assertThrows(SQLException.class,
        () -> ORACLE.get().actual("SELECT r_regionkey FROM region WHERE r_regionkey > 1.5 / 0.0"));
    assertEquals("22012", decimal.getSQLState(), decimal.getMessage());
    List<List<Object>> guarded = ORACLE.get().actual(
        "SELECT CASE WHEN r_regionkey < 0 THEN 1 / 0 ELSE r_regionkey END FROM region ORDER BY 1");
    assertEquals(List.of(List.of(0L), List.of(1L), List.of(2L), List.of(3L), List.of(4L)), normalized(guarded));
    assertEquals(List.of(), ORACLE.get().actual("SELECT 1 / 0 FROM region WHERE r_regionkey < 0"));
  }

  @Test
  void overflowInAConstantFailsAsOverAColumn() {
    SQLException constant = assertThrows(SQLException.class,
        () -> ORACLE.get().actual("SELECT 2147483647 + 1 FROM region"));
    SQLException column = assertThrows(SQLException.class,
        () -> ORACLE.get().actual("SELECT 2147483647 + CAST(r_regionkey + 1 AS INTEGER) FROM region"));
    assertEquals("22003", constant.getSQLState(), constant.getMessage());
    assertEquals(column.getSQLState(), constant.getSQLState());
  }

  private static List<List<Object>> normalized(List<List<Object>> rows) {
    return rows.stream().map(row -> Arrays.asList(row.stream()
        .map(v -> v instanceof Number n ? (Object) n.longValue() : v).toArray())).toList();
  }
}
