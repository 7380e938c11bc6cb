package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries at scale factor 0.01 on Floe tables, each compared row by row with DuckDB reading the same
 * Parquet data files.
 */
class TpchQueriesTest {
  private static TpchWarehouse warehouse;
  private static FloeSession session;
  private static Connection duckdb;

  @BeforeAll
  static void setUp() throws Exception {
    Path target = Path.of("target");
    warehouse = TpchWarehouse.at(target.resolve("tpch-sf0.01"), 0.01);
    session = FloeSession.open(warehouse.root(), TpchWarehouse.SCHEMA);
    Path extensions = Files.createDirectories(target.resolve("duckdb-extensions"));
    Properties props = new Properties();
    props.setProperty("extension_directory", extensions.toAbsolutePath().toString());
    duckdb = DriverManager.getConnection("jdbc:duckdb:", props);
    try (Statement st = duckdb.createStatement()) {
      for (Map.Entry<String, List<String>> e : warehouse.dataFiles().entrySet()) {
        String files = e.getValue().stream().map(f -> "'" + f.replace("'", "''") + "'")
            .collect(Collectors.joining(", ", "[", "]"));
        st.execute("CREATE VIEW " + e.getKey() + " AS SELECT * FROM read_parquet(" + files + ")");
      }
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (session != null) {
      session.close();
    }
    if (duckdb != null) {
      duckdb.close();
    }
  }

  static Stream<String> queries() {
    return IntStream.rangeClosed(1, 22).mapToObj(i -> String.format("q%02d", i)).filter(q -> System.getProperty("tpch.only") == null || System.getProperty("tpch.only").contains(q));
  }

  @Timeout(60)
  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void matchesDuckDb(String name) throws Exception {
    String sql = query(name);
    List<List<Object>> expected;
    try (Statement st = duckdb.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      expected = ResultRows.of(rs);
    }
    List<List<Object>> actual;
    try (QueryResult result = session.execute(stripSemicolon(sql))) {
      actual = ResultRows.of(result);
    }
    assertFalse(expected.isEmpty(), name + " returns rows on DuckDB");
    assertNull(ResultRows.difference(expected, actual), () -> name + " differs from DuckDB");
  }

  private static String stripSemicolon(String sql) {
    String s = sql.strip();
    return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
  }

  private static String query(String name) throws IOException {
    try (InputStream in = TpchQueriesTest.class.getResourceAsStream("/tpch/" + name + ".sql")) {
      if (in == null) {
        throw new IOException("missing query resource /tpch/" + name + ".sql");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
