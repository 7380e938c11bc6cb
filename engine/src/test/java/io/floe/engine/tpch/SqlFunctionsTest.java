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
        // DISTINCT: the variance of the distinct values, not of their distinct squares (0.05 and -0.05 have one)
        "SELECT l_returnflag, stddev_pop(DISTINCT l_discount - 0.05), variance(DISTINCT l_discount - 0.05) "
            + "FROM lineitem GROUP BY 1 ORDER BY 1",
        "SELECT l_returnflag, count(*), stddev_pop(DISTINCT l_discount - 0.05), stddev_samp(l_tax), "
            + "var_pop(DISTINCT l_discount - 0.05), count(DISTINCT l_linenumber) FROM lineitem GROUP BY 1 ORDER BY 1",
        "SELECT count(*), var_pop(DISTINCT l_discount - 0.05), var_samp(DISTINCT l_tax - 0.04) FROM lineitem",
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
            + "AS VARCHAR) FROM orders ORDER BY o_orderkey LIMIT 300",
        // GREATEST/LEAST skip NULLs (PostgreSQL, DuckDB); arguments of different types meet at the common type
        "SELECT c_custkey, greatest(c_custkey, c_nationkey * 100, 500), least(c_acctbal, c_nationkey, "
            + "CASE WHEN c_custkey > 5 THEN 0 END), greatest(c_name, c_phone), least(CAST(NULL AS INTEGER), "
            + "c_nationkey), greatest(CAST(c_acctbal AS DOUBLE), 0) FROM customer ORDER BY 1 LIMIT 300",
        "SELECT c_custkey, concat(c_name, '-', c_custkey, '-', c_acctbal), concat_ws(',', c_name, c_phone, "
            + "CASE WHEN c_custkey > 3 THEN c_mktsegment END), concat('a', NULL, 'b'), concat_ws(NULL, 'a'), "
            + "concat(c_name), concat(c_name, o_orderdate) FROM customer JOIN orders ON o_custkey = c_custkey "
            + "ORDER BY 1, o_orderkey LIMIT 300",
        "SELECT c_custkey, ltrim('  x' || c_name), rtrim(c_name || '  '), ltrim(c_name, 'Cus'), rtrim(c_phone, '0123'), "
            + "lpad(c_name, 20, '*'), rpad(c_name, 22, 'ab'), lpad(c_name, 5, '-'), rpad(c_mktsegment, 12, '.') "
            + "FROM customer ORDER BY 1 LIMIT 300",
        "SELECT c_custkey, replace(c_name, 'Customer', 'C'), replace(c_comment, 'e', ''), reverse(c_name), "
            + "left(c_name, 3), right(c_name, 3), repeat('ab', c_nationkey % 4), left(c_name, -2), right(c_name, -9) "
            + "FROM customer ORDER BY 1 LIMIT 300",
        "SELECT c_custkey, ascii(c_name), chr(CAST(65 + c_nationkey AS INTEGER)), split_part(c_phone, '-', 2), "
            + "split_part(c_phone, '-', 9), strpos(c_name, '#'), starts_with(c_name, 'Cust'), starts_with(c_phone, '1'), "
            + "ends_with(c_phone, '7'), length(c_address) FROM customer ORDER BY 1 LIMIT 300",
        // NULL arguments give NULL
        "SELECT c_custkey, replace(CASE WHEN c_custkey % 2 = 0 THEN c_name END, 'C', 'c'), "
            + "lpad(CASE WHEN c_custkey % 3 = 0 THEN c_name END, 20, '*'), reverse(CASE WHEN c_custkey % 2 = 1 "
            + "THEN c_name END), strpos(CASE WHEN c_custkey % 2 = 0 THEN c_name END, '#'), "
            + "starts_with(CASE WHEN c_custkey % 2 = 0 THEN c_name END, 'C'), split_part(c_phone, "
            + "CASE WHEN c_custkey % 5 = 0 THEN '-' END, 1), left(c_name, CASE WHEN c_custkey % 2 = 0 THEN 2 END), "
            + "ltrim(CASE WHEN c_custkey % 2 = 0 THEN c_name END), regexp_matches(CASE WHEN c_custkey % 2 = 0 "
            + "THEN c_name END, '1') FROM customer ORDER BY 1 LIMIT 300",
        "SELECT c_custkey, regexp_replace(c_name, '[0-9]+', 'N'), regexp_replace(c_phone, '([0-9]+)-([0-9]+)', "
            + "'\\2+\\1'), regexp_replace(c_phone, '[0-9]', 'x', 'g'), regexp_matches(c_name, '0+1'), "
            + "regexp_matches(c_comment, 'ly$') FROM customer ORDER BY c_custkey LIMIT 300",
        "SELECT c_name FROM customer WHERE c_name ILIKE 'customer#00000001%' ORDER BY 1",
        "SELECT count(*) FROM customer WHERE c_name NOT ILIKE '%0%1' AND c_comment ILIKE '%REQUESTS%'",
        "SELECT o_orderkey, CAST(date_trunc('month', o_orderdate) AS DATE), CAST(date_trunc('year', o_orderdate) AS DATE), "
            + "CAST(date_trunc('quarter', o_orderdate) AS DATE), CAST(date_trunc('week', o_orderdate) AS DATE), "
            + "CAST(date_trunc('hour', CAST(o_orderdate AS TIMESTAMP) + INTERVAL '5' HOUR + INTERVAL '7' MINUTE) "
            + "AS VARCHAR), CAST(date_trunc('month', CAST(o_orderdate AS TIMESTAMP) + INTERVAL '5' HOUR) AS VARCHAR) "
            + "FROM orders ORDER BY o_orderkey LIMIT 300",
        // whole units from a to b: Trino's date_diff (quoted: Calcite's grammar owns DATE_DIFF), DuckDB's date_sub
        "SELECT o_orderkey, \"date_diff\"('day', o_orderdate, DATE '1998-01-01'), "
            + "date_sub('month', o_orderdate, DATE '1998-01-01'), date_sub('year', o_orderdate, DATE '1998-01-01'), "
            + "date_sub('week', o_orderdate, DATE '1995-06-01'), date_sub('quarter', DATE '1995-06-01', o_orderdate), "
            + "date_sub('hour', CAST(o_orderdate AS TIMESTAMP), TIMESTAMP '1998-01-01 10:00:00') "
            + "FROM orders ORDER BY o_orderkey LIMIT 300",
        // covariances as DOUBLE over integers and decimals, NULL pairs skipped (Calcite divided integers: 1, not 1.67)
        "SELECT l_returnflag, covar_pop(l_quantity, l_extendedprice), covar_samp(l_linenumber, l_suppkey), "
            + "regr_sxx(l_quantity, l_linenumber), regr_syy(l_quantity, l_linenumber), "
            + "regr_count(l_quantity, CASE WHEN l_linenumber > 2 THEN l_tax END), "
            + "covar_pop(l_linenumber, CASE WHEN l_orderkey % 3 = 0 THEN l_suppkey END) FROM lineitem "
            + "GROUP BY 1 ORDER BY 1",
        "SELECT l_orderkey, covar_samp(l_linenumber, l_partkey), covar_pop(l_linenumber, l_partkey) FROM lineitem "
            + "WHERE l_orderkey < 100 GROUP BY 1 ORDER BY 1",
        // REGEXP_EXTRACT (DuckDB: '' when nothing matches) and STRFTIME
        "SELECT c_custkey, regexp_extract(c_phone, '[0-9]+'), regexp_extract(c_comment, '(fin|reg)[a-z]*', 1), "
            + "regexp_extract(c_name, '#(0*)([1-9][0-9]*)', 2), regexp_extract(c_comment, 'zzz') "
            + "FROM customer ORDER BY 1 LIMIT 300",
        "SELECT o_orderkey, strftime(o_orderdate, '%Y-%m-%d %a %A %b %B %j %w %y %%'), "
            + "strftime(CAST(o_orderdate AS TIMESTAMP) + INTERVAL '15' HOUR + INTERVAL '4' MINUTE "
            + "+ INTERVAL '0.5' SECOND, '%H:%M:%S.%f %I %p %-d/%-m %-H') FROM orders ORDER BY 1 LIMIT 300",
        // DATE_PART (EXTRACT with the unit as text) and MAKE_DATE
        "SELECT o_orderkey, date_part('year', o_orderdate), date_part('month', o_orderdate), "
            + "date_part('doy', o_orderdate), date_part('isodow', o_orderdate), "
            + "date_part('hour', CAST(o_orderdate AS TIMESTAMP) + INTERVAL '5' HOUR), "
            + "make_date(CAST(date_part('year', o_orderdate) AS INTEGER), CAST(o_orderkey % 12 + 1 AS INTEGER), 28) "
            + "FROM orders ORDER BY 1 LIMIT 300",
        // hex digests (DuckDB's and PostgreSQL's md5 and sha256 of text), COUNT_IF, TRY_CAST (NULL where CAST fails)
        "SELECT c_custkey, md5(c_name), sha256(c_comment), md5(CASE WHEN c_custkey > 3 THEN c_phone END) "
            + "FROM customer ORDER BY 1 LIMIT 200",
        "SELECT c_nationkey, count_if(c_acctbal > 0), count_if(c_mktsegment = 'BUILDING' AND c_acctbal < 1000), "
            + "count_if(CASE WHEN c_custkey > 10 THEN c_acctbal > 0 END) FROM customer GROUP BY 1 ORDER BY 1",
        "SELECT c_custkey, try_cast(substr(c_phone, 1, 2) AS INTEGER), try_cast(c_phone AS INTEGER), "
            + "try_cast(c_acctbal AS DECIMAL(5, 1)), try_cast(c_acctbal * 1000000 AS INTEGER), "
            + "try_cast(CAST(c_acctbal AS VARCHAR) AS SMALLINT), "
            + "ifnull(CASE WHEN c_custkey > 5 THEN c_name END, 'none') FROM customer ORDER BY 1 LIMIT 300",
        // CORR over pairs where both are non-null (groups of one row or a constant column aside: NULL, DuckDB NaN)
        "SELECT l_returnflag, l_linestatus, corr(l_quantity, l_extendedprice), corr(l_discount, l_tax), "
            + "corr(CASE WHEN l_orderkey % 3 = 0 THEN l_quantity END, l_linenumber), "
            + "corr(l_linenumber, CASE WHEN l_orderkey % 3 = 0 THEN l_quantity END) FROM lineitem GROUP BY 1, 2 "
            + "ORDER BY 1, 2",
        "SELECT c_custkey, translate(c_name, 'Cust#0', 'cX'), translate(c_phone, '-', ''), "
            + "translate(c_comment, 'aeiou', 'AEIOU') FROM customer ORDER BY 1 LIMIT 200",
        "SELECT o_orderkey, extract(week FROM o_orderdate), extract(isodow FROM o_orderdate), "
            + "extract(epoch FROM o_orderdate), extract(week FROM CAST(o_orderdate AS TIMESTAMP)), "
            + "extract(epoch FROM CAST(o_orderdate AS TIMESTAMP) + INTERVAL '5' SECOND) "
            + "FROM orders ORDER BY o_orderkey LIMIT 300");
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
  void dateAddMovesByUnits() throws Exception {
    String sql = "SELECT o_orderkey, date_add('day', 3, o_orderdate), date_add('month', 1, o_orderdate), "
        + "date_add('year', -1, o_orderdate), CAST(date_add('hour', 5, CAST(o_orderdate AS TIMESTAMP)) AS VARCHAR), "
        + "date_add('week', CASE WHEN o_orderkey > 3 THEN 2 END, o_orderdate) FROM orders ORDER BY 1 LIMIT 300";
    String intervals = "SELECT o_orderkey, o_orderdate + INTERVAL '3' DAY, o_orderdate + INTERVAL '1' MONTH, "
        + "o_orderdate - INTERVAL '1' YEAR, CAST(CAST(o_orderdate AS TIMESTAMP) + INTERVAL '5' HOUR AS VARCHAR), "
        + "CASE WHEN o_orderkey > 3 THEN o_orderdate + INTERVAL '14' DAY END FROM orders ORDER BY 1 LIMIT 300";
    assertEquals(ORACLE.get().actual(intervals), ORACLE.get().actual(sql));
    assertEquals(List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2023, 2, 28)), ORACLE.get().actual(
        "SELECT date_add('month', 1, DATE '2024-01-31'), date_add('year', -1, DATE '2024-02-29')").get(0));
  }

  @Test
  void functionsOutsideDuckDbsDialect() throws Exception {
    assertEquals(List.of("Hello World-Foo Bar1x", "a", "axx", "xxa", "Building", "  abc", "ab", "Customer#0"),
        ORACLE.get().actual("SELECT initcap('hello wORLD-foo bar1x'), btrim('xxaxx', 'x'), ltrim('xxaxx', 'x'), "
            + "rtrim('xxaxx', 'x'), initcap(lower(c_mktsegment)), lpad('abc', 5), rpad('abc', 2), "
            + "btrim(rpad(c_name, 10), 'x') FROM customer WHERE c_custkey = 1").get(0));
    // SIMILAR TO: SQL's patterns (% and _ as in LIKE); DuckDB reads the pattern as a plain regular expression
    assertEquals(List.of(List.of("Customer#000000011"), List.of("Customer#000000012")), ORACLE.get().actual(
        "SELECT c_name FROM customer WHERE c_name SIMILAR TO 'Customer#00000001(1|2)%' ORDER BY 1"));
    assertEquals(List.of(List.of(1L)), ORACLE.get().actual("SELECT count(*) FROM customer "
        + "WHERE c_name NOT SIMILAR TO 'Customer#0+(1|2|3)' AND c_custkey < 5"));
    assertEquals(Arrays.asList(null, "ab", new java.math.BigDecimal("6.0"), -3L, "Customer#000000001"), ORACLE.get().actual(
        "SELECT concat_ws(NULL, 'a', 'b'), concat_ws('', 'a', NULL, 'b'), greatest(2, 6.0, NULL), "
            + "least(CAST(NULL AS BIGINT), -3), greatest(c_name, NULL) FROM customer WHERE c_custkey = 1").get(0));
  }

  @Test
  void functionsOfTrinoAndPostgresOutsideDuckDbsDialect() throws Exception {
    assertEquals(Arrays.asList(true, 3L, "a9993e364706816aba3e25717850c26c9cd0d89d",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3"
                + "feebbd454d4423643ce80e2a9ac94fa54ca49f", null),
        ORACLE.get().actual("SELECT now() = CURRENT_TIMESTAMP, nvl(CAST(NULL AS BIGINT), 3), sha1('abc'), "
            + "sha512('abc'), try_cast('99999999999' AS INTEGER)").get(0));
    assertEquals(Arrays.asList(7L, 61L, 1_700_000_000_500_000L, true, true), // the timestamptz in microseconds
        ORACLE.get().actual("SELECT day_of_week(DATE '2024-03-03'), day_of_year(DATE '2024-03-01'), "
            + "to_timestamp(1700000000.5), approx_distinct(c_nationkey) = approx_count_distinct(c_nationkey), "
            + "arbitrary(c_nationkey) BETWEEN 0 AND 24 FROM customer").get(0));
    // Trino's date_format: MySQL's specifiers (%i minutes, %s seconds, %M the month's name)
    assertEquals(List.of("2024-03-05 15:04:05.123456 3/5 15 03 3 PM 03:04:05 PM 15:04:05 Tue Tuesday Mar March "
            + "065 24 %", "20240305"),
        ORACLE.get().actual("SELECT date_format(TIMESTAMP '2024-03-05 15:04:05.123456', "
            + "'%Y-%m-%d %H:%i:%s.%f %c/%e %k %h %l %p %r %T %a %W %b %M %j %y %%'), "
            + "date_format(DATE '2024-03-05', '%Y%m%d')").get(0));
    SQLException specifier = assertThrows(SQLException.class,
        () -> ORACLE.get().actual("SELECT date_format(o_orderdate, '%U') FROM orders"));
    assertEquals("22023", specifier.getSQLState(), specifier.getMessage());
    SQLException noDate = assertThrows(SQLException.class, () -> ORACLE.get().actual("SELECT make_date(2023, 2, 29)"));
    assertEquals("22008", noDate.getSQLState(), noDate.getMessage());
    SQLException unit = assertThrows(SQLException.class,
        () -> ORACLE.get().actual("SELECT date_part('fortnight', o_orderdate) FROM orders"));
    assertEquals("22023", unit.getSQLState(), unit.getMessage());
    SQLException cast = assertThrows(SQLException.class,
        () -> ORACLE.get().actual("SELECT CAST(c_phone AS INTEGER) FROM customer"));
    assertEquals("22018", cast.getSQLState(), cast.getMessage());
    SQLException countIf = assertThrows(SQLException.class,
        () -> ORACLE.get().actual("SELECT count_if(c_custkey) FROM customer"));
    assertEquals("42000", countIf.getSQLState(), countIf.getMessage());
  }

  @Test
  void correlationOfTooFewOrConstantValuesIsNullAndUuidsAreNew() throws Exception {
    assertEquals(List.of(Arrays.asList(null, null, null)), ORACLE.get().actual("SELECT corr(c_acctbal, "
        + "CASE WHEN c_custkey = 1 THEN c_nationkey END), corr(c_acctbal, 1), "
        + "corr(CASE WHEN c_custkey > 5 THEN c_acctbal END, c_nationkey) FROM customer WHERE c_custkey <= 2"));
    SQLException filtered = assertThrows(SQLException.class, () -> ORACLE.get().actual(
        "SELECT corr(c_acctbal, c_nationkey) FILTER (WHERE c_custkey > 3) FROM customer"));
    assertEquals("0A000", filtered.getSQLState(), filtered.getMessage());
    List<List<Object>> uuids = ORACLE.get().actual("SELECT uuid(), gen_random_uuid() FROM customer LIMIT 50");
    java.util.Set<Object> distinct = new java.util.HashSet<>();
    for (List<Object> row : uuids) {
      for (Object uuid : row) {
        assertEquals(uuid, java.util.UUID.fromString((String) uuid).toString(), "a UUID's text");
        distinct.add(uuid);
      }
    }
    assertEquals(100, distinct.size(), "a new UUID in each row and call");
  }

  @Test
  void badArgumentsFailNamingThem() {
    SQLException unit = assertThrows(SQLException.class, () -> ORACLE.get().actual(
        "SELECT date_trunc('fortnight', o_orderdate) FROM orders"));
    assertEquals("22023", unit.getSQLState(), unit.getMessage());
    assertTrue(unit.getMessage().contains("fortnight"), unit.getMessage());
    SQLException notConstant = assertThrows(SQLException.class, () -> ORACLE.get().actual(
        "SELECT date_trunc(o_orderpriority, o_orderdate) FROM orders"));
    assertEquals("0A000", notConstant.getSQLState(), notConstant.getMessage());
    SQLException regex = assertThrows(SQLException.class, () -> ORACLE.get().actual(
        "SELECT regexp_matches(c_name, '(') FROM customer"));
    assertEquals("2201B", regex.getSQLState(), regex.getMessage());
    SQLException aggregate = assertThrows(SQLException.class, () -> ORACLE.get().actual(
        "SELECT array_agg(n_name) OVER () FROM nation"));
    assertEquals("0A000", aggregate.getSQLState(), aggregate.getMessage());
    assertTrue(aggregate.getMessage().contains("ARRAY_AGG"), aggregate.getMessage());
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
