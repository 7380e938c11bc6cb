package io.floe.catalog;

/** The catalog's store failed (e.g. its database could not be reached); the message names the catalog and the operation. */
public class CatalogException extends RuntimeException {
  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
