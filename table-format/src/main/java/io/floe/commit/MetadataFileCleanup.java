package io.floe.commit;

import io.floe.io.FileIO;
import io.floe.metadata.MetadataLogEntry;
import io.floe.metadata.TableMetadata;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a commit, deletes the metadata files that fell off the metadata-log (it keeps
 * {@code write.metadata.previous-versions-max} entries) when the table sets
 * {@link #DELETE_AFTER_COMMIT_ENABLED} (Iceberg's property; default false). Best effort: the commit has already
 * succeeded, so a file that cannot be deleted is only logged (it stays as an orphan).
 */
public final class MetadataFileCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataFileCleanup.class);
  public static final String DELETE_AFTER_COMMIT_ENABLED = "write.metadata.delete-after-commit.enabled";

  private MetadataFileCleanup() {
  }

  /** Deletes the metadata files {@code base} tracked (its own included) that {@code committed} no longer tracks. */
  public static void afterCommit(FileIO io, TableMetadata base, TableMetadata committed) {
    if (base == null || !Boolean.parseBoolean(committed.property(DELETE_AFTER_COMMIT_ENABLED, "false"))) {
      return;
    }
    Set<String> kept = new HashSet<>();
    kept.add(committed.metadataFileLocation());
    for (MetadataLogEntry e : committed.metadataLog()) {
      kept.add(e.metadataFile());
    }
    Set<String> tracked = new LinkedHashSet<>();
    for (MetadataLogEntry e : base.metadataLog()) {
      tracked.add(e.metadataFile());
    }
    tracked.add(base.metadataFileLocation());
    for (String file : tracked) {
      if (file == null || kept.contains(file)) {
        continue;
      }
      try {
        io.deleteFile(file);
      } catch (RuntimeException e) {
        LOG.warn("committed {} but could not delete the old metadata file {}: {}", committed.metadataFileLocation(), file,
            e.toString());
      }
    }
  }
}
