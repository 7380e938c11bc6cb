package io.floe.table;

import io.floe.io.FileIO;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The files a set of snapshots reaches: their manifest lists, their manifests, and the data files those manifests
 * list, live or as deleted. Each manifest is read once however many snapshots share it, in parallel
 * ({@link IoPool}). Any file that cannot be read fails the whole computation: what is reachable must be known
 * exactly before anything is deleted.
 *
 * @param liveDataFiles data files of live entries of the manifests read: what the snapshots read
 * @param deletedDataFiles data files of DELETED entries of the manifests read
 */
record ReachableFiles(Set<String> manifestLists, Map<String, ManifestFile> manifests, Set<String> liveDataFiles,
                      Set<String> deletedDataFiles) {

  /** @param readManifest false for a manifest whose entries are not wanted (it is still counted as reached) */
  static ReachableFiles of(FileIO io, TableMetadata metadata, Collection<Snapshot> snapshots,
                           Predicate<ManifestFile> readManifest) {
    Map<Integer, PartitionSpec> specs = metadata.specsById();
    Set<String> lists = new LinkedHashSet<>();
    for (Snapshot s : snapshots) {
      lists.add(s.manifestList());
    }
    Map<String, ManifestFile> manifests = new LinkedHashMap<>();
    for (List<ManifestFile> listed : IoPool.map(lists, list -> ManifestListReader.read(io, list))) {
      for (ManifestFile m : listed) {
        manifests.putIfAbsent(m.path(), m);
      }
    }
    List<ManifestFile> toRead = manifests.values().stream().filter(readManifest).toList();
    Set<String> live = new HashSet<>();
    Set<String> deleted = new HashSet<>();
    for (List<ManifestEntry> entries : IoPool.map(toRead, m -> ManifestReader.read(io, m, specs))) {
      for (ManifestEntry e : entries) {
        (e.isLive() ? live : deleted).add(e.file().path());
      }
    }
    return new ReachableFiles(lists, manifests, live, deleted);
  }

  /** Every snapshot of {@code metadata} that {@code heads} reach by parent links, heads included. */
  static Set<Long> lineage(TableMetadata metadata, Collection<Snapshot> heads) {
    Set<Long> seen = new HashSet<>();
    List<Snapshot> todo = new ArrayList<>(heads);
    while (!todo.isEmpty()) {
      Snapshot s = todo.remove(todo.size() - 1);
      if (s == null || !seen.add(s.snapshotId())) {
        continue;
      }
      if (s.parentSnapshotId() != null) {
        todo.add(metadata.snapshot(s.parentSnapshotId()));
      }
    }
    return seen;
  }
}
