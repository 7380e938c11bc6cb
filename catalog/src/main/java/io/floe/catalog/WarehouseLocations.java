package io.floe.catalog;

import io.floe.io.LocalFileIO;

/** Warehouse locations: local ones made absolute and normalized, others (object store URIs) kept as given. */
public final class WarehouseLocations {
  /** The warehouse when none is configured. */
  public static final String DEFAULT_WAREHOUSE = "./warehouse";

  private WarehouseLocations() {
  }

  /** Whether a location is on the local file system: a plain path or a {@code file:} URI. */
  public static boolean isLocal(String location) {
    return location.startsWith("file:") || !location.contains("://");
  }

  /** A local path or {@code file:} URI becomes an absolute, normalized path; other URIs lose trailing slashes. */
  public static String normalize(String warehouse) {
    if (warehouse == null || warehouse.isBlank()) {
      throw new IllegalArgumentException("the warehouse location must not be empty");
    }
    if (isLocal(warehouse)) {
      return LocalFileIO.toPath(warehouse).toAbsolutePath().normalize().toString();
    }
    String l = warehouse;
    while (l.endsWith("/")) {
      l = l.substring(0, l.length() - 1);
    }
    return l;
  }
}
