package io.floe.benchmarks;

import io.floe.manifest.DataFile;
import io.floe.partition.PartitionSpec;
import io.floe.s3.FaultProxy;
import io.floe.s3.S3FileIO;
import io.floe.s3.S3Server;
import io.floe.table.AppendFiles;
import io.floe.table.Table;
import io.floe.table.TableWriter;
import io.floe.table.Tables;
import io.floe.types.Schema;
import io.floe.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.StaticTableOperations;
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
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reading a large Parquet file (TPC-H {@code lineitem}, {@code rows} rows, one unpartitioned file written by Floe)
 * from an S3 API server in this JVM (s3proxy on a local directory, over HTTP on 127.0.0.1):
 * <ul>
 *   <li>{@code floeScanRangedReads}: a full Floe scan through {@link S3FileIO} (ranged GETs: footer in one request,
 *       parallel read-ahead);</li>
 *   <li>{@code floeScanWholeObjectGet}: the same scan, each file first downloaded whole with one plain GET;</li>
 *   <li>{@code icebergScanS3FileIO}: Apache Iceberg 1.12 reading the same table through its own S3FileIO
 *       ({@code IcebergGenerics}: rows, so its decoding costs more than Floe's Arrow batches);</li>
 *   <li>{@code floeBytes} and {@code icebergBytes}: only the data file's bytes, read front to back in 8 MiB reads
 *       through each S3FileIO's stream, to compare the I/O paths without decoding;</li>
 *   <li>{@code floeBytesAt50MBps} and {@code icebergBytesAt50MBps}: the same through a proxy that limits each
 *       connection to 50 MB/s, as a real object store roughly does (on 127.0.0.1 one connection is not the limit,
 *       so parallel requests cannot help there).</li>
 * </ul>
 * MB/s = file size / seconds per operation (the size is printed at setup).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx3g",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false",
    "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader=error"})
public class S3ScanBenchmark {
  static final String BUCKET = "bench";

  /** The server, the table written by Floe to it, and each reader's view of that table. */
  @State(Scope.Benchmark)
  public static class S3Lineitem {
    @Param("4000000")
    public long rows;

    Path dir;
    S3Server server;
    S3FileIO io;
    S3Client plainClient;
    Table floe;
    Table floeWholeObject;
    org.apache.iceberg.aws.s3.S3FileIO icebergIo;
    org.apache.iceberg.Table iceberg;
    BufferAllocator allocator;
    String dataFile;
    long dataFileBytes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      dir = TempDirs.create("s3-scan");
      server = S3Server.startOnDisk(dir);
      server.createBucket(BUCKET);
      io = new S3FileIO(server.properties());
      String location = "s3://" + BUCKET + "/lineitem";
      Schema schema = Lineitems.floeSchema();
      floe = new Tables(io).create(schema, PartitionSpec.unpartitioned(schema), location);
      StructType struct = schema.asStruct();
      AppendFiles append = floe.newAppend();
      try (TableWriter writer = floe.newWriter()) {
        Lineitems.generate(FullScanBenchmark.SEED, rows, r -> writer.write(FullScanBenchmark.FloeWritten.toFloe(struct, r)));
        for (DataFile f : writer.complete()) {
          append.appendFile(f);
          dataFile = f.path();
          dataFileBytes += f.fileSizeInBytes();
        }
      }
      append.commit();
      plainClient = server.client();
      floeWholeObject = new Tables(new WholeObjectGetFileIO(plainClient, io)).load(location);
      icebergIo = new org.apache.iceberg.aws.s3.S3FileIO();
      icebergIo.initialize(server.properties());
      iceberg = new BaseTable(new StaticTableOperations(floe.refresh().metadata().metadataFileLocation(), icebergIo), "lineitem");
      allocator = new RootAllocator();
      System.out.printf("%nlineitem on S3: %d rows, data %.1f MB (%s)%n", rows, dataFileBytes / 1e6, dataFile);
      FullScanBenchmark.checkRows(FullScanBenchmark.readWithFloe(floe, allocator), rows, "floe ranged reads");
      FullScanBenchmark.checkRows(FullScanBenchmark.readWithFloe(floeWholeObject, allocator), rows, "floe whole-object GET");
      FullScanBenchmark.checkRows(FullScanBenchmark.readWithIceberg(iceberg), rows, "iceberg S3FileIO");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      allocator.close();
      icebergIo.close();
      plainClient.close();
      io.close();
      server.close();
      TempDirs.delete(dir);
    }
  }

  /** A link to the same server limiting each connection to 50 MB/s, and each side's S3FileIO over it. */
  @State(Scope.Benchmark)
  public static class ThrottledLink {
    static final long BYTES_PER_SECOND = 50_000_000L;
    FaultProxy proxy;
    S3FileIO io;
    org.apache.iceberg.aws.s3.S3FileIO icebergIo;

    @Setup(Level.Trial)
    public void setUp(S3Lineitem s) throws IOException {
      proxy = new FaultProxy(s.server.port());
      proxy.throttle(BYTES_PER_SECOND);
      io = new S3FileIO(s.server.properties(proxy.port()));
      icebergIo = new org.apache.iceberg.aws.s3.S3FileIO();
      icebergIo.initialize(s.server.properties(proxy.port()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      icebergIo.close();
      io.close();
      proxy.close();
    }
  }

  static long readBytes(InputStream in, long length) throws IOException {
    byte[] buffer = new byte[8 << 20];
    long total = 0;
    try (in) {
      int n;
      while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
        total += n;
      }
    }
    if (total != length) {
      throw new IllegalStateException("read " + total + " bytes of " + length);
    }
    return total;
  }

  @Benchmark
  public FullScanBenchmark.ScanResult floeScanRangedReads(S3Lineitem s) {
    return FullScanBenchmark.readWithFloe(s.floe, s.allocator);
  }

  @Benchmark
  public FullScanBenchmark.ScanResult floeScanWholeObjectGet(S3Lineitem s) {
    return FullScanBenchmark.readWithFloe(s.floeWholeObject, s.allocator);
  }

  @Benchmark
  public FullScanBenchmark.ScanResult icebergScanS3FileIO(S3Lineitem s) {
    return FullScanBenchmark.readWithIceberg(s.iceberg);
  }

  @Benchmark
  public long floeBytes(S3Lineitem s) throws IOException {
    return readBytes(s.io.newInputFile(s.dataFile, s.dataFileBytes).newStream(), s.dataFileBytes);
  }

  @Benchmark
  public long icebergBytes(S3Lineitem s) throws IOException {
    return readBytes(s.icebergIo.newInputFile(s.dataFile, s.dataFileBytes).newStream(), s.dataFileBytes);
  }

  @Benchmark
  public long floeBytesAt50MBps(S3Lineitem s, ThrottledLink link) throws IOException {
    return readBytes(link.io.newInputFile(s.dataFile, s.dataFileBytes).newStream(), s.dataFileBytes);
  }

  @Benchmark
  public long icebergBytesAt50MBps(S3Lineitem s, ThrottledLink link) throws IOException {
    return readBytes(link.icebergIo.newInputFile(s.dataFile, s.dataFileBytes).newStream(), s.dataFileBytes);
  }
}
