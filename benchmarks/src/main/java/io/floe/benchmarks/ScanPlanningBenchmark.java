package io.floe.benchmarks;

import io.floe.data.GenericRecord;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.manifest.DataFile;
import io.floe.manifest.ManifestListReader;
import io.floe.table.Table;
import io.floe.table.Tables;
import io.floe.types.Schema;
import io.floe.types.SingleValueSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionData;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
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
 * Scan planning over a table of {@code days * buckets} data files (10,000 by default: 1,000 days x 10 buckets,
 * partitioned by {@code day(ts), bucket(id, 10)}), committed as {@code appends} appends in time order (so each
 * manifest covers a range of days), with a selective filter (one day: 10 files) and with none (every file).
 * Floe {@code table.newScan().filter(..).planFiles()} against Apache Iceberg 1.12's on a {@link HadoopTables}
 * table holding the same entries. The data files are synthetic entries with full column metrics (planning never
 * opens data files).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false",
    "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader=error"})
public class ScanPlanningBenchmark {
  static final int BUCKETS = 10;

  /** The shape of the synthetic table, the same for both sides. */
  @State(Scope.Benchmark)
  public static class Shape {
    @Param("1000")
    public int days;
    @Param("10")
    public int appends;

    /** The day the selective scan asks for (in the middle). */
    int selectedDay() {
      return days / 2;
    }

    int files() {
      return days * BUCKETS;
    }

    long rows(int day, int bucket) {
      return 500 + (day * 31L + bucket * 7L) % 1000;
    }

    long minId(int day, int bucket) {
      return day * 100_000L + bucket * 10_000L;
    }

    String path(String location, int day, int bucket) {
      return location + "/data/ts_day=" + EventTables.EPOCH_DAY_0.toLocalDate().plusDays(day) + "/id_bucket=" + bucket
          + "/" + String.format("%05d-%02d", day, bucket) + ".parquet";
    }
  }

  /** A Floe table of the synthetic files. */
  @State(Scope.Benchmark)
  public static class FloeTable {
    Path dir;
    Table table;
    io.floe.expressions.Expression oneDay;

    @Setup(Level.Trial)
    public void create(Shape shape) {
      dir = TempDirs.create("plan-floe");
      Schema schema = EventTables.floeSchema();
      io.floe.partition.PartitionSpec spec = EventTables.floeSpec(schema, BUCKETS);
      table = new Tables(new LocalFileIO()).create(schema, spec, dir.resolve("events").toString());
      int daysPerAppend = Math.max(1, (shape.days + shape.appends - 1) / shape.appends);
      for (int first = 0; first < shape.days; first += daysPerAppend) {
        io.floe.table.AppendFiles append = table.newAppend();
        for (int day = first; day < Math.min(shape.days, first + daysPerAppend); day++) {
          for (int b = 0; b < BUCKETS; b++) {
            append.appendFile(file(shape, schema, spec, day, b));
          }
        }
        append.commit();
      }
      LocalDateTime day = EventTables.EPOCH_DAY_0.plusDays(shape.selectedDay());
      oneDay = Expressions.and(Expressions.greaterThanOrEqual("ts", day), Expressions.lessThan("ts", day.plusDays(1)));
      int manifests = ManifestListReader.read(table.io(), table.currentSnapshot().manifestList()).size();
      System.out.println(System.lineSeparator() + "floe: " + shape.files() + " files in " + manifests + " manifests");
      check(planOneDay(this), BUCKETS, "floe one-day plan");
      check(planAll(this), shape.files(), "floe full plan");
    }

    private DataFile file(Shape shape, Schema schema, io.floe.partition.PartitionSpec spec, int day, int bucket) {
      long rows = shape.rows(day, bucket);
      long minId = shape.minId(day, bucket);
      long dayStart = EventTables.dayStartMicros(day);
      Map<Integer, Long> sizes = Map.of(1, rows * 4, 2, rows * 3, 3, rows / 2, 4, rows * 8);
      Map<Integer, Long> counts = Map.of(1, rows, 2, rows, 3, rows, 4, rows);
      Map<Integer, Long> nulls = Map.of(1, 0L, 2, 0L, 3, rows / 10, 4, 0L);
      Map<Integer, Long> nans = Map.of(4, 0L);
      Map<Integer, ByteBuffer> lower = new HashMap<>();
      Map<Integer, ByteBuffer> upper = new HashMap<>();
      lower.put(1, SingleValueSerialization.toBytes(io.floe.types.Types.LONG, minId));
      upper.put(1, SingleValueSerialization.toBytes(io.floe.types.Types.LONG, minId + rows - 1));
      lower.put(2, SingleValueSerialization.toBytes(io.floe.types.Types.TIMESTAMP, dayStart));
      upper.put(2, SingleValueSerialization.toBytes(io.floe.types.Types.TIMESTAMP, dayStart + EventTables.MICROS_PER_DAY - 1));
      lower.put(3, SingleValueSerialization.toBytes(io.floe.types.Types.STRING, EventTables.REGIONS[0]));
      upper.put(3, SingleValueSerialization.toBytes(io.floe.types.Types.STRING, EventTables.REGIONS[EventTables.REGIONS.length - 1]));
      lower.put(4, SingleValueSerialization.toBytes(io.floe.types.Types.DOUBLE, 0.0));
      upper.put(4, SingleValueSerialization.toBytes(io.floe.types.Types.DOUBLE, 1000.0));
      io.floe.data.Metrics metrics = new io.floe.data.Metrics(rows, sizes, counts, nulls, nans, lower, upper);
      GenericRecord partition = GenericRecord.of(spec.partitionType(), EventTables.epochDay(day), bucket);
      return DataFile.parquet(shape.path(table.location(), day, bucket), spec.specId(), partition, rows * 16, metrics, null);
    }

    @TearDown(Level.Trial)
    public void delete() {
      TempDirs.delete(dir);
    }
  }

  /** An Iceberg file-system table of the same synthetic files. */
  @State(Scope.Benchmark)
  public static class IcebergTable {
    /** Hadoop local file system under the table (see {@link HadoopConfs}). */
    @Param({HadoopConfs.CHECKSUM, HadoopConfs.RAW})
    public String hadoopFs;

    Path dir;
    org.apache.iceberg.Table table;
    Expression oneDay;

    @Setup(Level.Trial)
    public void create(Shape shape) {
      dir = TempDirs.create("plan-iceberg");
      org.apache.iceberg.Schema schema = EventTables.icebergSchema();
      PartitionSpec spec = EventTables.icebergSpec(schema, BUCKETS);
      table = new HadoopTables(HadoopConfs.forName(hadoopFs)).create(schema, spec, EventTables.ICEBERG_PROPERTIES,
          dir.resolve("events").toString());
      int daysPerAppend = Math.max(1, (shape.days + shape.appends - 1) / shape.appends);
      for (int first = 0; first < shape.days; first += daysPerAppend) {
        AppendFiles append = table.newFastAppend();
        for (int day = first; day < Math.min(shape.days, first + daysPerAppend); day++) {
          for (int b = 0; b < BUCKETS; b++) {
            append.appendFile(file(shape, schema, spec, table.location(), day, b));
          }
        }
        append.commit();
      }
      long dayStart = EventTables.dayStartMicros(shape.selectedDay());
      oneDay = org.apache.iceberg.expressions.Expressions.and(
          org.apache.iceberg.expressions.Expressions.greaterThanOrEqual("ts", dayStart),
          org.apache.iceberg.expressions.Expressions.lessThan("ts", dayStart + EventTables.MICROS_PER_DAY));
      int manifests = table.currentSnapshot().allManifests(table.io()).size();
      System.out.println(System.lineSeparator() + "iceberg: " + shape.files() + " files in " + manifests + " manifests");
      check(planOneDay(this), BUCKETS, "iceberg one-day plan");
      check(planAll(this), shape.files(), "iceberg full plan");
    }

    private static org.apache.iceberg.DataFile file(Shape shape, org.apache.iceberg.Schema schema, PartitionSpec spec,
                                                    String location, int day, int bucket) {
      long rows = shape.rows(day, bucket);
      long minId = shape.minId(day, bucket);
      long dayStart = EventTables.dayStartMicros(day);
      org.apache.iceberg.types.Type longType = schema.findType("id");
      org.apache.iceberg.types.Type tsType = schema.findType("ts");
      org.apache.iceberg.types.Type stringType = schema.findType("region");
      org.apache.iceberg.types.Type doubleType = schema.findType("amount");
      Map<Integer, ByteBuffer> lower = new HashMap<>();
      Map<Integer, ByteBuffer> upper = new HashMap<>();
      lower.put(1, Conversions.toByteBuffer(longType, minId));
      upper.put(1, Conversions.toByteBuffer(longType, minId + rows - 1));
      lower.put(2, Conversions.toByteBuffer(tsType, dayStart));
      upper.put(2, Conversions.toByteBuffer(tsType, dayStart + EventTables.MICROS_PER_DAY - 1));
      lower.put(3, Conversions.toByteBuffer(stringType, EventTables.REGIONS[0]));
      upper.put(3, Conversions.toByteBuffer(stringType, EventTables.REGIONS[EventTables.REGIONS.length - 1]));
      lower.put(4, Conversions.toByteBuffer(doubleType, 0.0));
      upper.put(4, Conversions.toByteBuffer(doubleType, 1000.0));
      org.apache.iceberg.Metrics metrics = new org.apache.iceberg.Metrics(rows,
          new HashMap<>(Map.of(1, rows * 4, 2, rows * 3, 3, rows / 2, 4, rows * 8)),
          new HashMap<>(Map.of(1, rows, 2, rows, 3, rows, 4, rows)),
          new HashMap<>(Map.of(1, 0L, 2, 0L, 3, rows / 10, 4, 0L)),
          new HashMap<>(Map.of(4, 0L)),
          lower, upper);
      PartitionData partition = new PartitionData(spec.partitionType());
      partition.set(0, EventTables.epochDay(day));
      partition.set(1, bucket);
      return DataFiles.builder(spec)
          .withPath(shape.path(location, day, bucket))
          .withFormat(FileFormat.PARQUET)
          .withPartition(partition)
          .withFileSizeInBytes(rows * 16)
          .withMetrics(metrics)
          .build();
    }

    @TearDown(Level.Trial)
    public void delete() {
      TempDirs.delete(dir);
    }
  }

  private static void check(long planned, long expected, String what) {
    if (planned != expected) {
      throw new IllegalStateException(what + " found " + planned + " files, expected " + expected);
    }
  }

  static long planOneDay(FloeTable t) {
    return t.table.newScan().filter(t.oneDay).planFiles().size();
  }

  static long planAll(FloeTable t) {
    return t.table.newScan().planFiles().size();
  }

  static long planOneDay(IcebergTable t) {
    return count(t.table.newScan().filter(t.oneDay).planFiles());
  }

  static long planAll(IcebergTable t) {
    return count(t.table.newScan().planFiles());
  }

  private static long count(CloseableIterable<FileScanTask> tasks) {
    long n = 0;
    try (tasks) {
      for (FileScanTask task : tasks) {
        n += task.file().recordCount() > 0 ? 1 : 0;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  /** Floe: plan the files of one day (10 of 10,000; 1 of 10 manifests read). */
  @Benchmark
  public long floePlanOneDay(FloeTable t) {
    return planOneDay(t);
  }

  /** Iceberg: plan the files of one day. */
  @Benchmark
  public long icebergPlanOneDay(IcebergTable t) {
    return planOneDay(t);
  }

  /** Floe: plan every file (all manifests read). */
  @Benchmark
  public long floePlanAll(FloeTable t) {
    return planAll(t);
  }

  /** Iceberg: plan every file. */
  @Benchmark
  public long icebergPlanAll(IcebergTable t) {
    return planAll(t);
  }
}
