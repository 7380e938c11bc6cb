package io.floe.table;

/** No table exists at the given location or name. */
public class NoSuchTableException extends RuntimeException {
  public NoSuchTableException(String message) {
    super(message);
  }
}
