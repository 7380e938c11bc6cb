package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;

/**
 * Stops an operator's long loops once its thread is interrupted (its query was closed, timed out or failed on
 * another worker), so the operator closes and releases its memory promptly.
 */
public final class Cancellation {
  private Cancellation() {
  }

  /** Throws SQLState 57014 (query canceled) if the current thread is interrupted. */
  public static void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new SqlStateException("57014", "query canceled");
    }
  }
}
