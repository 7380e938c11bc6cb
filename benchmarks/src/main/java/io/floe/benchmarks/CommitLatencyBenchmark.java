package io.floe.benchmarks;

import io.floe.data.GenericRecord;
import io.floe.io.LocalFileIO;
import io.floe.manifest.DataFile;
import io.floe.table.Table;
import io.floe.table.TableWriter;
import io.floe.table.Tables;
import io.floe.types.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.hadoop.HadoopTables;
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
 * Latency of committing a small append (one Parquet data file of 100 rows) to a local table that already has
 * {@code history} snapshots: Floe {@code table.newAppend().appendFile(f).commit()} against Apache Iceberg 1.12
 * file-system tables ({@link HadoopTables}), with {@code newFastAppend()} (never merges manifests) and
 * {@code newAppend()} (merges manifests once a spec has 100, like Floe's append past 100). Iceberg runs on
 * Hadoop's default local file system and on its raw one ({@link HadoopConfs}), to tell Hadoop's local-disk
 * overhead from Iceberg's own.
 *
 * <p>Each side writes one real 100-row data file with its own Parquet writer; every commit adds an entry with
 * that file's size and metrics under a fresh path (committing never opens data files). A new table with the
 * given history is made before each iteration, so the two sides commit onto tables of the same size however
 * fast each is. Per commit both write one manifest, one manifest list and one metadata JSON file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false",
    "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader=error"})
public class CommitLatencyBenchmark {
  static final int ROWS_PER_FILE = 100;
  /** Day of the generated file (all its rows fall in one {@code ts_day} partition). */
  static final int DAY = 10;

  /** A Floe table with history, rebuilt before each iteration. */
  @State(Scope.Benchmark)
  public static class FloeTable {
    /** Snapshots the table has before the measured commits. */
    @Param("50")
    public int history;

    Path dir;
    Table table;
    DataFile template;
    private int tables;
    private long files;

    @Setup(Level.Trial)
    public void createDir() {
      dir = TempDirs.create("commit-floe");
    }

    @Setup(Level.Iteration)
    public void createTable() {
      Schema schema = EventTables.floeSchema();
      String location = dir.resolve("t" + tables++).toString();
      table = new Tables(new LocalFileIO()).create(schema, EventTables.floeSpec(schema, 0), location);
      try (TableWriter writer = table.newWriter()) {
        for (int i = 0; i < ROWS_PER_FILE; i++) {
          writer.write(GenericRecord.of(schema.asStruct(), (long) i, EventTables.EPOCH_DAY_0.plusDays(DAY).plusMinutes(i),
              EventTables.REGIONS[i % EventTables.REGIONS.length], i * 1.5));
        }
        List<DataFile> written = writer.complete();
        if (written.size() != 1) {
          throw new IllegalStateException("expected one data file, got " + written.size());
        }
        template = written.get(0);
      }
      for (int i = 0; i < history; i++) {
        table.newAppend().appendFile(nextFile()).commit();
      }
    }

    /** An entry for the template file under a new path. */
    DataFile nextFile() {
      String path = template.path().substring(0, template.path().lastIndexOf('/') + 1) + "commit-" + files++ + ".parquet";
      return new DataFile(template.content(), path, template.format(), template.specId(), template.partition(),
          template.recordCount(), template.fileSizeInBytes(), template.metrics(), template.splitOffsets(),
          template.equalityFieldIds(), template.sortOrderId());
    }

    @TearDown(Level.Iteration)
    public void dropTable() {
      TempDirs.delete(Path.of(table.location()));
    }

    @TearDown(Level.Trial)
    public void deleteDir() {
      TempDirs.delete(dir);
    }
  }

  /** An Iceberg file-system table with history, rebuilt before each iteration. */
  @State(Scope.Benchmark)
  public static class IcebergTable {
    /** Snapshots the table has before the measured commits. */
    @Param("50")
    public int history;

    /** Hadoop local file system under the table (see {@link HadoopConfs}). */
    @Param({HadoopConfs.CHECKSUM, HadoopConfs.RAW})
    public String hadoopFs;

    Path dir;
    org.apache.iceberg.Table table;
    org.apache.iceberg.DataFile template;
    private int tables;
    private long files;

    @Setup(Level.Trial)
    public void createDir() {
      dir = TempDirs.create("commit-iceberg");
    }

    @Setup(Level.Iteration)
    public void createTable() {
      org.apache.iceberg.Schema schema = EventTables.icebergSchema();
      String location = dir.resolve("t" + tables++).toString();
      table = new HadoopTables(HadoopConfs.forName(hadoopFs)).create(schema, EventTables.icebergSpec(schema, 0),
          EventTables.ICEBERG_PROPERTIES, location);
      template = writeFile(table);
      for (int i = 0; i < history; i++) {
        table.newFastAppend().appendFile(nextFile()).commit();
      }
    }

    private static org.apache.iceberg.DataFile writeFile(org.apache.iceberg.Table table) {
      org.apache.iceberg.Schema schema = table.schema();
      PartitionKey key = new PartitionKey(table.spec(), schema);
      InternalRecordWrapper wrapper = new InternalRecordWrapper(schema.asStruct());
      org.apache.iceberg.data.GenericRecord first = org.apache.iceberg.data.GenericRecord.create(schema);
      first.set(1, EventTables.EPOCH_DAY_0.plusDays(DAY));
      key.partition(wrapper.wrap(first));
      String path = table.locationProvider().newDataLocation(table.spec(), key, UUID.randomUUID() + ".parquet");
      try {
        DataWriter<org.apache.iceberg.data.Record> writer = Parquet.writeData(table.io().newOutputFile(path))
            .setAll(table.properties())
            .schema(schema)
            .withSpec(table.spec())
            .withPartition(key)
            .createWriterFunc(mt -> GenericParquetWriter.create(schema, mt))
            .overwrite()
            .build();
        try (writer) {
          for (int i = 0; i < ROWS_PER_FILE; i++) {
            org.apache.iceberg.data.GenericRecord r = org.apache.iceberg.data.GenericRecord.create(schema);
            r.set(0, (long) i);
            r.set(1, EventTables.EPOCH_DAY_0.plusDays(DAY).plusMinutes(i));
            r.set(2, EventTables.REGIONS[i % EventTables.REGIONS.length]);
            r.set(3, i * 1.5);
            writer.write(r);
          }
        }
        return writer.toDataFile();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** An entry for the template file under a new path. */
    org.apache.iceberg.DataFile nextFile() {
      String path = template.location().substring(0, template.location().lastIndexOf('/') + 1) + "commit-" + files++ + ".parquet";
      return DataFiles.builder(table.spec()).copy(template).withPath(path).build();
    }

    @TearDown(Level.Iteration)
    public void dropTable() {
      TempDirs.delete(Path.of(table.location()));
    }

    @TearDown(Level.Trial)
    public void deleteDir() {
      TempDirs.delete(dir);
    }
  }

  /** Floe: one append of one data file (merges a spec's manifests once there are more than 100). */
  @Benchmark
  public long floeAppend(FloeTable t) {
    return t.table.newAppend().appendFile(t.nextFile()).commit().snapshotId();
  }

  /** Iceberg fast append: one new manifest, never merges. */
  @Benchmark
  public long icebergFastAppend(IcebergTable t) {
    t.table.newFastAppend().appendFile(t.nextFile()).commit();
    return t.table.currentSnapshot().snapshotId();
  }

  /** Iceberg merge append ({@code newAppend()}): merges a spec's manifests once there are 100. */
  @Benchmark
  public long icebergMergeAppend(IcebergTable t) {
    t.table.newAppend().appendFile(t.nextFile()).commit();
    return t.table.currentSnapshot().snapshotId();
  }
}
