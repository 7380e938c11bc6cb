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
import java.security.KeyStore;
import java.util.Base64;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelFlightInfoResult;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
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
      io.floe.types.StructType point = Types.struct(NestedField.optional(4, "x", Types.INT),
          NestedField.optional(5, "label", Types.STRING));
      Schema nested = new Schema(NestedField.required(1, "id", Types.LONG), NestedField.optional(2, "p", point),
          NestedField.optional(3, "tags", Types.list(6, Types.STRING, false)));
      catalog.createTable(TableIdentifier.of("shop", "nested"), nested).newAppend().appendRecords(List.of(
          GenericRecord.of(nested.asStruct(), 1L, GenericRecord.of(point, 7, "a"), java.util.Arrays.asList("t", null)),
          GenericRecord.of(nested.asStruct(), 2L, null, List.of()))).commit();
      Schema numbers = new Schema(NestedField.required(1, "n", Types.LONG));
      var numbersTable = catalog.createTable(TableIdentifier.of("shop", "numbers"), numbers);
      for (long file = 0; file < NUMBERS / 100; file++) {
        List<Record> numberRows = new ArrayList<>();
        for (long i = file * 100; i < (file + 1) * 100; i++) {
          numberRows.add(GenericRecord.of(numbers.asStruct(), i));
        }
        numbersTable.newAppend().appendRecords(numberRows).commit();
      }
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

  /** ROW and ARRAY columns travel as Arrow struct and list vectors, which Arrow's own JDBC driver reads. */
  @Test
  void nestedColumnsReachTheClientAsArrowStructsAndLists() throws SQLException {
    try (Connection connection = connect(USER, PASSWORD); Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT id, p, tags, p.label FROM nested ORDER BY id")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getLong(1) + " " + rs.getObject(2) + " " + rs.getObject(3) + " " + rs.getString(4));
      }
      assertEquals(List.of("1 {\"x\":7,\"label\":\"a\"} [\"t\",null] a", "2 null [] null"), rows);
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
  void aPreparedInsertBoundToABatchOfRowsIsOneSnapshotOrNothing() throws SQLException {
    try (Connection connection = connect(USER, PASSWORD)) {
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("CREATE TABLE shop.orders (id BIGINT NOT NULL, amount DECIMAL(10, 2), due DATE, "
            + "placed TIMESTAMP, note VARCHAR)");
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
        java.sql.ParameterMetaData parameters = insert.getParameterMetaData();
        assertEquals(List.of(java.sql.Types.BIGINT, java.sql.Types.DECIMAL, java.sql.Types.DATE),
            List.of(parameters.getParameterType(1), parameters.getParameterType(2), parameters.getParameterType(3)),
            "an INSERT's parameters take its columns' types");
        for (int i = 1; i <= 3; i++) {
          insert.setLong(1, i);
          insert.setBigDecimal(2, BigDecimal.valueOf(i * 150L, 2));
          insert.setDate(3, java.sql.Date.valueOf(LocalDate.of(2024, 6, i)));
          insert.setTimestamp(4, java.sql.Timestamp.valueOf(LocalDateTime.of(2024, 6, i, 10, 30)));
          insert.setString(5, i == 2 ? null : "order '" + i + "'");
          insert.addBatch();
        }
        insert.executeBatch();
        insert.setLong(1, 4);
        insert.setBigDecimal(2, new BigDecimal("1.00"));
        insert.setDate(3, java.sql.Date.valueOf(LocalDate.of(2024, 7, 1)));
        insert.setTimestamp(4, java.sql.Timestamp.valueOf(LocalDateTime.of(2024, 7, 1, 0, 0)));
        insert.setString(5, "fine");
        insert.addBatch();
        insert.setNull(1, java.sql.Types.BIGINT);
        insert.addBatch();
        SQLException nullId = assertThrows(SQLException.class, insert::executeBatch);
        assertTrue(nullId.getMessage().contains("id"), nullId.getMessage());
      }
      try (Statement statement = connection.createStatement()) {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"orders$snapshots\"")) {
          assertEquals(List.of(List.of(1L)), jdbcRows(rs), "one snapshot for the batch, none for the failed one");
        }
        try (ResultSet rs = statement.executeQuery("SELECT id, CAST(amount AS VARCHAR), CAST(due AS VARCHAR), "
            + "CAST(placed AS VARCHAR), note FROM orders ORDER BY id")) {
          assertEquals(List.of(
              java.util.Arrays.asList(1L, "1.50", "2024-06-01", "2024-06-01 10:30:00", "order '1'"),
              java.util.Arrays.asList(2L, "3.00", "2024-06-02", "2024-06-02 10:30:00", null),
              java.util.Arrays.asList(3L, "4.50", "2024-06-03", "2024-06-03 10:30:00", "order '3'")),
              jdbcRows(rs));
        }
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
      try (Statement st = connection.createStatement()) {
        st.executeUpdate("CREATE VIEW shop.cheap AS SELECT id, name FROM shop.items WHERE price < 10");
      }
      List<String> tables = new ArrayList<>();
      List<String> viewColumns = new ArrayList<>();
      try {
        try (ResultSet rs = meta.getTables(null, "shop", "%", null)) {
          while (rs.next()) {
            tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
          }
        }
        try (ResultSet rs = meta.getColumns(null, "shop", "cheap", "%")) {
          while (rs.next()) {
            viewColumns.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
          }
        }
      } finally {
        try (Statement st = connection.createStatement()) {
          st.executeUpdate("DROP VIEW shop.cheap");
        }
      }
      assertEquals(List.of("cheap:VIEW", "items:TABLE", "nested:TABLE", "numbers:TABLE"), tables);
      assertEquals(List.of("id:" + java.sql.Types.BIGINT, "name:" + java.sql.Types.VARCHAR), viewColumns);
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
      assertEquals("\"", meta.getIdentifierQuoteString());
      try (ResultSet rs = meta.getCatalogs()) {
        assertTrue(rs.next());
        assertEquals("floe", rs.getString("TABLE_CAT"));
      }
      try (ResultSet rs = meta.getTableTypes()) {
        assertTrue(rs.next());
        assertEquals("TABLE", rs.getString("TABLE_TYPE"));
        assertTrue(rs.next());
        assertEquals("VIEW", rs.getString("TABLE_TYPE"));
      }
      try (ResultSet keys = meta.getPrimaryKeys(null, "shop", "items");
           ResultSet imported = meta.getImportedKeys(null, "shop", "items")) {
        assertFalse(keys.next());
        assertFalse(imported.next());
      }
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
      // a statement that is not a query goes the update path (DoPut); the engine's answer reaches the client
      SQLException drop = assertThrows(SQLException.class, () -> {
        try (Statement statement = connection.createStatement()) {
          statement.executeUpdate("DROP TABLE shop.nothing_here");
        }
      });
      assertTrue(messages(drop).contains("nothing_here") || messages(drop).contains("not supported: DROP_TABLE"),
          messages(drop));
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
      // 4 million rows: far more than the stream buffers, so the server is still producing when the client cancels
      ResultSet rs = statement.executeQuery("SELECT a.n, b.n FROM numbers a, numbers b");
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

  @Test
  void cancelFlightInfoClosesAPlannedQuery() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
         FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("localhost", server.port()))
             .build()) {
      CredentialCallOption login = client.authenticateBasicToken(USER, PASSWORD).orElseThrow();
      FlightSqlClient sql = new FlightSqlClient(client);
      FlightInfo info = sql.execute("SELECT a.n, b.n FROM shop.numbers a, shop.numbers b", login);
      assertEquals(1, server.runningQueries());
      CancelFlightInfoResult result = sql.cancelFlightInfo(new CancelFlightInfoRequest(info), login);
      assertEquals(CancelStatus.CANCELLED, result.getStatus());
      assertEquals(0, server.runningQueries());
      FlightRuntimeException read = assertThrows(FlightRuntimeException.class, () -> {
        try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), login)) {
          stream.next();
        }
      });
      assertEquals(FlightStatusCode.NOT_FOUND, read.status().code());
    }
  }

  @Test
  void sessionOptionsChooseTheSchemaAndUpdatesReportErrors() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
         FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("localhost", server.port()))
             .build()) {
      CredentialCallOption login = client.authenticateBasicToken("bob", "builder").orElseThrow();
      FlightSqlClient sql = new FlightSqlClient(client);
      FlightRuntimeException unqualified = assertThrows(FlightRuntimeException.class,
          () -> sql.execute("SELECT count(*) FROM items", login));
      assertEquals(FlightStatusCode.NOT_FOUND, unqualified.status().code(), unqualified.getMessage());
      SetSessionOptionsResult set = sql.setSessionOptions(new SetSessionOptionsRequest(
          Map.of("schema", SessionOptionValueFactory.makeSessionOptionValue("shop"))), login);
      assertFalse(set.hasErrors());
      FlightInfo info = sql.execute("SELECT count(*) FROM items", login);
      try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), login)) {
        assertTrue(stream.next());
        assertEquals(50L, ((BigIntVector) stream.getRoot().getVector(0)).get(0));
      }
      SetSessionOptionsResult unknown = sql.setSessionOptions(new SetSessionOptionsRequest(
          Map.of("schema", SessionOptionValueFactory.makeSessionOptionValue("nothing"))), login);
      assertTrue(unknown.hasErrors());
      FlightRuntimeException update = assertThrows(FlightRuntimeException.class,
          () -> sql.executeUpdate("SELECT 1 FROM items", login));
      assertTrue(update.getMessage().contains("returns rows"), update.getMessage());
    }
  }

  @Test
  void withoutAuthenticationClientsNeedNoCredentials() throws Exception {
    try (FloeServer open = FloeServer.start(ServerOptions.defaults().withPort(0)
        .withCatalog(Map.of(Catalogs.WAREHOUSE, warehouse.toString())).withoutAuthentication());
         Connection connection = DriverManager.getConnection(
             "jdbc:arrow-flight-sql://localhost:" + open.port() + "?useEncryption=false&schema=shop")) {
      assertEquals(List.of(List.of(50L)), jdbcRows(connection, "SELECT count(*) FROM items"));
    }
  }

  @Test
  void tlsWithASelfSignedCertificate() throws Exception {
    Path keystore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "floe", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), output);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    Path cert = dir.resolve("server.crt");
    Path key = dir.resolve("server.key");
    Files.writeString(cert, pem("CERTIFICATE", store.getCertificate("floe").getEncoded()));
    Files.writeString(key, pem("PRIVATE KEY", store.getKey("floe", "changeit".toCharArray()).getEncoded()));
    try (FloeServer tls = FloeServer.start(ServerOptions.defaults().withPort(0)
        .withCatalog(Map.of(Catalogs.WAREHOUSE, warehouse.toString())).withUsers(dir.resolve("users.properties"))
        .withTls(cert, key).withDefaultSchema("shop"))) {
      Properties properties = new Properties();
      properties.setProperty("user", USER);
      properties.setProperty("password", PASSWORD);
      String url = "jdbc:arrow-flight-sql://localhost:" + tls.port() + "?useEncryption=true&tlsRootCerts="
          + cert;
      try (Connection connection = DriverManager.getConnection(url, properties)) {
        assertEquals(List.of(List.of(50L)), jdbcRows(connection, "SELECT count(*) FROM items"));
      }
      SQLException plain = assertThrows(SQLException.class, () -> {
        try (Connection connection = DriverManager.getConnection(
            "jdbc:arrow-flight-sql://localhost:" + tls.port() + "?useEncryption=false", properties)) {
          jdbcRows(connection, "SELECT count(*) FROM items");
        }
      });
      assertTrue(messages(plain).length() > 0);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
