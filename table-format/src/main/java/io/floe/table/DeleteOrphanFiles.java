package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.io.FileInfo;
import io.floe.io.SupportsBulkDelete;
import io.floe.io.SupportsListing;
import io.floe.metadata.MetadataLogEntry;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes orphan files (Iceberg's {@code remove_orphan_files}): files under the table location that no metadata
 * references and that are older than a threshold (default: 3 days ago, so that files of commits still in
 * progress are left alone). Referenced are the current metadata file and those in its metadata-log,
 * {@code version-hint.text}, and every manifest list and manifest of every snapshot in the metadata (so of every
 * branch and tag) and every data file one of them reads (a data file only listed as deleted is read by no
 * snapshot left). The table's FileIO must list files ({@link SupportsListing}). Ends with
 * {@link #execute()}.
 */
public final class DeleteOrphanFiles {
  private static final Logger LOG = LoggerFactory.getLogger(DeleteOrphanFiles.class);
  /** Files younger than this are never orphans: they may belong to a commit still in progress. */
  public static final long DEFAULT_MIN_AGE_MS = 3L * 24 * 60 * 60 * 1000;

  private final TableOperations ops;
  private long olderThan = System.currentTimeMillis() - DEFAULT_MIN_AGE_MS;
  private boolean dryRun;

  DeleteOrphanFiles(TableOperations ops) {
    this.ops = ops;
  }

  /** The orphan files found, deleted unless it was a dry run. */
  public record Result(List<String> orphanFiles, boolean dryRun) {
  }

  /** Only files last modified before this instant (epoch ms) may be removed. */
  public DeleteOrphanFiles olderThan(long timestampMillis) {
    this.olderThan = timestampMillis;
    return this;
  }

  /** Finds the orphan files without deleting them. */
  public DeleteOrphanFiles dryRun(boolean value) {
    this.dryRun = value;
    return this;
  }

  public Result execute() {
    if (!(ops.io() instanceof SupportsListing listing)) {
      throw new UnsupportedOperationException("not supported: deleting orphan files of table " + ops.tableName()
          + ": its FileIO " + ops.io().getClass().getName() + " cannot list files");
    }
    TableMetadata before = ops.current() != null ? ops.current() : ops.refresh();
    if (before == null) {
      throw new NoSuchTableException("no table at " + ops.tableName());
    }
    if (!Boolean.parseBoolean(before.property(TableProperties.GC_ENABLED, "true"))) {
      throw new IllegalStateException("cannot delete orphan files of table " + ops.tableName() + ": "
          + TableProperties.GC_ENABLED + " is false (its files may be shared)");
    }
    // list before loading the metadata: a file committed in between is then referenced, or too young to be listed
    List<FileInfo> files = listing.listPrefix(before.location());
    TableMetadata metadata = ops.refresh();
    if (metadata == null) {
      throw new IllegalStateException("table " + ops.tableName() + " was dropped");
    }
    Set<String> referenced = referencedFiles(metadata);
    List<String> orphans = new ArrayList<>();
    for (FileInfo f : files) {
      if (f.lastModifiedMs() < olderThan && !referenced.contains(normalize(f.location()))) {
        orphans.add(f.location());
      }
    }
    orphans.sort(null);
    if (!dryRun && ops.io() instanceof SupportsBulkDelete bulk) {
      bulk.deleteFiles(orphans);
    } else if (!dryRun) {
      for (String location : orphans) {
        ops.io().deleteFile(location);
      }
    }
    LOG.info("{} {} orphan files of {}", dryRun ? "found" : "deleted", orphans.size(), ops.tableName());
    return new Result(orphans, dryRun);
  }

  private Set<String> referencedFiles(TableMetadata metadata) {
    Set<String> referenced = new HashSet<>();
    referenced.add(metadata.metadataFileLocation());
    for (MetadataLogEntry e : metadata.metadataLog()) {
      referenced.add(e.metadataFile());
    }
    referenced.add(ops.metadataFileLocation("version-hint.text"));
    ReachableFiles reachable = ReachableFiles.of(ops.io(), metadata, metadata.snapshots(), m -> true);
    referenced.addAll(reachable.manifestLists());
    referenced.addAll(reachable.manifests().keySet());
    referenced.addAll(reachable.liveDataFiles());
    referenced.addAll(metadata.statisticsFilePaths());
    Set<String> normalized = new HashSet<>();
    for (String r : referenced) {
      normalized.add(normalize(r));
    }
    return normalized;
  }

  /** A location without a {@code file:} scheme, so that {@code file:/a}, {@code file:///a} and {@code /a} match. */
  static String normalize(String location) {
    if (location == null || !location.startsWith("file:")) {
      return location;
    }
    String path = location.substring("file:".length());
    if (path.startsWith("//")) {
      path = path.substring(2);
      int slash = path.indexOf('/');
      path = slash < 0 ? "/" : path.substring(slash);
    }
    return path;
  }
}
