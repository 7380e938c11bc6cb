package io.floe.benchmarks;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An application's JDBC batch insert: {@code rows} rows of {@code (id BIGINT, ts TIMESTAMP, name VARCHAR, amount
 * DECIMAL(10,2))} bound to a {@code PreparedStatement} with {@code addBatch()} and sent with one
 * {@code executeBatch()}, into an empty table of a Floe warehouse ({@code jdbc:floe:<dir>}: the batch is one snapshot)
 * and of a DuckDB database file ({@code jdbc:duckdb:<file>}: the batch in one transaction, as a DuckDB user would
 * run it; with autocommit each row commits by itself and 50,000 rows take about 18 s here), both on local disk.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class JdbcBatchInsertBenchmark {
  static final String CREATE = "CREATE TABLE events (id BIGINT, ts TIMESTAMP, name VARCHAR, amount DECIMAL(10,2))";

  /** A Floe warehouse and a DuckDB database, each with an empty {@code events} table before every insert. */
  @State(Scope.Benchmark)
  public static class Databases {
    @Param("50000")
    public int rows;

    Path dir;
    Connection floe;
    Connection duckdb;

    @Setup(Level.Trial)
    public void open() throws SQLException {
      dir = TempDirs.create("jdbc-batch");
      floe = DriverManager.getConnection("jdbc:floe:" + dir.resolve("warehouse"));
      try (Statement st = floe.createStatement()) {
        st.execute("CREATE SCHEMA IF NOT EXISTS app");
      }
      floe.setSchema("app");
      Properties props = new Properties();
      props.setProperty("extension_directory", dir.resolve("duckdb-extensions").toString());
      duckdb = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("events.duckdb"), props);
    }

    @Setup(Level.Invocation)
    public void emptyTables() throws SQLException {
      for (Connection c : new Connection[] {floe, duckdb}) {
        try (Statement st = c.createStatement()) {
          st.execute("DROP TABLE IF EXISTS events");
          st.execute(CREATE);
        }
      }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      floe.close();
      duckdb.close();
      TempDirs.delete(dir);
    }
  }

  static long insert(Connection connection, int rows) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        ps.setLong(1, i);
        ps.setTimestamp(2, new Timestamp(1_700_000_000_000L + i * 1000L));
        ps.setString(3, "event-" + (i % 100));
        ps.setBigDecimal(4, BigDecimal.valueOf(i % 100_000, 2));
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      if (counts.length != rows) {
        throw new IllegalStateException(counts.length + " update counts for " + rows + " rows");
      }
      return counts.length;
    }
  }

  @Benchmark
  public long floe(Databases d) throws SQLException {
    return insert(d.floe, d.rows);
  }

  @Benchmark
  public long duckdb(Databases d) throws SQLException {
    d.duckdb.setAutoCommit(false);
    try {
      long rows = insert(d.duckdb, d.rows);
      d.duckdb.commit();
      return rows;
    } finally {
      d.duckdb.setAutoCommit(true);
    }
  }
}
