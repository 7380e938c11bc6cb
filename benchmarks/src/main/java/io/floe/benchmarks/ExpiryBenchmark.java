package io.floe.benchmarks;

import io.floe.io.LocalFileIO;
import io.floe.table.ExpireSnapshots;
import io.floe.table.Table;
import io.floe.table.TableProperties;
import io.floe.table.Tables;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.hadoop.HadoopTables;
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
 * Expiring a history of {@code snapshots} appends (one small data file each, 10 day partitions) down to the last
 * snapshot, deleting the manifest lists and manifests only expired snapshots reached: Floe's
 * {@code table.expireSnapshots().expireOlderThan(now).retainLast(1).commit()} against Iceberg 1.12's
 * {@code table.expireSnapshots()} with the same settings, on the very same table (written by Floe, opened by
 * Iceberg with {@code HadoopTables}), put back before each invocation. The table keeps 10 metadata-log entries and
 * deletes older metadata files (both sides honour {@code write.metadata.delete-after-commit.enabled}), so the
 * history's metadata JSON does not pile up. One operation is one expiry.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader=error"})
public class ExpiryBenchmark {
  static final Map<String, String> PROPERTIES = Map.of(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true",
      TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "10");

  /** A table with a long history, put back before each expiry. */
  @State(Scope.Benchmark)
  public static class History {
    @Param("1000")
    public int snapshots;

    Path dir;
    String location;
    PristineDir pristine;
    Table floe;
    org.apache.iceberg.Table iceberg;

    @Setup(Level.Trial)
    public void create() {
      dir = TempDirs.create("expiry");
      location = dir.resolve("events").toString();
      SmallFileTables.create(location, snapshots, 10, 10, snapshots, PROPERTIES);
      pristine = PristineDir.save(dir.resolve("events"));
    }

    @Setup(Level.Invocation)
    public void reset() {
      pristine.restore();
      floe = new Tables(new LocalFileIO()).load(location);
      iceberg = new HadoopTables(HadoopConfs.forName(HadoopConfs.RAW)).load(location);
      if (floe.snapshots().size() != snapshots) {
        throw new IllegalStateException("the restored table has " + floe.snapshots().size() + " snapshots, not " + snapshots);
      }
    }

    @TearDown(Level.Trial)
    public void delete() {
      pristine.discard();
      TempDirs.delete(dir);
    }
  }

  @Benchmark
  public int floeExpire(History t) {
    ExpireSnapshots.Result r = t.floe.expireSnapshots().expireOlderThan(System.currentTimeMillis() + 1).retainLast(1).commit();
    if (r.expiredSnapshotIds().size() != t.snapshots - 1) {
      throw new IllegalStateException("floe expired " + r.expiredSnapshotIds().size() + " snapshots");
    }
    return r.expiredSnapshotIds().size();
  }

  @Benchmark
  public int icebergExpire(History t) {
    t.iceberg.expireSnapshots().expireOlderThan(System.currentTimeMillis() + 1).retainLast(1).commit();
    t.iceberg.refresh();
    int left = 0;
    for (org.apache.iceberg.Snapshot ignored : t.iceberg.snapshots()) {
      left++;
    }
    if (left != 1) {
      throw new IllegalStateException("iceberg kept " + left + " snapshots");
    }
    return t.snapshots - left;
  }
}
