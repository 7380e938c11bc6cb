package io.floe.catalog.warehouse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.CatalogTestBase;
import io.floe.catalog.TableIdentifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

  @Test
  void theSuiteRunsOnTheStoreItNames() {
    assertTrue(catalog instanceof WarehouseCatalog, catalog.getClass().getName());
    createEvents(TableIdentifier.of(NS, "where"), Map.of());
    assertTableStored("db/where/metadata/v1.metadata.json");
  }

  /** Checks that the table's first metadata version is where the warehouse layout puts it. */
  protected void assertTableStored(String relativePath) {
    assertTrue(Files.exists(Path.of(warehouse()).resolve(relativePath)), warehouse() + "/" + relativePath);
  }
}
