package io.floe.benchmarks;

import io.floe.data.Record;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.s3.S3FileIO;
import io.floe.s3.S3Server;
import io.floe.table.Table;
import io.floe.table.Tables;
import io.floe.types.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of a small Floe append (100 lineitem rows: one data file) committed to a table on an S3 API server in
 * this JVM (s3proxy over HTTP on 127.0.0.1): write the data file, a manifest and a manifest list, then create
 * {@code v<N+1>.metadata.json} with a conditional put ({@code If-None-Match: *}) and rewrite the version hint.
 * No Iceberg peer: Iceberg's file-system tables cannot commit safely on S3 (they need a catalog there).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader=error"})
public class S3CommitBenchmark {
  static final int ROWS = 100;

  /** An S3 server and a table on it, plus the rows every commit appends. */
  @State(Scope.Benchmark)
  public static class S3Table {
    Path dir;
    S3Server server;
    S3FileIO io;
    Table table;
    List<Record> rows;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      dir = TempDirs.create("s3-commit");
      server = S3Server.startOnDisk(dir);
      server.createBucket(S3ScanBenchmark.BUCKET);
      io = new S3FileIO(server.properties());
      Schema schema = Lineitems.floeSchema();
      table = new Tables(io).create(schema, PartitionSpec.unpartitioned(schema),
          "s3://" + S3ScanBenchmark.BUCKET + "/commits");
      rows = new ArrayList<>();
      Lineitems.generate(FullScanBenchmark.SEED, ROWS, r -> rows.add(FullScanBenchmark.FloeWritten.toFloe(schema.asStruct(), r)));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      io.close();
      server.close();
      TempDirs.delete(dir);
    }
  }

  @Benchmark
  public Snapshot floeAppendOnS3(S3Table t) {
    return t.table.newAppend().appendRecords(t.rows).commit();
  }
}
