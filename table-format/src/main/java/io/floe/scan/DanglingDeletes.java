package io.floe.scan;

import io.floe.io.FileIO;
import io.floe.manifest.DataFile;
import io.floe.manifest.FileContent;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The delete files of a snapshot that would apply to no data file once some data files are removed (by the rules of
 * {@link DeleteFileIndex}): a compaction or a copy-on-write change that rewrites the files they delete from removes
 * them too, as Iceberg's {@code rewrite_data_files} removes dangling deletes. Data files added later have higher
 * sequence numbers, which no existing delete file applies to, so a dangling delete file stays dangling.
 */
public final class DanglingDeletes {
  private DanglingDeletes() {
  }

  /** The live delete files of {@code snapshot} that apply to none of its live data files outside {@code removed}. */
  public static List<DataFile> after(FileIO io, TableMetadata metadata, Snapshot snapshot, Set<String> removed) {
    if (snapshot == null || removed.isEmpty() || "0".equals(snapshot.summary().get("total-delete-files"))) {
      return List.of(); // the summary says so without reading the manifest list
    }
    List<ManifestFile> manifests = ManifestListReader.read(io, snapshot.manifestList());
    if (manifests.stream().allMatch(m -> m.content() == FileContent.DATA)) {
      return List.of();
    }
    List<ManifestEntry> deletes = new ArrayList<>();
    List<ManifestEntry> remaining = new ArrayList<>();
    for (ManifestFile manifest : manifests) {
      boolean data = manifest.content() == FileContent.DATA;
      for (ManifestEntry entry : ManifestReader.readLive(io, manifest, metadata.specsById(), partition -> true)) {
        if (!data) {
          deletes.add(entry);
        } else if (!removed.contains(entry.file().path())) {
          remaining.add(entry);
        }
      }
    }
    DeleteFileIndex index = new DeleteFileIndex(deletes, metadata.specsById());
    Set<String> applied = new HashSet<>();
    for (ManifestEntry entry : remaining) {
      long sequenceNumber = entry.sequenceNumber() == null ? 0 : entry.sequenceNumber();
      for (DataFile delete : index.forDataFile(entry.file(), sequenceNumber)) {
        applied.add(delete.path());
      }
    }
    List<DataFile> dangling = new ArrayList<>();
    for (ManifestEntry entry : deletes) {
      if (!applied.contains(entry.file().path())) {
        dangling.add(entry.file());
      }
    }
    return dangling;
  }
}
