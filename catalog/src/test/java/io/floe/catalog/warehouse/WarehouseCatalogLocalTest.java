package io.floe.catalog.warehouse;

import io.floe.catalog.CatalogTestBase;
import java.util.List;
import java.util.Map;

/** The shared catalog suite on the warehouse catalog on local disk. */
class WarehouseCatalogLocalTest extends CatalogTestBase {
  @Override
  protected Map<String, String> catalogProperties(String catalogName) {
    return Map.of("catalog.type", "warehouse", "catalog.name", catalogName, "warehouse", warehouse());
  }

  @Override
  protected boolean supportsRename() {
    return false;
  }

  @Override
  protected List<String> tableNamesStoredVerbatim() {
    return List.of("it's", "\"dq\"", "'; DROP TABLE x; --", "x'); DELETE FROM iceberg_tables; --", "Ünïcødé_表_🚀",
        "M".repeat(255));
  }
}
