package io.floe.benchmarks;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.engine.FloeSession;
import io.floe.engine.server.FloeServer;
import io.floe.engine.server.ServerOptions;
import io.floe.engine.server.UserFile;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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
 * The Flight SQL server against the embedded engine ({@code FloeSession.execute} in the same JVM), on the same
 * warehouse: transfer of a {@code rows}-row result ({@code SELECT * FROM wide}: long, long, double, short string)
 * and point-lookup latency ({@code SELECT * FROM dim WHERE id = k} on a 10,000-row table). Remote clients: Arrow's
 * {@code FlightSqlClient} (Arrow batches) and the Flight SQL JDBC driver (rows through {@code ResultSet}), over
 * loopback, server and client in one JVM (2 cores shared).
 */
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false", "-Xmx6g"})
public class FlightSqlBenchmark {
  static final String TRANSFER_SQL = "SELECT * FROM wide";
  static final String LOOKUP_SQL = "SELECT * FROM dim WHERE id = ";
  static final int DIM_ROWS = 10_000;
  static final int FILES = 10;
  private static final String USER = "bench";
  private static final String PASSWORD = "bench-password";
  private static final String[] TAGS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};

  /** A warehouse with the two tables, a server over it, and one connection of each kind. */
  public abstract static class Endpoints {
    Path dir;
    FloeServer server;
    FloeSession embedded;
    BufferAllocator allocator;
    FlightClient flightClient;
    FlightSqlClient flightSql;
    CredentialCallOption login;
    Connection jdbc;
    PreparedStatement jdbcLookup;
    long nextKey;

    void start(long wideRows) throws IOException, SQLException {
      dir = TempDirs.create("flight-sql");
      Path warehouse = dir.resolve("warehouse");
      writeTables(warehouse, wideRows);
      Path users = dir.resolve("users.properties");
      UserFile.addUser(users, USER, PASSWORD.toCharArray(), 10_000);
      server = FloeServer.start(ServerOptions.defaults().withPort(0)
          .withCatalog(Map.of(Catalogs.WAREHOUSE, warehouse.toString())).withUsers(users).withDefaultSchema("bench"));
      embedded = FloeSession.open(warehouse, "bench");
      allocator = new RootAllocator();
      flightClient = FlightClient.builder(allocator, Location.forGrpcInsecure("localhost", server.port())).build();
      login = flightClient.authenticateBasicToken(USER, PASSWORD).orElseThrow();
      flightSql = new FlightSqlClient(flightClient);
      Properties properties = new Properties();
      properties.setProperty("user", USER);
      properties.setProperty("password", PASSWORD);
      jdbc = DriverManager.getConnection("jdbc:arrow-flight-sql://localhost:" + server.port()
          + "?useEncryption=false", properties);
      jdbcLookup = jdbc.prepareStatement("SELECT * FROM dim WHERE id = ?");
    }

    long nextKey() {
      nextKey = (nextKey + 7919) % DIM_ROWS;
      return nextKey;
    }

    void stop() throws Exception {
      jdbcLookup.close();
      jdbc.close();
      flightClient.close();
      allocator.close();
      embedded.close();
      server.close();
      TempDirs.delete(dir);
    }
  }

  /** Endpoints over a warehouse whose {@code wide} table has {@code rows} rows. */
  @State(Scope.Benchmark)
  public static class TransferEndpoints extends Endpoints {
    @Param("10000000")
    public long rows;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
      start(rows);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      stop();
    }
  }

  /** Endpoints for point lookups: only the {@code dim} table has rows. */
  @State(Scope.Benchmark)
  public static class LookupEndpoints extends Endpoints {
    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
      start(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      stop();
    }
  }

  /** {@code bench.wide}: {@code rows} rows in {@link #FILES} files; {@code bench.dim}: 10,000 rows. */
  static void writeTables(Path warehouse, long rows) {
    try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toString()))) {
      catalog.createNamespace(Namespace.of("bench"));
      Schema wide = new Schema(
          NestedField.required(1, "id", Types.LONG),
          NestedField.required(2, "grp", Types.LONG),
          NestedField.required(3, "amount", Types.DOUBLE),
          NestedField.required(4, "tag", Types.STRING));
      Table wideTable = catalog.createTable(TableIdentifier.of("bench", "wide"), wide);
      long perFile = Math.max(1, (rows + FILES - 1) / FILES);
      for (long start = 0; start < rows; start += perFile) {
        wideTable.newAppend().appendRecords(generated(wide, start, Math.min(rows, start + perFile))).commit();
      }
      Table dim = catalog.createTable(TableIdentifier.of("bench", "dim"), wide);
      dim.newAppend().appendRecords(generated(wide, 0, DIM_ROWS)).commit();
    }
  }

  private static Iterable<Record> generated(Schema schema, long from, long to) {
    return () -> new Iterator<>() {
      long next = from;

      @Override
      public boolean hasNext() {
        return next < to;
      }

      @Override
      public Record next() {
        if (next >= to) {
          throw new NoSuchElementException();
        }
        long id = next++;
        return GenericRecord.of(schema.asStruct(), id, id % 1000, id * 0.25, TAGS[(int) (id % TAGS.length)]);
      }
    };
  }

  // ---- transfer of the whole table ----

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public long transferEmbedded(TransferEndpoints endpoints) throws SQLException {
    return FloeQueries.countRows(endpoints.embedded, TRANSFER_SQL);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public long transferFlightSqlArrow(TransferEndpoints endpoints) throws Exception {
    return flightRows(endpoints, TRANSFER_SQL);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public long transferFlightSqlJdbc(TransferEndpoints endpoints) throws SQLException {
    long checksum = 0;
    try (Statement statement = endpoints.jdbc.createStatement();
         ResultSet rs = statement.executeQuery(TRANSFER_SQL)) {
      while (rs.next()) {
        checksum += rs.getLong(1) + rs.getLong(2) + (long) rs.getDouble(3) + rs.getString(4).length();
      }
    }
    return checksum;
  }

  // ---- point lookups ----

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 2, time = 3)
  @Measurement(iterations = 3, time = 5)
  public long lookupEmbedded(LookupEndpoints endpoints) throws SQLException {
    return FloeQueries.countRows(endpoints.embedded, LOOKUP_SQL + endpoints.nextKey());
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 2, time = 3)
  @Measurement(iterations = 3, time = 5)
  public long lookupFlightSqlArrow(LookupEndpoints endpoints) throws Exception {
    return flightRows(endpoints, LOOKUP_SQL + endpoints.nextKey());
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 2, time = 3)
  @Measurement(iterations = 3, time = 5)
  public long lookupFlightSqlJdbcPrepared(LookupEndpoints endpoints) throws SQLException {
    endpoints.jdbcLookup.setLong(1, endpoints.nextKey());
    long rows = 0;
    try (ResultSet rs = endpoints.jdbcLookup.executeQuery()) {
      while (rs.next()) {
        rows += rs.getLong(1) >= 0 ? 1 : 0;
      }
    }
    return rows;
  }

  static long flightRows(Endpoints endpoints, String sql) throws Exception {
    FlightInfo info = endpoints.flightSql.execute(sql, endpoints.login);
    long rows = 0;
    try (FlightStream stream = endpoints.flightSql.getStream(info.getEndpoints().get(0).getTicket(),
        endpoints.login)) {
      while (stream.next()) {
        rows += stream.getRoot().getRowCount();
      }
    }
    return rows;
  }
}
