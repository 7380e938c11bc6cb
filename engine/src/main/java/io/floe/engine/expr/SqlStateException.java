package io.floe.engine.expr;

/** A runtime SQL error with its SQLState, such as {@code 22012} for division by zero. */
public final class SqlStateException extends RuntimeException {
  private final String sqlState;

  public SqlStateException(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }

  public static SqlStateException divisionByZero() {
    return new SqlStateException("22012", "division by zero");
  }
}
