package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statements whose rows must equal DuckDB's, run serially (where each must return a row) and on 4 workers: a test
 * class extending this one lists them in its {@code static Stream<String> statements()} and may add tests of its own
 * on {@link #SERIAL} and {@link #PARALLEL}.
 */
abstract class DuckDbComparedStatements {
  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(4);

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDbSerially(String sql) throws Exception {
    assertFalse(SERIAL.get().assertSameRows(sql).isEmpty(), sql);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDbOnFourWorkers(String sql) throws Exception {
    PARALLEL.get().assertSameRows(sql);
  }
}
