package io.floe.catalog;

import io.floe.catalog.jdbc.JdbcCatalog;
import io.floe.catalog.warehouse.WarehouseCatalog;
import io.floe.io.FileIO;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Creates a catalog from properties; the same map configures the engine and batch jobs.
 *
 * <table>
 *   <caption>Catalog properties</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code catalog.type}</td><td>{@code warehouse}</td><td>{@code warehouse} or {@code jdbc}</td></tr>
 *   <tr><td>{@code catalog.name}</td><td>{@code floe}</td><td>the catalog's name (a JDBC catalog's
 *   {@code catalog_name})</td></tr>
 *   <tr><td>{@code warehouse}</td><td>{@code ./warehouse}</td><td>where tables are written</td></tr>
 *   <tr><td>{@code catalog.uri} (or Iceberg's {@code uri})</td><td></td><td>JDBC URL: {@code jdbc:sqlite:<file>} or
 *   {@code jdbc:postgresql://host/db}</td></tr>
 *   <tr><td>{@code catalog.jdbc.user}, {@code catalog.jdbc.password} (or Iceberg's {@code jdbc.user},
 *   {@code jdbc.password})</td><td></td><td>database credentials; any other {@code catalog.jdbc.*} or
 *   {@code jdbc.*} property goes to the driver without its prefix</td></tr>
 *   <tr><td>{@code catalog.jdbc.pool-size}</td><td>4</td><td>connections open at once</td></tr>
 *   <tr><td>{@code io-impl}</td><td>local files</td><td>the FileIO class (see {@link FileIOs}); it receives the
 *   whole map (S3 keys use Iceberg's names)</td></tr>
 * </table>
 */
public final class Catalogs {
  public static final String TYPE = "catalog.type";
  public static final String NAME = "catalog.name";
  public static final String URI = "catalog.uri";
  public static final String ICEBERG_URI = "uri";
  public static final String WAREHOUSE = "warehouse";
  public static final String JDBC_PREFIX = "catalog.jdbc.";
  public static final String ICEBERG_JDBC_PREFIX = "jdbc.";
  public static final String POOL_SIZE = "catalog.jdbc.pool-size";
  public static final String DEFAULT_NAME = "floe";

  private Catalogs() {
  }

  /** A catalog from properties, with the FileIO they name. */
  public static Catalog load(Map<String, String> properties) {
    String warehouse = properties.getOrDefault(WAREHOUSE, WarehouseLocations.DEFAULT_WAREHOUSE);
    return load(properties, FileIOs.load(warehouse, properties));
  }

  /** A catalog from properties, on a given FileIO (which the catalog closes when closed). */
  public static Catalog load(Map<String, String> properties, FileIO io) {
    String type = properties.getOrDefault(TYPE, "warehouse").trim().toLowerCase(Locale.ROOT);
    String name = properties.getOrDefault(NAME, DEFAULT_NAME);
    String warehouse = properties.getOrDefault(WAREHOUSE, WarehouseLocations.DEFAULT_WAREHOUSE);
    switch (type) {
      case "warehouse":
        return new WarehouseCatalog(name, warehouse, io);
      case "jdbc":
        return new JdbcCatalog(name, uri(properties), driverProperties(properties), warehouse, io, poolSize(properties));
      default:
        throw new IllegalArgumentException(TYPE + "=" + properties.get(TYPE) + " is not a catalog type: use warehouse or jdbc");
    }
  }

  private static String uri(Map<String, String> properties) {
    String uri = properties.getOrDefault(URI, properties.get(ICEBERG_URI));
    if (uri == null || !uri.startsWith("jdbc:")) {
      throw new IllegalArgumentException("a jdbc catalog needs " + URI + " (or " + ICEBERG_URI + ") set to a JDBC URL, "
          + "e.g. jdbc:sqlite:catalog.db or jdbc:postgresql://host:5432/db; got " + uri);
    }
    return uri;
  }

  /** {@code jdbc.*} then {@code catalog.jdbc.*} properties (the latter win), without their prefixes. */
  static Properties driverProperties(Map<String, String> properties) {
    Properties driver = new Properties();
    for (String prefix : new String[] {ICEBERG_JDBC_PREFIX, JDBC_PREFIX}) {
      for (Map.Entry<String, String> e : properties.entrySet()) {
        if (e.getKey().startsWith(prefix) && !e.getKey().equals(POOL_SIZE)) {
          driver.setProperty(e.getKey().substring(prefix.length()), e.getValue());
        }
      }
    }
    return driver;
  }

  private static int poolSize(Map<String, String> properties) {
    String size = properties.get(POOL_SIZE);
    if (size == null) {
      return JdbcCatalog.DEFAULT_POOL_SIZE;
    }
    try {
      return Integer.parseInt(size.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(POOL_SIZE + "=" + size + " is not a number", e);
    }
  }
}
