package io.floe.catalog;

import io.floe.io.FileIO;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.MetadataLogEntry;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds and deletes the files of a table: all of them (purge), or those of snapshots that never became visible. */
public final class TableFiles {
  private static final Logger LOG = LoggerFactory.getLogger(TableFiles.class);

  private TableFiles() {
  }

  /**
   * Deletes every file reachable from {@code metadata}: data files of every snapshot, manifests, manifest lists,
   * the metadata files in its metadata-log and its own metadata file. Returns how many files it deleted.
   */
  public static int purge(FileIO io, TableMetadata metadata) {
    Set<String> files = new LinkedHashSet<>();
    Set<String> manifestsSeen = new HashSet<>();
    for (Snapshot s : metadata.snapshots()) {
      for (ManifestFile m : ManifestListReader.read(io, s.manifestList())) {
        if (manifestsSeen.add(m.path())) {
          for (ManifestEntry e : ManifestReader.read(io, m, metadata.specsById())) {
            files.add(e.file().path());
          }
        }
      }
      files.addAll(manifestsSeen);
      files.add(s.manifestList());
    }
    for (MetadataLogEntry e : metadata.metadataLog()) {
      files.add(e.metadataFile());
    }
    if (metadata.metadataFileLocation() != null) {
      files.add(metadata.metadataFileLocation());
    }
    for (String f : files) {
      io.deleteFile(f);
    }
    LOG.info("purged {} files of table {}", files.size(), metadata.location());
    return files.size();
  }

  /**
   * Deletes the files that the snapshots of {@code staged} not in {@code base} wrote themselves: their manifest
   * lists, the manifests they added and the data files those manifests mark as added by them. Files of
   * {@code base} are never touched.
   */
  public static void deleteUnpublished(FileIO io, TableMetadata base, TableMetadata staged) {
    Set<Long> newIds = new HashSet<>();
    for (Snapshot s : staged.snapshots()) {
      if (base == null || base.snapshot(s.snapshotId()) == null) {
        newIds.add(s.snapshotId());
      }
    }
    Set<String> deleted = new HashSet<>();
    for (Snapshot s : staged.snapshots()) {
      if (!newIds.contains(s.snapshotId())) {
        continue;
      }
      for (ManifestFile m : ManifestListReader.read(io, s.manifestList())) {
        if (newIds.contains(m.addedSnapshotId()) && deleted.add(m.path())) {
          for (ManifestEntry e : ManifestReader.read(io, m, staged.specsById())) {
            if (e.status() == ManifestEntry.Status.ADDED && newIds.contains(e.snapshotId())) {
              io.deleteFile(e.file().path());
            }
          }
          io.deleteFile(m.path());
        }
      }
      io.deleteFile(s.manifestList());
    }
  }
}
