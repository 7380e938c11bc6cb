package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.floe.engine.ResultRows;
import io.floe.engine.expr.BoxedFallback;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries at scale factor 0.01 ({@code -Ptpch-sf1}: 1) on Floe tables, each compared row by row with DuckDB reading the same
 * Parquet data files. Floe runs aggregations and joins on 3 local workers through hash exchanges.
 * ({@code -Dtpch.only=q01,q06} runs some.)
 */
class TpchQueriesTest {
  private static TpchOracle oracle;

  @BeforeAll
  static void setUp() throws Exception {
    oracle = TpchOracle.open(3);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (oracle != null) {
      oracle.close();
    }
  }

  static Stream<String> queries() {
    String only = System.getProperty("tpch.only");
    return IntStream.rangeClosed(1, 22).mapToObj(i -> String.format("q%02d", i))
        .filter(q -> only == null || only.contains(q));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void matchesDuckDb(String name) throws Exception {
    String sql = TpchWarehouse.query(name);
    Duration limit = Duration.ofSeconds(TpchWarehouse.scaleFactorFromSystem() >= 1 ? 1800 : 60);
    List<List<Object>> expected = oracle.expected(sql);
    Map<String, Long> boxedBefore = BoxedFallback.counts();
    List<List<Object>> actual = assertTimeoutPreemptively(limit, () -> oracle.actual(sql), name);
    assertEquals(boxedBefore, BoxedFallback.counts(), name + " evaluates every expression with typed kernels");
    assertFalse(expected.isEmpty(), name + " returns rows on DuckDB");
    assertNull(ResultRows.difference(expected, actual), () -> name + " differs from DuckDB");
  }
}
