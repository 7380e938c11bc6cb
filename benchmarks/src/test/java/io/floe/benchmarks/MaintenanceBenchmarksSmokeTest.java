package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the maintenance benchmarks' setups, each benchmark method and the teardowns on tiny tables, and checks that
 * both sides do the same work (no timing is checked).
 */
class MaintenanceBenchmarksSmokeTest {
  @Test
  void compaction() {
    CompactionBenchmark bench = new CompactionBenchmark();
    CompactionBenchmark.Shape shape = new CompactionBenchmark.Shape();
    shape.files = 40;
    shape.rowsPerFile = 5;
    CompactionBenchmark.Fragmented fragmented = new CompactionBenchmark.Fragmented();
    fragmented.create(shape);
    try {
      fragmented.reset();
      assertEquals(new CompactionBenchmark.Compaction(40, 10, 200), bench.floeCompact(fragmented));
      fragmented.reset();
      assertEquals(1, fragmented.floe.snapshots().size(), "put back before the compaction");
      assertEquals(new CompactionBenchmark.Compaction(40, 10, 200), bench.icebergCompact(fragmented));
      assertEquals("replace", fragmented.iceberg.currentSnapshot().operation());
      fragmented.reset();
      assertEquals(40, fragmented.floe.newScan().planFiles().size());
    } finally {
      fragmented.delete();
    }
    assertFalse(Files.exists(fragmented.dir));

    CompactionBenchmark.Compacted compacted = new CompactionBenchmark.Compacted();
    compacted.create(shape);
    try {
      long sum = 199L * 200 / 2;
      assertEquals(sum, bench.floeScanFragmented(compacted));
      assertEquals(sum, bench.floeScanCompacted(compacted));
      assertEquals(sum, bench.icebergScanFragmented(compacted));
      assertEquals(sum, bench.icebergScanCompacted(compacted));
      assertEquals(10, compacted.floe.newScan().planFiles().size());
    } finally {
      compacted.delete();
    }
  }

  @Test
  void expiry() {
    ExpiryBenchmark bench = new ExpiryBenchmark();
    ExpiryBenchmark.History history = new ExpiryBenchmark.History();
    history.snapshots = 30;
    history.create();
    try {
      Path table = history.dir.resolve("events");
      history.reset();
      Set<String> before = list(table);
      assertEquals(29, bench.floeExpire(history));
      Set<String> floeDeleted = deletedAvro(before, list(table));
      history.reset();
      assertEquals(before, list(table), "put back before the expiry");
      assertEquals(29, bench.icebergExpire(history));
      Set<String> icebergDeleted = deletedAvro(before, list(table));
      assertEquals(icebergDeleted, floeDeleted, "both sides delete the same manifest lists and manifests");
      assertEquals(29, floeDeleted.stream().filter(f -> f.contains("snap-")).count());
    } finally {
      history.delete();
    }
  }

  private static Set<String> deletedAvro(Set<String> before, Set<String> after) {
    Set<String> deleted = new HashSet<>(before);
    deleted.removeAll(after);
    deleted.removeIf(f -> !f.endsWith(".avro"));
    return deleted;
  }

  private static Set<String> list(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
