package io.floe.benchmarks;

import io.floe.table.IcebergDeleteWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.RowDelta;
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
 * Full-scan read time of a merge-on-read TPC-H {@code lineitem} table ({@code rows} rows written by Iceberg, as in
 * {@link FullScanBenchmark}) whose rows were deleted by Apache Iceberg's delete writers, as Spark and Trino delete:
 * {@code deletes} is {@code none}, {@code position} (a position delete file naming every 10th row),
 * {@code equality} (an equality delete file of every 100th {@code l_orderkey}) or {@code both}. Floe's Arrow scan
 * against Apache Iceberg 1.12's generic row reader, both applying the delete files; the setup checks that they
 * return the same rows (count and sum of {@code l_orderkey}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false",
    "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader=error"})
public class MergeOnReadScanBenchmark {

  /** The Iceberg-written lineitem table with the delete files of {@code deletes}. */
  @State(Scope.Benchmark)
  public static class Deleted {
    @Param("1000000")
    public long rows;

    @Param({"none", "position", "equality", "both"})
    public String deletes;

    FullScanBenchmark.IcebergWritten table;

    @Setup(Level.Trial)
    public void write() throws Exception {
      table = new FullScanBenchmark.IcebergWritten();
      table.rows = rows;
      table.write();
      org.apache.iceberg.Table iceberg = table.iceberg;
      DataFile data = iceberg.currentSnapshot().addedDataFiles(iceberg.io()).iterator().next();
      RowDelta delta = iceberg.newRowDelta();
      if (deletes.equals("position") || deletes.equals("both")) {
        long[] positions = LongStream.range(0, rows).filter(p -> p % 10 == 0).toArray();
        delta.addDeletes(IcebergDeleteWriter.positionDeletes(iceberg, data, Map.of(data.path().toString(), positions)));
      }
      if (deletes.equals("equality") || deletes.equals("both")) {
        List<Object[]> keys = new ArrayList<>();
        for (Object key : IcebergDeleteWriter.values(iceberg, data, "l_orderkey")) {
          if ((Long) key % 100 == 0 && (keys.isEmpty() || !keys.get(keys.size() - 1)[0].equals(key))) {
            keys.add(new Object[] {key});
          }
        }
        delta.addDeletes(IcebergDeleteWriter.equalityDeletes(iceberg, null, iceberg.schema().select("l_orderkey"),
            keys));
      }
      if (!deletes.equals("none")) {
        delta.commit();
      }
      table.floe.refresh();
      FullScanBenchmark.ScanResult expected = FullScanBenchmark.readWithIceberg(iceberg);
      FullScanBenchmark.ScanResult floe = FullScanBenchmark.readWithFloe(table.floe, table.allocator);
      if (!expected.equals(floe)) {
        throw new IllegalStateException("Floe read " + floe + " but Iceberg " + expected + " with deletes " + deletes);
      }
    }

    @TearDown(Level.Trial)
    public void delete() {
      table.delete();
    }
  }

  /** Floe's Arrow scan, applying the delete files. */
  @Benchmark
  public FullScanBenchmark.ScanResult floe(Deleted t) {
    return FullScanBenchmark.readWithFloe(t.table.floe, t.table.allocator);
  }

  /** Iceberg's generic reader, applying the delete files. */
  @Benchmark
  public FullScanBenchmark.ScanResult iceberg(Deleted t) {
    return FullScanBenchmark.readWithIceberg(t.table.iceberg);
  }
}
