package io.floe.engine.expr;

/** A runtime SQL error with its SQLState, such as {@code 22012} for division by zero. */
public final class SqlStateException extends RuntimeException {
  private final String sqlState;

  public SqlStateException(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }

  /** A failure whose message already names what failed; {@code cause} is kept as a suppressed exception. */
  public static SqlStateException withDetail(String sqlState, String message, Throwable cause) {
    SqlStateException e = new SqlStateException(sqlState, message);
    e.addSuppressed(cause);
    return e;
  }

  public String sqlState() {
    return sqlState;
  }

  public static SqlStateException divisionByZero() {
    return new SqlStateException("22012", "division by zero");
  }
}
