package io.floe.commit;

/** The pointer swap may or may not have happened (e.g. an I/O error after the write was sent). */
public class CommitStateUnknownException extends RuntimeException {
  public CommitStateUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
