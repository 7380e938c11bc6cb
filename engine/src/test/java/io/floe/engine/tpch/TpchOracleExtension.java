package io.floe.engine.tpch;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TpchOracle} opened before a test class's tests and closed after them; register it with
 * {@code @RegisterExtension static final TpchOracleExtension ORACLE = new TpchOracleExtension(workers)}.
 */
final class TpchOracleExtension implements BeforeAllCallback, AfterAllCallback {
  private final int workers;
  private TpchOracle oracle;

  TpchOracleExtension(int workers) {
    this.workers = workers;
  }

  /** The open oracle. */
  TpchOracle get() {
    return oracle;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    oracle = TpchOracle.open(workers);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (oracle != null) {
      oracle.close();
      oracle = null;
    }
  }
}
