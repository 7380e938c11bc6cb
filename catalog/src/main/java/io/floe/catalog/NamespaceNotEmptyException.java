package io.floe.catalog;

/** The namespace still holds tables or namespaces, so it cannot be dropped. */
public class NamespaceNotEmptyException extends RuntimeException {
  public NamespaceNotEmptyException(String message) {
    super(message);
  }
}
