package io.floe.catalog;

/** The namespace does not exist in the catalog. */
public class NoSuchNamespaceException extends RuntimeException {
  public NoSuchNamespaceException(String message) {
    super(message);
  }
}
