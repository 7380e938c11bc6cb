package io.floe.benchmarks;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
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
 * Queries over nested columns of a table Iceberg's library writes as Spark would ({@code rows} rows in 4 Parquet
 * files: a struct {@code p(x int, label string)}, a list of strings {@code tags}, a map {@code scores}), on Floe
 * (SQL over the table) and on DuckDB ({@code read_parquet} of the same files), in one run; both give the same
 * answer (checked at setup). Queries: a struct field's sum and count; the elements of the lists, UNNESTed and
 * counted per value; a filter on a list's length and first element and a map lookup.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false",
    "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader=error"})
public class NestedColumnsBenchmark {
  static final Schema SCHEMA = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()),
      Types.NestedField.optional(2, "p", Types.StructType.of(
          Types.NestedField.optional(4, "x", Types.IntegerType.get()),
          Types.NestedField.optional(5, "label", Types.StringType.get()))),
      Types.NestedField.optional(3, "tags", Types.ListType.ofOptional(6, Types.StringType.get())),
      Types.NestedField.optional(7, "scores", Types.MapType.ofOptional(8, 9, Types.StringType.get(),
          Types.IntegerType.get())));

  /** Each query in Floe's spelling and DuckDB's, with {@code %s} for DuckDB's table. */
  static final Map<String, String[]> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("field", new String[] {"SELECT sum(p.x), count(p.label) FROM events",
        "SELECT sum(p.x), count(p.label) FROM %s"});
    QUERIES.put("unnest", new String[] {"SELECT tag, count(*) FROM events CROSS JOIN UNNEST(tags) AS u(tag) "
        + "GROUP BY tag ORDER BY tag", "SELECT tag, count(*) FROM (SELECT unnest(tags) AS tag FROM %s) "
        + "GROUP BY tag ORDER BY tag"});
    QUERIES.put("subscript", new String[] {"SELECT count(*), sum(scores['a']) FROM events "
        + "WHERE cardinality(tags) > 2 AND tags[1] = 't1'", "SELECT count(*), sum(scores['a']) FROM %s "
        + "WHERE len(tags) > 2 AND tags[1] = 't1'"});
  }

  /** The table, a Floe session over its warehouse and a DuckDB connection. */
  @State(Scope.Benchmark)
  public static class Tables {
    @Param("1000000")
    public long rows;

    @Param({"field", "unnest", "subscript"})
    public String query;

    @Param("2")
    public int workers;

    Path dir;
    FloeSession floe;
    Connection duckdb;
    String parquetFiles;

    @Setup(Level.Trial)
    public void write() throws Exception {
      dir = TempDirs.create("nested");
      HadoopCatalog catalog = new HadoopCatalog(new Configuration(), dir.toString());
      try {
        floe = FloeSession.open(dir, "n").workers(workers);
        floe.execute("CREATE SCHEMA n").close();
        Table table = catalog.createTable(TableIdentifier.of(Namespace.of("n"), "events"), SCHEMA);
        Random random = new Random(7);
        long perFile = (rows + 3) / 4;
        for (long start = 0; start < rows; start += perFile) {
          append(table, random, start, Math.min(rows, start + perFile));
        }
        parquetFiles = catalogFiles(table);
      } finally {
        catalog.close();
      }
      Properties props = new Properties();
      props.setProperty("extension_directory", dir.resolve("duckdb-extensions").toString());
      duckdb = DriverManager.getConnection("jdbc:duckdb:", props);
      try (Statement st = duckdb.createStatement()) {
        st.execute("SET threads = " + workers);
      }
      String floeAnswer = runFloe(this);
      String duckdbAnswer = runDuckdb(this);
      if (!floeAnswer.equals(duckdbAnswer)) {
        throw new IllegalStateException(query + ": Floe gives " + floeAnswer + ", DuckDB " + duckdbAnswer);
      }
    }

    private static String catalogFiles(Table table) {
      List<String> files = new ArrayList<>();
      table.refresh();
      try (var tasks = table.newScan().planFiles()) {
        tasks.forEach(t -> files.add("'" + t.file().path() + "'"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return files.stream().collect(Collectors.joining(", ", "read_parquet([", "])"));
    }

    private static void append(Table table, Random random, long from, long to) throws IOException {
      DataWriter<Record> writer = Parquet.writeData(table.io().newOutputFile(table.location() + "/data/" + from
              + ".parquet")).schema(table.schema()).withSpec(PartitionSpec.unpartitioned())
          .createWriterFunc(type -> GenericParquetWriter.create(table.schema(), type)).overwrite().build();
      Types.StructType point = table.schema().findType("p").asStructType();
      try (writer) {
        for (long id = from; id < to; id++) {
          GenericRecord row = GenericRecord.create(table.schema());
          row.setField("id", id);
          if (random.nextInt(10) > 0) {
            GenericRecord p = GenericRecord.create(point);
            p.setField("x", random.nextInt(10) == 0 ? null : random.nextInt(1000));
            p.setField("label", "L" + random.nextInt(50));
            row.setField("p", p);
          }
          List<String> tags = new ArrayList<>();
          for (int n = random.nextInt(5); n > 0; n--) {
            tags.add("t" + random.nextInt(20));
          }
          row.setField("tags", tags);
          Map<String, Integer> scores = new LinkedHashMap<>();
          if (random.nextBoolean()) {
            scores.put("a", random.nextInt(100));
          }
          scores.put("b", random.nextInt(100));
          row.setField("scores", scores);
          writer.write(row);
        }
      }
      table.newAppend().appendFile(writer.toDataFile()).commit();
    }

    @TearDown(Level.Trial)
    public void delete() throws SQLException {
      floe.close();
      duckdb.close();
      TempDirs.delete(dir);
    }
  }

  /** The query's rows on Floe, as text. */
  static String runFloe(Tables t) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (QueryResult result = t.floe.execute(QUERIES.get(t.query)[0])) {
      for (VectorSchemaRoot next = result.nextBatch(); next != null; next = result.nextBatch()) {
        try (VectorSchemaRoot batch = next) {
          for (int r = 0; r < batch.getRowCount(); r++) {
            for (var vector : batch.getFieldVectors()) {
              out.append(vector.getObject(r)).append('|');
            }
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  /** The query's rows on DuckDB, as text. */
  static String runDuckdb(Tables t) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Statement st = t.duckdb.createStatement();
         ResultSet rs = st.executeQuery(String.format(QUERIES.get(t.query)[1], t.parquetFiles))) {
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= width; c++) {
          out.append(rs.getString(c)).append('|');
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  @Benchmark
  public String floe(Tables t) throws SQLException {
    return runFloe(t);
  }

  @Benchmark
  public String duckdb(Tables t) throws SQLException {
    return runDuckdb(t);
  }
}
