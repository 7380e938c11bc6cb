package io.floe.table;

import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Test-side views of a table's files, computed independently of the maintenance code under test. */
final class MaintenanceFixtures {
  private MaintenanceFixtures() {
  }

  /** Every regular file below {@code root}, as absolute paths. */
  static Set<String> listFiles(Path root) {
    try (var walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(Path::toString).collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Manifest lists, manifests and live data files that the snapshots of {@code t} reach. */
  static Set<String> reachableFiles(Table t) {
    TableMetadata m = t.metadata();
    Set<String> files = new HashSet<>(m.statisticsFilePaths());
    for (Snapshot s : m.snapshots()) {
      files.add(s.manifestList());
      for (ManifestFile mf : ManifestListReader.read(t.io(), s.manifestList())) {
        files.add(mf.path());
        for (ManifestEntry e : ManifestReader.read(t.io(), mf, m.specsById())) {
          if (e.isLive()) {
            files.add(e.file().path());
          }
        }
      }
    }
    return files;
  }

  /** Sleeps so that the next snapshot gets a later timestamp than the last one (ages are compared in ms). */
  static void tick() {
    try {
      Thread.sleep(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
