package io.floe.table;

/** A table already exists at the given location or name. */
public class AlreadyExistsException extends RuntimeException {
  public AlreadyExistsException(String message, Throwable cause) {
    super(message, cause);
  }
}
