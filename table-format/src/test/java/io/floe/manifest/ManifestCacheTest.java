package io.floe.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.io.FileIO;
import io.floe.io.InputFile;
import io.floe.io.LocalFileIO;
import io.floe.io.OutputFile;
import io.floe.partition.PartitionSpec;
import io.floe.types.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestCacheTest {
  @TempDir
  Path dir;

  private final Schema schema = ManifestFixtures.schema();
  private final PartitionSpec spec = ManifestFixtures.identitySpec(3, schema, ManifestFixtures.PARTITION_COLUMNS);
  /** The local file system, counting the files opened for reading. */
  private final AtomicInteger opened = new AtomicInteger();
  private final FileIO io = new FileIO() {
    private final LocalFileIO local = new LocalFileIO();

    @Override
    public InputFile newInputFile(String location) {
      opened.incrementAndGet();
      return local.newInputFile(location);
    }

    @Override
    public OutputFile newOutputFile(String location) {
      return local.newOutputFile(location);
    }

    @Override
    public void deleteFile(String location) {
      local.deleteFile(location);
    }
  };

  private ManifestFile manifest(String name, int files) {
    ManifestWriter writer = ManifestWriter.create(io.newOutputFile(dir.resolve(name).toString()), spec, schema, 7L);
    for (int i = 0; i < files; i++) {
      writer.add(ManifestFixtures.dataFile("/t/data/" + name + i + ".parquet", spec,
          ManifestFixtures.partition(spec, i % 3 + 1), 10 + i, 1, 10));
    }
    return writer.close(3);
  }

  @Test
  void aManifestIsReadOnceAndItsEntriesShared() {
    ManifestFile manifest = manifest("shared-m0.avro", 4);
    int before = opened.get();

    List<ManifestEntry> first = ManifestReader.read(io, manifest, Map.of(3, spec));
    List<ManifestEntry> again = ManifestReader.read(io, manifest, Map.of(3, spec));
    List<ManifestEntry> live = ManifestReader.readLive(io, manifest, Map.of(3, spec), p -> true);

    assertEquals(1, opened.get() - before, "the second and third reads come from the cache");
    assertSame(first, again);
    assertEquals(4, first.size());
    assertEquals(first, live);
  }

  @Test
  void leastRecentlyUsedFilesAreDroppedBeyondTheBudget() {
    ManifestCache cache = new ManifestCache(4_000); // room for 4 files of 1,000 bytes (64 + 936)
    for (int i = 0; i < 6; i++) {
      int file = i;
      cache.get(key(file), () -> List.of(file), v -> 936);
      if (i == 3) {
        cache.get(key(0), () -> List.of(-1), v -> 936); // file 0 used again: file 1 is now the eldest
      }
    }
    assertEquals(4, cache.size());
    AtomicInteger loads = new AtomicInteger();
    assertEquals(List.of(0), cache.get(key(0), () -> List.of(loads.incrementAndGet()), v -> 936));
    assertEquals(List.of(5), cache.get(key(5), () -> List.of(loads.incrementAndGet()), v -> 936));
    assertEquals(0, loads.get(), "the recently used files are cached");
    cache.get(key(1), () -> List.of(loads.incrementAndGet()), v -> 936);
    cache.get(key(2), () -> List.of(loads.incrementAndGet()), v -> 936);
    assertEquals(2, loads.get(), "the least recently used were dropped");
  }

  @Test
  void aFileOverAQuarterOfTheBudgetOrADisabledCacheIsNotKept() {
    ManifestCache small = new ManifestCache(1_000);
    AtomicInteger loads = new AtomicInteger();
    ManifestCache.Key key = new ManifestCache.Key("big", 1, 1, 1, 1);
    small.get(key, () -> List.of(loads.incrementAndGet()), v -> 300);
    small.get(key, () -> List.of(loads.incrementAndGet()), v -> 300);
    assertEquals(2, loads.get());
    assertEquals(0, small.size());

    ManifestCache off = new ManifestCache(0);
    off.get(key, () -> List.of(loads.incrementAndGet()), v -> 1);
    off.get(key, () -> List.of(loads.incrementAndGet()), v -> 1);
    assertEquals(4, loads.get());
  }

  @Test
  void scanPlanningReadsAManifestTooLargeToKeepWithItsFilter() {
    ManifestCache cache = new ManifestCache(64L << 20);
    assertTrue(cache.mayKeep(1L << 20));
    assertFalse(cache.mayKeep((1L << 20) + 1));
    assertFalse(new ManifestCache(0).mayKeep(1));
  }

  private static ManifestCache.Key key(int file) {
    return new ManifestCache.Key("/t/metadata/m" + file + ".avro", 100, 1, 1, 0);
  }
}
