package io.floe.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flight SQL server with the official Apache Arrow Flight SQL JDBC driver as its client, over a warehouse of
 * real Floe tables: authentication, queries equal to the embedded session's, prepared statements with parameters,
 * catalog metadata, errors, concurrent clients and cancellation.
 */
class FlightSqlServerTest {
  private static final String USER = "alice";
  private static final String PASSWORD = "wonder land";
  private static final int NUMBERS = 2000;

  @TempDir
  static Path dir;

  private static Path warehouse;
  private static FloeServer server;

  @BeforeAll
  static void setUp() throws Exception {
    warehouse = dir.resolve("warehouse");
    try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toString()))) {
      catalog.createNamespace(Namespace.of("shop"));
      Schema items = new Schema(
          NestedField.required(1, "id", Types.LONG),
          NestedField.optional(2, "name", Types.STRING),
          NestedField.optional(3, "price", Types.decimal(10, 2)),
          NestedField.optional(4, "sold", Types.DATE),
          NestedField.optional(5, "updated", Types.TIMESTAMP));
      List<Record> rows = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        rows.add(GenericRecord.of(items.asStruct(), (long) i, i % 7 == 0 ? null : "item" + i,
            BigDecimal.valueOf(i * 125L, 2), LocalDate.of(2024, 1, 1).plusDays(i),
            LocalDateTime.of(2024, 3, 1, 12, 0).plusMinutes(i * 61L).plusNanos(i * 1000L)));
      }
      catalog.createTable(TableIdentifier.of("shop", "items"), items).newAppend().appendRecords(rows).commit();
      Schema numbers = new Schema(NestedField.required(1, "n", Types.LONG));
      List<Record> numberRows = new ArrayList<>();
      for (long i = 0; i < NUMBERS; i++) {
        numberRows.add(GenericRecord.of(numbers.asStruct(), i));
      }
      catalog.createTable(TableIdentifier.of("shop", "numbers"), numbers).newAppend().appendRecords(numberRows)
          .commit();
    }
    Path users = dir.resolve("users.properties");
    UserFile.addUser(users, USER, PASSWORD.toCharArray(), 10_000);
    UserFile.addUser(users, "bob", "builder".toCharArray(), 10_000);
    server = FloeServer.start(ServerOptions.defaults().withPort(0)
        .withCatalog(Map.of(Catalogs.WAREHOUSE, warehouse.toString())).withUsers(users));
  }

  @AfterAll
  static void tearDown() throws Exception {
    server.close();
  }

  private static Connection connect(String user, String password) throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(
        "jdbc:arrow-flight-sql://localhost:" + server.port() + "?useEncryption=false&schema=shop", properties);
  }

  private static List<List<Object>> jdbcRows(ResultSet rs) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int c = 1; c <= columns; c++) {
        Object value = rs.getObject(c);
        if (value instanceof java.sql.Date date) {
          value = date.toLocalDate();
        } else if (value instanceof java.sql.Timestamp timestamp) {
          value = timestamp.toLocalDateTime();
        } else if (value instanceof Integer i) {
          value = i.longValue();
        }
        row.add(value);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<Object>> jdbcRows(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      return jdbcRows(rs);
    }
  }

  /** The rows the embedded session returns for {@code sql}. */
  private static List<List<Object>> embeddedRows(String sql) throws SQLException {
    try (FloeSession session = FloeSession.open(warehouse, "shop"); QueryResult result = session.execute(sql)) {
      return ResultRows.of(result);
    }
  }

  @Test
  void wrongPasswordIsRefused() {
    SQLException e = assertThrows(SQLException.class, () -> connect(USER, "wrong").close());
    assertTrue(messages(e).contains("wrong user name or password"), messages(e));
    SQLException unknown = assertThrows(SQLException.class, () -> connect("mallory", PASSWORD).close());
    assertTrue(messages(unknown).contains("wrong user name or password"), messages(unknown));
  }

  @Test
  void noCredentialsAreRefused() {
    SQLException e = assertThrows(SQLException.class, () -> {
      try (Connection connection = connect(null, null)) {
        jdbcRows(connection, "SELECT count(*) FROM items");
      }
    });
    assertTrue(messages(e).contains("authentication required"), messages(e));
  }

  @Test
  void queryResultsEqualTheEmbeddedSessions() throws SQLException {
    String sql = "SELECT id, name, price, sold, updated FROM items WHERE id > 3 ORDER BY id";
    List<List<Object>> expected = embeddedRows(sql);
    assertEquals(47, expected.size());
    try (Connection connection = connect(USER, PASSWORD)) {
      List<List<Object>> actual = jdbcRows(connection, sql);
      assertEquals(expected, actual);
      assertEquals(List.of(List.of(50L, new BigDecimal("1593.75"))),
          jdbcRows(connection, "SELECT count(*), sum(price) FROM shop.items"));
      try (Statement statement = connection.createStatement();
           ResultSet rs = statement.executeQuery("SELECT id, price, updated FROM items WHERE id = 2")) {
        assertEquals("id", rs.getMetaData().getColumnName(1));
        assertEquals(java.sql.Types.DECIMAL, rs.getMetaData().getColumnType(2));
        assertTrue(rs.next());
        assertEquals(new BigDecimal("2.50"), rs.getBigDecimal(2));
        assertEquals(LocalDateTime.of(2024, 3, 1, 14, 2, 0, 2000), rs.getTimestamp(3).toLocalDateTime());
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void preparedStatementsBindParameters() throws SQLException {
    try (Connection connection = connect(USER, PASSWORD);
         PreparedStatement statement = connection.prepareStatement(
             "SELECT id, name FROM items WHERE id BETWEEN ? AND ? AND name LIKE ? AND sold > ? ORDER BY id")) {
      assertEquals(4, statement.getParameterMetaData().getParameterCount());
      statement.setLong(1, 10);
      statement.setLong(2, 30);
      statement.setString(3, "item2%");
      statement.setDate(4, java.sql.Date.valueOf(LocalDate.of(2024, 1, 21)));
      try (ResultSet rs = statement.executeQuery()) {
        List<List<Object>> expected = new ArrayList<>();
        for (long id = 21; id <= 29; id++) {
          if (id % 7 != 0) {
            expected.add(List.of(id, "item" + id));
          }
        }
        assertEquals(expected, jdbcRows(rs));
      }
      statement.setLong(1, 1);
      statement.setLong(2, 3);
      statement.setString(3, "it'em%");
      statement.setDate(4, java.sql.Date.valueOf(LocalDate.of(2000, 1, 1)));
      try (ResultSet rs = statement.executeQuery()) {
        assertEquals(List.of(), jdbcRows(rs), "a quote in a parameter is a character, not SQL");
      }
    }
  }

  @Test
  void preparedStatementWithoutParametersRunsRepeatedly() throws SQLException {
    try (Connection connection = connect(USER, PASSWORD);
         PreparedStatement statement = connection.prepareStatement("SELECT max(n) FROM numbers")) {
      for (int i = 0; i < 3; i++) {
        try (ResultSet rs = statement.executeQuery()) {
          assertEquals(List.of(List.of((long) NUMBERS - 1)), jdbcRows(rs));
        }
      }
    }
  }

  @Test
  void catalogMetadata() throws SQLException {
    try (Connection connection = connect(USER, PASSWORD)) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = meta.getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      assertEquals(List.of("shop"), schemas);
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, "shop", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
        }
      }
      assertEquals(List.of("items:TABLE", "numbers:TABLE"), tables);
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, "shop", "items", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
        }
      }
      assertEquals(List.of("id:" + java.sql.Types.BIGINT, "name:" + java.sql.Types.VARCHAR,
          "price:" + java.sql.Types.DECIMAL, "sold:" + java.sql.Types.DATE, "updated:" + java.sql.Types.TIMESTAMP),
          columns);
      assertEquals(SqlInfos.SERVER_NAME, meta.getDatabaseProductName());
    }
  }

  @Test
  void errorsReachTheClientWithTheirMessage() throws SQLException {
    try (Connection connection = connect(USER, PASSWORD)) {
      SQLException e = assertThrows(SQLException.class, () -> jdbcRows(connection, "SELECT * FROM nowhere"));
      assertTrue(messages(e).contains("nowhere"), messages(e));
      assertTrue(messages(e).contains("42S02"), messages(e));
      SQLException syntax = assertThrows(SQLException.class, () -> jdbcRows(connection, "SELECT id FROM items WHERE"));
      assertTrue(messages(syntax).contains("line 1, column"), messages(syntax));
      assertEquals(List.of(List.of(50L)), jdbcRows(connection, "SELECT count(*) FROM items"),
          "the connection works after errors");
    }
  }

  @Test
  void eightConcurrentClients() throws Exception {
    int clients = 8;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        results.add(pool.submit(() -> {
          int checked = 0;
          try (Connection connection = connect(client % 2 == 0 ? USER : "bob", client % 2 == 0 ? PASSWORD : "builder")) {
            for (int round = 0; round < 5; round++) {
              long bound = 100L * (client + 1) + round;
              List<List<Object>> rows = jdbcRows(connection,
                  "SELECT count(*), sum(n) FROM numbers WHERE n < " + bound);
              assertEquals(List.of(List.of(bound, bound * (bound - 1) / 2)), rows, "client " + client);
              checked++;
            }
          }
          return checked;
        }));
      }
      for (Future<Integer> result : results) {
        assertEquals(5, result.get(5, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void cancellingAStatementStopsItsQueryOnTheServer() throws Exception {
    try (Connection connection = connect(USER, PASSWORD); Statement statement = connection.createStatement()) {
      ResultSet rs = statement.executeQuery("SELECT a.n, b.n, c.n FROM numbers a, numbers b, numbers c");
      for (int i = 0; i < 10; i++) {
        assertTrue(rs.next());
      }
      assertEquals(1, server.runningQueries(), "the query streams");
      statement.cancel();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (server.runningQueries() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(0, server.runningQueries(), "the server stopped the cancelled query");
    }
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
