package io.floe.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * A JDBC application: connects with {@code jdbc:floe:<warehouse>?schema=jobs}, lists the tables through
 * {@link DatabaseMetaData}, and runs a prepared query with a timestamp parameter over the batch job's orders (it
 * runs the idempotent batch job first, so the table is there). Run it with
 * {@code ./floe example jdbc [--warehouse DIR]}.
 */
public final class JdbcExample {
  private JdbcExample() {
  }

  public static void main(String[] args) throws SQLException {
    run(ExampleArgs.warehouse(args), System.out);
  }

  /** Runs the application against {@code warehouse}; returns the number of result rows of the query. */
  public static int run(Path warehouse, PrintStream out) throws SQLException {
    BatchJobExample.run(warehouse, out);
    String url = "jdbc:floe:" + warehouse.toAbsolutePath() + "?schema=jobs";
    try (Connection connection = DriverManager.getConnection(url)) {
      DatabaseMetaData metadata = connection.getMetaData();
      out.println("connected to " + metadata.getDatabaseProductName() + " at " + metadata.getURL());
      try (ResultSet tables = metadata.getTables(null, "jobs", "%", new String[] {"TABLE"})) {
        while (tables.next()) {
          out.println("table " + tables.getString("TABLE_SCHEM") + "." + tables.getString("TABLE_NAME"));
        }
      }
      String sql = "SELECT region, count(*) AS orders, sum(amount) AS revenue, max(order_ts) AS last_order "
          + "FROM orders WHERE order_ts >= ? GROUP BY region ORDER BY region";
      int rows = 0;
      try (PreparedStatement query = connection.prepareStatement(sql)) {
        query.setTimestamp(1, Timestamp.valueOf(LocalDateTime.of(2026, 11, 2, 0, 0)));
        try (ResultSet rs = query.executeQuery()) {
          out.printf("%-6s %7s %12s  %s%n", "region", "orders", "revenue", "last order");
          while (rs.next()) {
            rows++;
            out.printf("%-6s %7d %12s  %s%n", rs.getString("region"), rs.getLong("orders"),
                rs.getBigDecimal("revenue"), rs.getTimestamp("last_order").toLocalDateTime());
          }
        }
      }
      return rows;
    }
  }
}
