package io.floe.table;

import io.floe.io.FileIO;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionSpec;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The files a set of snapshots reaches: their manifest lists, their manifests, and the data files those list.
 * Each manifest is read once however many snapshots share it. Any file that cannot be read fails the whole
 * computation: what is reachable must be known exactly before anything is deleted.
 */
record ReachableFiles(Set<String> manifestLists, Set<String> manifests, Set<String> dataFiles) {

  /**
   * @param liveOnly true: data files of live entries only (what the snapshots read); false: of every entry,
   *     including DELETED ones
   * @param readManifest false for a manifest whose entries are not wanted (it is still counted as reached)
   */
  static ReachableFiles of(FileIO io, TableMetadata metadata, Collection<Snapshot> snapshots, boolean liveOnly,
                           Predicate<String> readManifest) {
    Map<Integer, PartitionSpec> specs = metadata.specsById();
    Set<String> lists = new HashSet<>();
    Set<String> manifests = new HashSet<>();
    Set<String> data = new HashSet<>();
    for (Snapshot s : snapshots) {
      if (!lists.add(s.manifestList())) {
        continue;
      }
      for (ManifestFile m : ManifestListReader.read(io, s.manifestList())) {
        if (!manifests.add(m.path()) || !readManifest.test(m.path())) {
          continue;
        }
        for (ManifestEntry e : ManifestReader.read(io, m, specs)) {
          if (!liveOnly || e.isLive()) {
            data.add(e.file().path());
          }
        }
      }
    }
    return new ReachableFiles(lists, manifests, data);
  }
}
