package io.floe.catalog.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small, thread-safe pool of JDBC connections: at most {@code size} in use at once, idle ones reused. A connection
 * that failed with a connection-level error (SQLState class 08) is closed instead of reused. SQLite connections get a
 * busy timeout, WAL journaling and immediate (write-locking) transactions, so writers from several threads and
 * processes queue up instead of failing.
 */
final class ConnectionPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);
  static final int SQLITE_BUSY_TIMEOUT_MS = 60_000;

  /** Work on a connection. */
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final String uri;
  private final Properties properties;
  private final Semaphore permits;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private volatile boolean closed;

  ConnectionPool(String uri, Properties connectionProperties, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("the connection pool size must be at least 1: " + size);
    }
    this.uri = uri;
    this.properties = new Properties();
    this.properties.putAll(connectionProperties);
    if (isSqlite(uri)) {
      properties.putIfAbsent("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
      properties.putIfAbsent("journal_mode", "WAL");
      properties.putIfAbsent("transaction_mode", "IMMEDIATE");
    }
    this.permits = new Semaphore(size, true);
  }

  static boolean isSqlite(String uri) {
    return uri.startsWith("jdbc:sqlite:");
  }

  /** The URL for messages and logs: without its parameters, which may hold credentials. */
  String displayUri() {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q) + "?...";
  }

  /** Runs {@code work} with auto-commit on. */
  <T> T run(SqlWork<T> work) throws SQLException {
    Connection c = acquire();
    boolean broken = true;
    try {
      T result = work.run(c);
      broken = false;
      return result;
    } catch (SQLException e) {
      broken = isConnectionError(e) || isClosed(c);
      throw e;
    } catch (RuntimeException | Error e) {
      broken = isClosed(c);
      throw e;
    } finally {
      release(c, broken);
    }
  }

  /**
   * Runs {@code work} in one database transaction: committed if it returns, rolled back if it throws. A failure of
   * the COMMIT itself is thrown as {@link CommitOutcomeUnknownException}: the transaction may or may not have landed.
   */
  <T> T inTransaction(SqlWork<T> work) throws SQLException {
    return run(c -> {
      c.setAutoCommit(false);
      T result;
      try {
        result = work.run(c);
      } catch (Throwable e) {
        rollback(c, e);
        throw e;
      }
      try {
        c.commit();
      } catch (SQLException e) {
        rollback(c, e);
        throw new CommitOutcomeUnknownException("COMMIT failed on " + displayUri() + ": " + e.getMessage(), e);
      }
      try {
        c.setAutoCommit(true);
      } catch (SQLException e) {
        LOG.warn("discarding a connection to {} that failed after a commit: {}", displayUri(), e.toString());
        closeQuietly(c);
      }
      return result;
    });
  }

  /** Rolls back; a connection that cannot roll back is closed so that it is not reused. */
  private void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      cause.addSuppressed(e);
      closeQuietly(c);
    }
  }

  private Connection acquire() throws SQLException {
    if (closed) {
      throw new SQLException("the connection pool of " + displayUri() + " is closed", "08003");
    }
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection to " + displayUri(), "08001", e);
    }
    synchronized (idle) {
      Connection c = idle.pollFirst();
      if (c != null) {
        return c;
      }
    }
    try {
      return DriverManager.getConnection(uri, properties);
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private void release(Connection c, boolean broken) {
    try {
      if (broken || closed) {
        closeQuietly(c);
      } else {
        synchronized (idle) {
          idle.addFirst(c);
        }
      }
    } finally {
      permits.release();
    }
  }

  private static boolean isConnectionError(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("08");
  }

  private static boolean isClosed(Connection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      LOG.warn("closing a broken connection failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (idle) {
      for (Connection c : idle) {
        closeQuietly(c);
      }
      idle.clear();
    }
  }
}
