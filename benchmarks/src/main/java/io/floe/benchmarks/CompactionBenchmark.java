package io.floe.benchmarks;

import io.floe.io.CloseableIterator;
import io.floe.io.LocalFileIO;
import io.floe.table.RewriteDataFiles;
import io.floe.table.Table;
import io.floe.table.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
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
 * Compaction of a table of {@code files} small data files ({@code rowsPerFile} rows each, 10 day partitions) into
 * one file per partition, and the full-scan speed-up it brings.
 *
 * <p>Floe: {@code table.rewriteDataFiles().execute()}. Iceberg 1.12's core has no rewrite action without Spark,
 * so its side is what such an action does, with Iceberg's own pieces: plan with {@code newScan().planFiles()},
 * group small files by partition, read each with Iceberg's generic Parquet reader, write with its generic Parquet
 * writer (rolling at the target size), and commit one {@code newRewrite()}. Both sides compact the very same
 * table (written by Floe; Iceberg opens it with {@code HadoopTables}), which is put back before each invocation.
 * One operation is one whole compaction: rows/s = rows / (seconds per operation).
 *
 * <p>The scans read the table before and after one Floe compaction (two snapshots of one table, by time travel),
 * each side with its row-oriented or Arrow reader as in {@link FullScanBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false",
    "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader=error"})
public class CompactionBenchmark {
  static final int DAYS = 10;

  /** The shape of the fragmented table. */
  @State(Scope.Benchmark)
  public static class Shape {
    @Param("10000")
    public int files;

    @Param("50")
    public int rowsPerFile;

    long rows() {
      return (long) files * rowsPerFile;
    }
  }

  /** The fragmented table, put back to its fragmented state before each compaction. */
  @State(Scope.Benchmark)
  public static class Fragmented {
    Path dir;
    String location;
    PristineDir pristine;
    Table floe;
    org.apache.iceberg.Table iceberg;
    long rows;

    @Setup(Level.Trial)
    public void create(Shape shape) {
      dir = TempDirs.create("compaction");
      location = dir.resolve("events").toString();
      SmallFileTables.create(location, shape.files, shape.rowsPerFile, DAYS, 1, Map.of());
      pristine = PristineDir.save(dir.resolve("events"));
      rows = shape.rows();
    }

    @Setup(Level.Invocation)
    public void reset() {
      pristine.restore();
      floe = new Tables(new LocalFileIO()).load(location);
      iceberg = new HadoopTables(HadoopConfs.forName(HadoopConfs.RAW)).load(location);
    }

    @TearDown(Level.Trial)
    public void delete() {
      pristine.discard();
      TempDirs.delete(dir);
    }
  }

  /** The fragmented table after one Floe compaction: scans read the snapshot before it and the one after. */
  @State(Scope.Benchmark)
  public static class Compacted {
    Path dir;
    Table floe;
    org.apache.iceberg.Table iceberg;
    long fragmentedSnapshot;
    long compactedSnapshot;
    long rows;
    BufferAllocator allocator;

    @Setup(Level.Trial)
    public void create(Shape shape) {
      dir = TempDirs.create("compacted");
      String location = dir.resolve("events").toString();
      floe = SmallFileTables.create(location, shape.files, shape.rowsPerFile, DAYS, 1, Map.of());
      fragmentedSnapshot = floe.currentSnapshot().snapshotId();
      RewriteDataFiles.Result r = floe.rewriteDataFiles().execute();
      compactedSnapshot = r.snapshot().snapshotId();
      System.out.printf("%ncompacted %d files into %d, %d rows%n", r.rewrittenFiles(), r.addedFiles(), r.rows());
      iceberg = new HadoopTables(HadoopConfs.forName(HadoopConfs.RAW)).load(location);
      allocator = new RootAllocator();
      rows = shape.rows();
    }

    @TearDown(Level.Trial)
    public void delete() {
      allocator.close();
      TempDirs.delete(dir);
    }
  }

  /** What a compaction did: files in, files out, rows. */
  record Compaction(int filesRewritten, int filesAdded, long rows) {
  }

  static Compaction check(Compaction c, long expectedRows) {
    if (c.rows() != expectedRows) {
      throw new IllegalStateException("compaction rewrote " + c.rows() + " rows, expected " + expectedRows);
    }
    return c;
  }

  @Benchmark
  public Compaction floeCompact(Fragmented t) {
    RewriteDataFiles.Result r = t.floe.rewriteDataFiles().execute();
    return check(new Compaction(r.rewrittenFiles(), r.addedFiles(), r.rows()), t.rows);
  }

  @Benchmark
  public Compaction icebergCompact(Fragmented t) {
    return check(icebergRewrite(t.iceberg), t.rows);
  }

  /**
   * Bin-packing compaction with Iceberg's generic reader and writer and a {@code newRewrite()} commit, with the
   * same choices as Floe's: per partition, files under 75% of the target size, groups of 2 or more files.
   */
  static Compaction icebergRewrite(org.apache.iceberg.Table table) {
    long target = Long.parseLong(table.properties().getOrDefault(TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
        Long.toString(TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT)));
    long startId = table.currentSnapshot().snapshotId();
    Map<String, List<DataFile>> groups = new LinkedHashMap<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        DataFile f = task.file();
        if (f.fileSizeInBytes() < target * 3 / 4) {
          groups.computeIfAbsent(f.specId() + "/" + table.specs().get(f.specId()).partitionToPath(f.partition()),
              k -> new ArrayList<>()).add(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Schema schema = table.schema();
    RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(startId);
    int removed = 0;
    int added = 0;
    long rows = 0;
    for (List<DataFile> group : groups.values()) {
      if (group.size() < 2) {
        continue;
      }
      PartitionSpec spec = table.specs().get(group.get(0).specId());
      List<DataFile> written = new ArrayList<>();
      DataWriter<Record> writer = null;
      try {
        for (DataFile f : group) {
          try (CloseableIterable<Record> records = Parquet.read(table.io().newInputFile(f.location())).project(schema)
              .createReaderFunc(mt -> GenericParquetReaders.buildReader(schema, mt)).build()) {
            for (Record r : records) {
              if (writer == null) {
                writer = newWriter(table, spec, f);
              }
              writer.write(r);
              rows++;
              if (rows % 1024 == 0 && writer.length() >= target) {
                writer.close();
                written.add(writer.toDataFile());
                writer = null;
              }
            }
          }
          rewrite.deleteFile(f);
          removed++;
        }
        if (writer != null) {
          writer.close();
          written.add(writer.toDataFile());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (DataFile f : written) {
        rewrite.addFile(f);
        added++;
      }
    }
    rewrite.commit();
    return new Compaction(removed, added, rows);
  }

  private static DataWriter<Record> newWriter(org.apache.iceberg.Table table, PartitionSpec spec, DataFile like)
      throws IOException {
    String path = table.locationProvider().newDataLocation(spec, like.partition(), UUID.randomUUID() + ".parquet");
    return Parquet.writeData(table.io().newOutputFile(path))
        .forTable(table)
        .withSpec(spec)
        .withPartition(like.partition())
        .createWriterFunc((s, mt) -> GenericParquetWriter.create(s, mt))
        .overwrite()
        .build();
  }

  static long floeScan(Table table, long snapshotId, BufferAllocator allocator) {
    long sum = 0;
    try (CloseableIterator<VectorSchemaRoot> batches = table.newScan().useSnapshot(snapshotId).batches(allocator)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          BigIntVector ids = (BigIntVector) batch.getVector(0);
          for (int i = 0; i < batch.getRowCount(); i++) {
            sum += ids.get(i);
          }
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("floe scan failed", e);
    }
    return sum;
  }

  static long icebergScan(org.apache.iceberg.Table table, long snapshotId) {
    long sum = 0;
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).useSnapshot(snapshotId).build()) {
      for (Record r : records) {
        sum += (Long) r.get(0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sum;
  }

  @Benchmark
  public long floeScanFragmented(Compacted t) {
    return floeScan(t.floe, t.fragmentedSnapshot, t.allocator);
  }

  @Benchmark
  public long floeScanCompacted(Compacted t) {
    return floeScan(t.floe, t.compactedSnapshot, t.allocator);
  }

  @Benchmark
  public long icebergScanFragmented(Compacted t) {
    return icebergScan(t.iceberg, t.fragmentedSnapshot);
  }

  @Benchmark
  public long icebergScanCompacted(Compacted t) {
    return icebergScan(t.iceberg, t.compactedSnapshot);
  }
}
