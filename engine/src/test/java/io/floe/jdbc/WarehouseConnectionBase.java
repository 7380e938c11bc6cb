package io.floe.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class's {@link JdbcTestWarehouse} and a driver connection to it with default schema {@code shop}. */
abstract class WarehouseConnectionBase {
  @TempDir
  static Path warehouse;

  static Connection connection;

  static String url() {
    return "jdbc:floe:" + warehouse + "?schema=shop";
  }

  @BeforeAll
  static void createWarehouseAndConnect() throws SQLException {
    JdbcTestWarehouse.create(warehouse);
    connection = DriverManager.getConnection(url());
  }

  @AfterAll
  static void disconnect() throws SQLException {
    connection.close();
  }
}
