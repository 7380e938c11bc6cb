package io.floe.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A separate JDBC application process for {@link JdbcBatchInsertTest}: sends {@code batches} prepared batches of
 * {@code rows} rows each into {@code app.batched}, ids from {@code first} on, and prints {@code done}.
 * Arguments: warehouse, first id, batches, rows.
 */
public final class JdbcBatchWorker {
  private JdbcBatchWorker() {
  }

  public static void main(String[] args) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:floe:" + args[0])) {
      connection.setSchema("app");
      insert(connection, Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }
    System.out.println("done");
  }

  /** Sends the batches; each is one append. */
  static void insert(Connection connection, long first, int batches, int rows) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO batched (id, n, s) VALUES (?, ?, ?)")) {
      long id = first;
      for (int b = 0; b < batches; b++) {
        for (int r = 0; r < rows; r++, id++) {
          ps.setLong(1, id);
          ps.setInt(2, b);
          ps.setString(3, "row " + id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }
}
