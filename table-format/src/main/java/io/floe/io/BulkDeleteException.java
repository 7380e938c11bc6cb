package io.floe.io;

import java.util.List;

/** Some files of a bulk delete could not be deleted; the others were. */
public class BulkDeleteException extends RuntimeException {
  private final List<String> failedLocations;

  public BulkDeleteException(String message, List<String> failedLocations, Throwable cause) {
    super(message, cause);
    this.failedLocations = List.copyOf(failedLocations);
  }

  /** The files that are (or may still be) there. */
  public List<String> failedLocations() {
    return failedLocations;
  }
}
