package io.floe.benchmarks;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import io.floe.table.Tables;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
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
 * A partitioned join where one key holds half the rows of the large side ({@code rows} fact rows, keys 0..999,
 * key 7 on every other row on average; 1,000 dimension rows), run by Floe's SQL engine on {@code workers} tasks
 * with skew salting on and off. Broadcast is turned off so the join is hash-partitioned; the query counts and sums
 * the joined rows, so the time is the join's (plus the scan), not the result's transfer. Floe only: the peer
 * engines of the other benchmarks have no SQL engine here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class SkewedJoinBenchmark {
  static final String QUERY = "SELECT count(*), sum(f.v) FROM facts f JOIN dims d ON f.k = d.k";

  /** The two tables and a session per salting setting. */
  @State(Scope.Benchmark)
  public static class SkewedTables {
    @Param("1000000")
    public int rows;

    @Param("4")
    public int workers;

    Path dir;
    FloeSession salted;
    FloeSession unsalted;

    @Setup(Level.Trial)
    public void create() {
      dir = TempDirs.create("skewed-join");
      try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, dir.toString()))) {
        catalog.createNamespace(Namespace.of("bench"));
      }
      Tables tables = new Tables(new LocalFileIO());
      Schema facts = new Schema(NestedField.required(1, "k", Types.LONG), NestedField.required(2, "v", Types.LONG));
      Table factTable = tables.create(facts, PartitionSpec.unpartitioned(facts), dir.resolve("bench/facts").toString());
      SplittableRandom random = new SplittableRandom(7);
      List<Record> batch = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        long key = random.nextInt(2) == 0 ? 7 : random.nextInt(1000);
        batch.add(GenericRecord.of(facts.asStruct(), key, (long) i));
        if (batch.size() == 250_000 || i == rows - 1) {
          factTable.newAppend().appendRecords(batch).commit();
          batch = new ArrayList<>();
        }
      }
      Schema dims = new Schema(NestedField.required(1, "k", Types.LONG), NestedField.required(2, "name", Types.STRING));
      Table dimTable = tables.create(dims, PartitionSpec.unpartitioned(dims), dir.resolve("bench/dims").toString());
      List<Record> dimRows = new ArrayList<>();
      for (long k = 0; k < 1000; k++) {
        dimRows.add(GenericRecord.of(dims.asStruct(), k, "dim-" + k));
      }
      dimTable.newAppend().appendRecords(dimRows).commit();
      salted = FloeSession.open(dir, "bench").workers(workers).broadcastJoinRowLimit(0).skewSalting(true);
      unsalted = FloeSession.open(dir, "bench").workers(workers).broadcastJoinRowLimit(0).skewSalting(false);
    }

    @TearDown(Level.Trial)
    public void delete() {
      salted.close();
      unsalted.close();
      TempDirs.delete(dir);
    }
  }

  @Benchmark
  public long salted(SkewedTables state) throws SQLException {
    return joinedRows(state.salted);
  }

  @Benchmark
  public long unsalted(SkewedTables state) throws SQLException {
    return joinedRows(state.unsalted);
  }

  /** Runs {@link #QUERY} and returns its count of joined rows. */
  static long joinedRows(FloeSession session) throws SQLException {
    try (QueryResult result = session.execute(QUERY)) {
      long count = -1;
      for (VectorSchemaRoot next = result.nextBatch(); next != null; next = result.nextBatch()) {
        try (VectorSchemaRoot batch = next) {
          count = ((BigIntVector) batch.getVector(0)).get(0);
        }
      }
      return count;
    }
  }
}
