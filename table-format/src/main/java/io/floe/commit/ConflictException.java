package io.floe.commit;

/**
 * A commit was refused because data it read or removes changed since its starting snapshot (a true conflict);
 * retrying the same operation would not help. Names the table.
 */
public class ConflictException extends RuntimeException {
  private final String tableName;

  public ConflictException(String tableName, String message) {
    super("commit conflict on table " + tableName + ": " + message);
    this.tableName = tableName;
  }

  public String tableName() {
    return tableName;
  }
}
