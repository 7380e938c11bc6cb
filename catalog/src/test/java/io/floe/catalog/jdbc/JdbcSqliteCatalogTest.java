package io.floe.catalog.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The shared catalog suite on the JDBC catalog on SQLite (a database file per test, outside the warehouse). */
class JdbcSqliteCatalogTest extends JdbcCatalogTestBase {
  @Override
  protected String uri() {
    return "jdbc:sqlite:" + root.resolve("catalog.db");
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(uri());
  }
}
