package io.floe.commit;

/** Another commit won the race for the table's pointer; nothing of this attempt is visible, so it may be retried. */
public class CommitFailedException extends RuntimeException {
  public CommitFailedException(String message) {
    super(message);
  }

  public CommitFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
