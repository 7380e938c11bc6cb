package io.floe.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:floe:} URL: {@code jdbc:floe:} alone is the warehouse {@code ./warehouse};
 * {@code jdbc:floe:/path/to/warehouse}; {@code jdbc:floe:s3://bucket/warehouse}; each optionally followed by
 * {@code ?key=value&key=value}. Properties from the URL and from the connection's {@link Properties} (the URL's win)
 * configure the catalog as {@link io.floe.catalog.Catalogs#load} reads them ({@code catalog.type=jdbc},
 * {@code uri}, {@code s3.endpoint}, ...); the driver's own are {@code schema} (the default schema, {@code default}
 * unless given), {@code workers} and {@code progress}.
 *
 * @param properties the catalog properties, with {@code warehouse} set
 * @param schema the default schema
 */
record ConnectionUrl(Map<String, String> properties, String schema) {
  static final String PREFIX = "jdbc:floe:";
  static final String SCHEMA = "schema";
  static final String WORKERS = "workers";
  static final String PROGRESS = "progress";
  static final String WAREHOUSE = "warehouse";
  static final String DEFAULT_WAREHOUSE = "./warehouse";
  static final String DEFAULT_SCHEMA = "default";

  static boolean accepts(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  static ConnectionUrl parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw new SQLException("not a Floe URL (jdbc:floe:[warehouse][?key=value&...]): " + url, "08001");
    }
    String rest = url.substring(PREFIX.length());
    Map<String, String> properties = new LinkedHashMap<>();
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        properties.put(key, info.getProperty(key));
      }
    }
    int query = rest.indexOf('?');
    String location = query < 0 ? rest : rest.substring(0, query);
    if (query >= 0) {
      for (String pair : rest.substring(query + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new SQLException("malformed property '" + pair + "' in URL " + url + ": expected key=value", "08001");
        }
        properties.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    if (!location.isEmpty()) {
      properties.put(WAREHOUSE, location);
    }
    properties.put(WAREHOUSE, absolute(properties.getOrDefault(WAREHOUSE, DEFAULT_WAREHOUSE)));
    String schema = properties.getOrDefault(SCHEMA, DEFAULT_SCHEMA);
    return new ConnectionUrl(Map.copyOf(properties), schema);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** Local warehouse paths relative to the working directory become absolute; URIs stay as they are. */
  private static String absolute(String location) {
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || location.startsWith("file:")) {
      return location;
    }
    return Path.of(location).toAbsolutePath().normalize().toString();
  }

  int workers() throws SQLException {
    String value = properties.get(WORKERS);
    if (value == null) {
      return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
    try {
      int workers = Integer.parseInt(value.trim());
      if (workers >= 1) {
        return workers;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SQLException("property workers must be a positive integer: " + value, "08001");
  }

  boolean progress() {
    return Boolean.parseBoolean(properties.getOrDefault(PROGRESS, "false"));
  }
}
