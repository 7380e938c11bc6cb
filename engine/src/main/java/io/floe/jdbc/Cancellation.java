package io.floe.jdbc;

import java.sql.SQLException;

/**
 * Lets another thread cancel the statement work running in a thread: {@link #cancel} marks the statement cancelled
 * and interrupts the thread while it is inside {@link #run} (planning, a commit, or computing the next batch), so
 * blocking reads and exchanges stop; the interrupted work then fails with SQLState 57014 (HYT00 for a timeout).
 * Work that neither blocks nor reads stops at the next batch.
 */
final class Cancellation {
  /** Work that may be cancelled. */
  interface Work<T> {
    T call() throws SQLException;
  }

  private volatile boolean requested;
  private volatile boolean timedOut;
  private int timeoutSeconds;
  private Thread worker;
  private boolean interruptedWorker;

  /** Clears a cancellation of an earlier statement. */
  synchronized void reset(int timeoutSeconds) {
    this.requested = false;
    this.timedOut = false;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** Cancels the running work (or the next that starts before {@link #reset}). */
  synchronized void cancel(boolean byTimeout) {
    if (requested) {
      return;
    }
    timedOut = byTimeout;
    requested = true;
    if (worker != null && worker != Thread.currentThread()) {
      interruptedWorker = true;
      worker.interrupt();
    }
  }

  boolean requested() {
    return requested;
  }

  /** Fails with the cancellation's SQLException if the statement was cancelled. */
  void check() throws SQLException {
    if (requested) {
      throw JdbcErrors.cancelled(timedOut, timeoutSeconds);
    }
  }

  /** Runs {@code work} in this thread, interruptible by {@link #cancel}. */
  <T> T run(Work<T> work) throws SQLException {
    check();
    synchronized (this) {
      worker = Thread.currentThread();
    }
    try {
      // work that completed despite a cancel keeps its result (a commit that happened is reported); the next
      // call to run fails
      return work.call();
    } catch (SQLException | RuntimeException e) {
      if (requested) {
        SQLException cancelled = JdbcErrors.cancelled(timedOut, timeoutSeconds);
        cancelled.initCause(e);
        throw cancelled;
      }
      throw e;
    } finally {
      synchronized (this) {
        worker = null;
        if (interruptedWorker) {
          interruptedWorker = false;
          Thread.interrupted();
        }
      }
    }
  }
}
