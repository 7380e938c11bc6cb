package io.floe.benchmarks;

import io.floe.data.GenericRecord;
import io.floe.io.CloseableIterator;
import io.floe.io.LocalFileIO;
import io.floe.manifest.DataFile;
import io.floe.table.AppendFiles;
import io.floe.table.Table;
import io.floe.table.TableWriter;
import io.floe.table.Tables;
import io.floe.types.Schema;
import io.floe.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
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
 * Full-scan read throughput of a TPC-H {@code lineitem} table ({@code rows} generated rows, 16 columns, one
 * unpartitioned Parquet file, zstd, 128 MiB row groups, dictionary on: both writers' defaults) into memory, every column decoded: Floe's Arrow scan
 * ({@code table.newScan().batches(allocator)}) against Apache Iceberg 1.12's generic row reader
 * ({@code IcebergGenerics.read(table).build()}). Each side reads the table Iceberg wrote (with its own Parquet
 * writer) and the table Floe wrote with the same rows, so file-layout effects show separately from reader
 * speed. Each operation is one full scan; rows/s = rows / (seconds per operation).
 *
 * <p>Iceberg's vectorized Arrow reader ({@code iceberg-arrow}) is not here: it is not published for 1.12.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false",
    "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader=error"})
public class FullScanBenchmark {
  static final long SEED = 19920101L;

  /** The lineitem table as written by Iceberg's Parquet writer, opened by both Iceberg and Floe. */
  @State(Scope.Benchmark)
  public static class IcebergWritten {
    @Param("1000000")
    public long rows;

    Path dir;
    org.apache.iceberg.Table iceberg;
    Table floe;
    BufferAllocator allocator;

    @Setup(Level.Trial)
    public void write() {
      dir = TempDirs.create("scan-iceberg");
      String location = dir.resolve("lineitem").toString();
      org.apache.iceberg.Schema schema = Lineitems.icebergSchema();
      iceberg = new HadoopTables(new Configuration()).create(schema, org.apache.iceberg.PartitionSpec.unpartitioned(),
          EventTables.ICEBERG_PROPERTIES, location);
      String path = iceberg.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet");
      try {
        // the table's write properties (new tables get zstd; the builder alone would use gzip), zstd like Floe
        DataWriter<Record> writer = Parquet.writeData(iceberg.io().newOutputFile(path))
            .setAll(iceberg.properties())
            .set(TableProperties.PARQUET_COMPRESSION, "zstd")
            .schema(schema)
            .withSpec(iceberg.spec())
            .createWriterFunc(mt -> GenericParquetWriter.create(schema, mt))
            .overwrite()
            .build();
        try (writer) {
          org.apache.iceberg.data.GenericRecord template = org.apache.iceberg.data.GenericRecord.create(schema);
          Lineitems.generate(SEED, rows, r -> writer.write(toIceberg(template, r)));
        }
        iceberg.newFastAppend().appendFile(writer.toDataFile()).commit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      floe = new Tables(new LocalFileIO()).load(location);
      allocator = new RootAllocator();
      checkRows(readWithFloe(floe, allocator), rows, "floe reading the Iceberg-written table");
      checkRows(readWithIceberg(iceberg), rows, "iceberg reading its own table");
    }

    private static Record toIceberg(org.apache.iceberg.data.GenericRecord template, Lineitems.Row r) {
      org.apache.iceberg.data.GenericRecord rec = template.copy();
      rec.set(0, r.orderkey);
      rec.set(1, r.partkey);
      rec.set(2, r.suppkey);
      rec.set(3, r.linenumber);
      rec.set(4, r.decimal(r.quantity));
      rec.set(5, r.decimal(r.extendedprice));
      rec.set(6, r.decimal(r.discount));
      rec.set(7, r.decimal(r.tax));
      rec.set(8, r.returnflag);
      rec.set(9, r.linestatus);
      rec.set(10, LocalDate.ofEpochDay(r.shipdate));
      rec.set(11, LocalDate.ofEpochDay(r.commitdate));
      rec.set(12, LocalDate.ofEpochDay(r.receiptdate));
      rec.set(13, r.shipinstruct);
      rec.set(14, r.shipmode);
      rec.set(15, r.comment);
      return rec;
    }

    @TearDown(Level.Trial)
    public void delete() {
      allocator.close();
      TempDirs.delete(dir);
    }
  }

  /** The lineitem table as written by Floe's Parquet writer, opened by both Floe and Iceberg. */
  @State(Scope.Benchmark)
  public static class FloeWritten {
    @Param("1000000")
    public long rows;

    Path dir;
    Table floe;
    org.apache.iceberg.Table iceberg;
    BufferAllocator allocator;

    @Setup(Level.Trial)
    public void write() {
      dir = TempDirs.create("scan-floe");
      String location = dir.resolve("lineitem").toString();
      Schema schema = Lineitems.floeSchema();
      floe = new Tables(new LocalFileIO()).create(schema, io.floe.partition.PartitionSpec.unpartitioned(schema), location);
      StructType struct = schema.asStruct();
      AppendFiles append = floe.newAppend();
      try (TableWriter writer = floe.newWriter()) {
        Lineitems.generate(SEED, rows, r -> writer.write(toFloe(struct, r)));
        for (DataFile f : writer.complete()) {
          append.appendFile(f);
        }
      }
      append.commit();
      iceberg = new HadoopTables(new Configuration()).load(location);
      allocator = new RootAllocator();
      checkRows(readWithFloe(floe, allocator), rows, "floe reading its own table");
      checkRows(readWithIceberg(iceberg), rows, "iceberg reading the Floe-written table");
    }

    /** Internal values: dates as days, decimals as BigDecimal of scale 2. */
    private static GenericRecord toFloe(StructType struct, Lineitems.Row r) {
      return GenericRecord.of(struct, r.orderkey, r.partkey, r.suppkey, r.linenumber, r.decimal(r.quantity),
          r.decimal(r.extendedprice), r.decimal(r.discount), r.decimal(r.tax), r.returnflag, r.linestatus,
          r.shipdate, r.commitdate, r.receiptdate, r.shipinstruct, r.shipmode, r.comment);
    }

    @TearDown(Level.Trial)
    public void delete() {
      allocator.close();
      TempDirs.delete(dir);
    }
  }

  /** Row count and sum of {@code l_orderkey} of one full scan (the sum keeps every batch's values read). */
  record ScanResult(long rows, long orderkeySum) {
  }

  static void checkRows(ScanResult result, long expected, String what) {
    if (result.rows() != expected) {
      throw new IllegalStateException(what + " returned " + result.rows() + " rows, expected " + expected);
    }
  }

  static ScanResult readWithFloe(Table table, BufferAllocator allocator) {
    long rows = 0;
    long sum = 0;
    try (CloseableIterator<VectorSchemaRoot> batches = table.newScan().batches(allocator)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          int n = batch.getRowCount();
          BigIntVector orderkey = (BigIntVector) batch.getVector(0);
          for (int i = 0; i < n; i++) {
            sum += orderkey.get(i);
          }
          rows += n;
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("floe scan failed", e);
    }
    return new ScanResult(rows, sum);
  }

  static ScanResult readWithIceberg(org.apache.iceberg.Table table) {
    long rows = 0;
    long sum = 0;
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record r : records) {
        sum += (Long) r.get(0);
        rows++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ScanResult(rows, sum);
  }

  /** Floe's Arrow scan of the table Iceberg wrote. */
  @Benchmark
  public ScanResult floeReadsIcebergFiles(IcebergWritten t) {
    return readWithFloe(t.floe, t.allocator);
  }

  /** Iceberg's generic reader on the table it wrote. */
  @Benchmark
  public ScanResult icebergReadsIcebergFiles(IcebergWritten t) {
    return readWithIceberg(t.iceberg);
  }

  /** Floe's Arrow scan of the table it wrote. */
  @Benchmark
  public ScanResult floeReadsFloeFiles(FloeWritten t) {
    return readWithFloe(t.floe, t.allocator);
  }

  /** Iceberg's generic reader on the table Floe wrote. */
  @Benchmark
  public ScanResult icebergReadsFloeFiles(FloeWritten t) {
    return readWithIceberg(t.iceberg);
  }
}
