package io.floe.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.jdbc.JdbcCatalog;
import io.floe.io.LocalFileIO;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading catalogs from properties: types, Iceberg's property names, and clear errors for bad ones. */
class CatalogsTest {
  @TempDir
  Path dir;

  @Test
  void aJdbcCatalogIsLoadedWithIcebergsPropertyNames() {
    Map<String, String> props = Map.of("catalog.type", "JDBC", "uri", "jdbc:sqlite:" + dir.resolve("c.db"),
        "catalog.name", "prod", "warehouse", dir.resolve("wh").toString(), "jdbc.user", "u", "jdbc.password", "p");
    try (Catalog catalog = Catalogs.load(props)) {
      assertTrue(catalog instanceof JdbcCatalog, catalog.toString());
      assertEquals("prod", catalog.name());
      assertTrue(catalog.supportsMultiTableTransactions());
      catalog.createNamespace(Namespace.of("db"));
      assertEquals(java.util.List.of(Namespace.of("db")), catalog.listNamespaces());
    }
  }

  @Test
  void driverPropertiesLoseTheirPrefixesAndFloesNamesWin() {
    Properties p = Catalogs.driverProperties(Map.of("jdbc.user", "iceberg", "catalog.jdbc.user", "floe",
        "jdbc.password", "secret", "catalog.jdbc.sslmode", "require", "catalog.jdbc.pool-size", "2", "warehouse", "w"));
    assertEquals("floe", p.getProperty("user"));
    assertEquals("secret", p.getProperty("password"));
    assertEquals("require", p.getProperty("sslmode"));
    assertEquals(3, p.size(), p.toString());
  }

  @Test
  void theFileIOIsNamedByIoImpl() {
    try (Catalog catalog = Catalogs.load(Map.of("warehouse", dir.toString(), "io-impl", LocalFileIO.class.getName()))) {
      assertTrue(catalog.listNamespaces().isEmpty());
    }
  }

  @Test
  void badPropertiesFailNamingTheProperty() {
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> Catalogs.load(Map.of("catalog.type", "hive")));
    assertTrue(type.getMessage().contains("catalog.type=hive"), type.getMessage());
    IllegalArgumentException uri = assertThrows(IllegalArgumentException.class,
        () -> Catalogs.load(Map.of("catalog.type", "jdbc", "warehouse", dir.toString())));
    assertTrue(uri.getMessage().contains("catalog.uri"), uri.getMessage());
    IllegalArgumentException io = assertThrows(IllegalArgumentException.class,
        () -> Catalogs.load(Map.of("warehouse", dir.toString(), "io-impl", "no.such.FileIO")));
    assertTrue(io.getMessage().contains("io-impl=no.such.FileIO"), io.getMessage());
    IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
        () -> Catalogs.load(Map.of("catalog.type", "jdbc", "uri", "jdbc:sqlite:" + dir.resolve("c.db"),
            "catalog.jdbc.pool-size", "many")));
    assertTrue(pool.getMessage().contains("catalog.jdbc.pool-size=many"), pool.getMessage());
  }

  @Test
  void anUnreachableDatabaseFailsNamingTheCatalogAndItsUriWithoutCredentials() {
    CatalogException e = assertThrows(CatalogException.class, () -> Catalogs.load(Map.of("catalog.type", "jdbc",
        "uri", "jdbc:sqlite:" + dir.resolve("missing-dir/c.db") + "?password=secret", "catalog.name", "prod",
        "warehouse", dir.toString())));
    assertTrue(e.getMessage().contains("catalog prod") && e.getMessage().contains("missing-dir/c.db"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), "the URL's parameters are left out of messages: " + e.getMessage());
  }
}
