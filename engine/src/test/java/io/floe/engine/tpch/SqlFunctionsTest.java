package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL function library beyond the TPC-H kernels (math, variance aggregates, current time, text and date
 * functions) over the TPC-H tables, compared with DuckDB on the same files and checked to run on typed kernels;
 * explicit values where DuckDB's dialect differs.
 */
class SqlFunctionsTest {
  @RegisterExtension
  static final TpchOracleExtension ORACLE = new TpchOracleExtension(2);

  static Stream<String> statements() {
    return Stream.of(
        // variance aggregates: decimals (exact sums, then DOUBLE), doubles, large magnitudes, NULLs, 1-row groups
        "SELECT l_returnflag, l_linestatus, stddev(l_quantity), variance(l_quantity), stddev_pop(l_extendedprice), "
            + "var_pop(l_discount), stddev_samp(l_tax), var_samp(l_extendedprice), "
            + "stddev(CAST(l_extendedprice AS DOUBLE)), stddev(l_extendedprice * 1000), "
            + "var_pop(CAST(l_extendedprice * 100 AS DOUBLE)) FROM lineitem GROUP BY 1, 2 ORDER BY 1, 2",
        "SELECT l_orderkey, stddev(CASE WHEN l_linenumber > 3 THEN l_quantity END), "
            + "var_pop(CASE WHEN l_linenumber > 2 THEN l_quantity END), stddev_pop(l_quantity), "
            + "stddev_samp(CAST(l_quantity AS DOUBLE)) FROM lineitem WHERE l_orderkey < 200 GROUP BY 1 ORDER BY 1",
        "SELECT c_custkey, power(c_acctbal, 2), power(c_custkey, 0.5), sqrt(abs(c_acctbal)), cbrt(c_acctbal), "
            + "ln(c_custkey), log10(c_custkey), log(2, c_custkey), exp(c_nationkey / 10.0), sign(c_acctbal), "
            + "sign(c_nationkey - 12), pi() * c_custkey FROM customer ORDER BY 1 LIMIT 500",
        "SELECT c_custkey, degrees(c_acctbal), radians(c_acctbal), sin(c_acctbal), cos(c_acctbal), tan(c_custkey), "
            + "asin(CAST(c_nationkey AS DOUBLE) / 24), acos(CAST(c_nationkey AS DOUBLE) / 24), atan(c_acctbal), "
            + "atan2(c_acctbal, c_custkey), cot(c_custkey) FROM customer ORDER BY 1 LIMIT 500",
        "SELECT c_custkey, trunc(c_acctbal, 1), trunc(c_acctbal), trunc(CAST(c_acctbal AS DOUBLE), 1), "
            + "trunc(c_acctbal, -1), sign(CAST(c_acctbal AS DOUBLE)) FROM customer ORDER BY 1 LIMIT 500",
        "SELECT c_custkey, power(CASE WHEN c_nationkey > 10 THEN c_acctbal END, 2), "
            + "sqrt(CASE WHEN c_acctbal > 0 THEN c_acctbal END), sign(CASE WHEN c_nationkey > 5 THEN c_acctbal END) "
            + "FROM customer ORDER BY 1 LIMIT 200",
        // timestamps as text keep their fraction of a second: constants (folded at plan time) and columns alike
        "SELECT CAST(TIMESTAMP '2024-01-01 10:11:12.123456' AS VARCHAR), "
            + "CAST(TIMESTAMP '2024-01-01 10:11:12.123' AS VARCHAR), "
            + "CAST(CAST('2024-01-01 10:11:12.123456' AS TIMESTAMP) AS VARCHAR), "
            + "CAST(CAST(TIMESTAMP '2024-01-01 10:11:12.123456' AS TIMESTAMP(3)) AS VARCHAR), "
            + "CAST(TIMESTAMP '2024-01-01 10:11:12.123456' + INTERVAL '0.5' SECOND AS VARCHAR), "
            + "CAST(TIME '10:11:12.123' AS VARCHAR), CAST(TIMESTAMP '2024-01-01 10:11:12' AS VARCHAR)",
        "SELECT o_orderkey, CAST(CAST(o_orderdate AS TIMESTAMP) + INTERVAL '0.5' SECOND AS VARCHAR), "
            + "CAST(CAST(CAST(o_orderdate AS VARCHAR) || ' 10:11:12.123456' AS TIMESTAMP) AS VARCHAR), "
            + "CAST(CAST(CAST(o_orderdate AS VARCHAR) || ' 23:59:59.000100' AS TIMESTAMP) + INTERVAL '0.25' SECOND "
            + "AS VARCHAR) FROM orders ORDER BY o_orderkey LIMIT 300");
  }

  @Timeout(60)
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDbWithTypedKernels(String sql) throws Exception {
    ORACLE.get().assertSameRowsOnTypedKernels(sql);
  }

  @Test
  void varianceOfOneRowAndOfNoRowsIsNull() throws Exception {
    ORACLE.get().assertSameRows("SELECT stddev(l_quantity), var_samp(l_extendedprice), var_pop(l_tax) "
        + "FROM lineitem WHERE l_orderkey < 0");
    assertEquals(Arrays.asList(null, 0.0), ORACLE.get().actual("SELECT stddev_samp(l_quantity), "
        + "stddev_pop(l_quantity) FROM lineitem WHERE l_orderkey = 1 AND l_linenumber = 1").get(0));
  }

  @Test
  void mathDomainErrorsHaveSqlStates() {
    SQLException sqrt = assertThrows(SQLException.class, () -> ORACLE.get().actual("SELECT sqrt(c_acctbal) "
        + "FROM customer"));
    assertEquals("2201F", sqrt.getSQLState(), sqrt.getMessage());
    SQLException ln = assertThrows(SQLException.class, () -> ORACLE.get().actual("SELECT ln(c_acctbal) "
        + "FROM customer"));
    assertEquals("2201E", ln.getSQLState(), ln.getMessage());
    assertTrue(ln.getMessage().contains("LN"), ln.getMessage());
  }

  @Test
  void timestampPlusFractionalIntervalIsAMicrosecondTimestamp() throws Exception {
    List<Object> row = ORACLE.get().actual("SELECT CAST(o_orderdate AS TIMESTAMP), "
        + "CAST(o_orderdate AS TIMESTAMP) + INTERVAL '0.5' SECOND, TIMESTAMP '2024-01-01 10:11:12.123456' "
        + "+ INTERVAL '0.5' SECOND FROM orders WHERE o_orderkey = 1").get(0);
    LocalDateTime day = (LocalDateTime) row.get(0);
    assertEquals(day.plusNanos(500_000_000), row.get(1));
    assertEquals(LocalDateTime.of(2024, 1, 1, 10, 11, 12, 623_456_000), row.get(2));
  }

  @Test
  void currentTimeIsOneInstantPerStatementInTheSessionTimeZone() throws Exception {
    FloeSession session = ORACLE.get().session();
    ZoneId zone = ZoneId.of("Asia/Kolkata");
    session.timeZone(zone);
    try {
      LocalDateTime before = LocalDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
      List<List<Object>> rows = ResultRows.query(session, "SELECT CAST(LOCALTIMESTAMP AS VARCHAR), "
          + "CAST(CURRENT_DATE AS VARCHAR), CAST(LOCALTIME AS VARCHAR), CAST(CURRENT_TIME AS VARCHAR), "
          + "CAST(CAST(CURRENT_TIMESTAMP AS TIMESTAMP) AS VARCHAR), CAST(LOCALTIMESTAMP AS VARCHAR) "
          + "FROM lineitem");
      LocalDateTime after = LocalDateTime.now(zone);
      assertEquals(ORACLE.get().actual("SELECT count(*) FROM lineitem").get(0).get(0), (long) rows.size());
      List<Object> first = rows.get(0);
      for (List<Object> row : rows) {
        assertEquals(first, row, "every row sees the statement's instant");
      }
      LocalDateTime local = LocalDateTime.parse(((String) first.get(0)).replace(' ', 'T'));
      assertTrue(!local.isBefore(before) && !local.isAfter(after), local + " between " + before + " and " + after);
      assertEquals(first.get(0), first.get(5), "two references, one value");
      assertEquals(local.toLocalDate(), LocalDate.parse((String) first.get(1)));
      assertEquals(local.toLocalTime().toString().substring(0, 8), ((String) first.get(2)).substring(0, 8));
      assertEquals(first.get(2), first.get(3));
      // CURRENT_TIMESTAMP is an instant (held as UTC): as a TIMESTAMP it reads in UTC, the session zone's offset away
      LocalDateTime utc = LocalDateTime.parse(((String) first.get(4)).replace(' ', 'T'));
      assertEquals(local.atZone(zone).toInstant(), utc.toInstant(ZoneOffset.UTC));
    } finally {
      session.timeZone(ZoneOffset.UTC);
    }
  }

  @Test
  void currentTimestampIsATimestampWithLocalTimeZone() throws Exception {
    long before = System.currentTimeMillis() / 1000 * 1000;
    List<Object> row = ORACLE.get().actual("SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(3) "
        + "FROM nation WHERE n_nationkey = 0").get(0);
    long after = System.currentTimeMillis();
    for (Object value : row) {
      long millis = value instanceof Long micros ? micros / 1000
          : ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli();
      assertTrue(millis >= before && millis <= after, value + " within the statement's run");
    }
  }
}
