package io.floe.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Commits through each catalog, Floe's and Apache Iceberg 1.12's side by side on the same backends: the latency of
 * one commit (one thread) and the throughput of 4 threads committing to one table (lost races retried with the same
 * backoff settings on both sides). A commit appends one data file: manifest, manifest list, metadata file, pointer
 * swap. Each iteration starts on a new, empty table. PostgreSQL is a real server started in the trial's setup.
 * Iceberg runs on Hadoop's raw local file system ({@link HadoopConfs#RAW}).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
public class CatalogBenchmark {
  @Param({"floe-warehouse", "iceberg-hadoop", "floe-sqlite", "iceberg-jdbc-sqlite", "floe-postgres", "iceberg-jdbc-postgres"})
  public String catalog;

  private Path dir;
  private EmbeddedPostgres postgres;
  private BenchCatalog bench;
  private int tables;
  private String table;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = TempDirs.create("catalog");
    String postgresUrl = null;
    if (catalog.endsWith("postgres")) {
      postgres = EmbeddedPostgres.builder().start();
      postgresUrl = postgres.getJdbcUrl("postgres", "postgres");
    }
    bench = BenchCatalog.open(catalog, dir, postgresUrl);
  }

  @Setup(Level.Iteration)
  public void newTable() {
    table = "t" + (++tables);
    bench.createTable(table);
  }

  /** Snapshots of the iteration's table (for the smoke test). */
  int snapshotCount() {
    return bench.snapshotCount(table);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    bench.close();
    if (postgres != null) {
      postgres.close();
    }
    TempDirs.delete(dir);
  }

  /** One writer's handle on the iteration's table. */
  @State(Scope.Thread)
  public static class Writer {
    Runnable commit;

    @Setup(Level.Iteration)
    public void load(CatalogBenchmark shared) {
      commit = shared.bench.committer(shared.table);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void commitLatency(Writer writer) {
    writer.commit.run();
  }

  @Benchmark
  @Threads(4)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void concurrentCommits(Writer writer) {
    writer.commit.run();
  }
}
