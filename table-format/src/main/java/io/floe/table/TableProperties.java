package io.floe.table;

/**
 * Table properties Floe reads, with Iceberg's names where Iceberg has one. The commit retry and metadata-log
 * constants here are the ones {@link io.floe.commit.RetryPolicy} and {@link io.floe.metadata.MetadataChanges} read.
 */
public final class TableProperties {
  /** Data files roll over to a new file at about this size (bytes); compaction's default target. Default 512 MiB. */
  public static final String TARGET_FILE_SIZE_BYTES = "write.target-file-size-bytes";
  public static final long TARGET_FILE_SIZE_BYTES_DEFAULT = 512L * 1024 * 1024;

  /** Parquet row group size (bytes). Default 128 MiB. */
  public static final String PARQUET_ROW_GROUP_SIZE_BYTES = "write.parquet.row-group-size-bytes";
  public static final long PARQUET_ROW_GROUP_SIZE_BYTES_DEFAULT = 128L * 1024 * 1024;

  /**
   * Floe's own: whether an append that writes its rows itself keeps a theta sketch of each column's values and
   * commits, with the snapshot, a statistics file of the table's distinct counts (its sketches added to those of
   * the parent snapshot's statistics file, or alone for a table's first snapshot), as Trino's collect-on-write
   * does. Default true.
   */
  public static final String WRITE_DISTINCT_COUNTS = "floe.write.distinct-counts.enabled";
  public static final boolean WRITE_DISTINCT_COUNTS_DEFAULT = true;

  /** Parquet compression codec: zstd, snappy, gzip or uncompressed. */
  public static final String PARQUET_COMPRESSION = "write.parquet.compression-codec";

  /**
   * Isolation of overwrites, deletes and partition replaces against concurrent commits: {@code serializable}
   * (default: fail if a concurrent commit added data the operation's filter matches, or changed a replaced
   * partition) or {@code snapshot} (only fail if a file it removes was removed concurrently).
   */
  public static final String ISOLATION_LEVEL = "write.delete.isolation-level";

  /**
   * How DELETE removes rows (Iceberg's property): {@code copy-on-write} (default: files holding deleted rows are
   * rewritten without them) or {@code merge-on-read} (a position delete file per data file lists the deleted rows;
   * readers leave them out, compaction applies them).
   */
  public static final String DELETE_MODE = "write.delete.mode";
  /**
   * How UPDATE changes rows (Iceberg's property): {@code copy-on-write} (default) or {@code merge-on-read} (the old
   * rows are listed in position delete files, their new values appended in new data files).
   */
  public static final String UPDATE_MODE = "write.update.mode";
  /** How MERGE changes and deletes matched rows (Iceberg's property): as {@link #UPDATE_MODE} says of UPDATE. */
  public static final String MERGE_MODE = "write.merge.mode";
  public static final String MERGE_ON_READ = "merge-on-read";

  /** Manifests of one spec merged into one when there are more than this many. Default 100. */
  public static final String MANIFEST_MIN_MERGE_COUNT = "commit.manifest.min-count-to-merge";

  /** Attempts after a commit lost a race (default 10). */
  public static final String COMMIT_NUM_RETRIES = io.floe.commit.RetryPolicy.NUM_RETRIES;
  /** Shortest backoff before a retry, ms (default 20); doubles per attempt, jittered. */
  public static final String COMMIT_MIN_RETRY_WAIT_MS = io.floe.commit.RetryPolicy.MIN_WAIT_MS;
  /** Longest backoff before a retry, ms (default 5000). */
  public static final String COMMIT_MAX_RETRY_WAIT_MS = io.floe.commit.RetryPolicy.MAX_WAIT_MS;
  /** Give up retrying a commit after this long, ms (default 30 min). */
  public static final String COMMIT_TOTAL_RETRY_TIME_MS = io.floe.commit.RetryPolicy.TOTAL_TIMEOUT_MS;

  /** Snapshots each branch keeps when expiring, at least (default 1); a branch's own setting wins. */
  public static final String MIN_SNAPSHOTS_TO_KEEP = "history.expire.min-snapshots-to-keep";
  public static final int MIN_SNAPSHOTS_TO_KEEP_DEFAULT = 1;
  /** Snapshots of a branch younger than this are kept when expiring, ms (default 5 days); a branch's own setting wins. */
  public static final String MAX_SNAPSHOT_AGE_MS = "history.expire.max-snapshot-age-ms";
  public static final long MAX_SNAPSHOT_AGE_MS_DEFAULT = 5L * 24 * 60 * 60 * 1000;
  /** Refs (except main) whose snapshot is older than this are dropped when expiring, ms (default: never). */
  public static final String MAX_REF_AGE_MS = "history.expire.max-ref-age-ms";
  public static final long MAX_REF_AGE_MS_DEFAULT = Long.MAX_VALUE;

  /** Entries kept in the metadata-log (default 100). */
  public static final String METADATA_PREVIOUS_VERSIONS_MAX = io.floe.metadata.MetadataChanges.PREVIOUS_VERSIONS_MAX;
  /**
   * Delete metadata files that fall off the metadata-log after each commit (default false; file-system tables
   * only do it when their FileIO can list files).
   */
  public static final String METADATA_DELETE_AFTER_COMMIT_ENABLED = io.floe.commit.MetadataFileCleanup.DELETE_AFTER_COMMIT_ENABLED;

  /**
   * Whether maintenance may delete files (default true). When false, expiry only drops snapshots from the
   * metadata ({@code cleanExpiredFiles(false)}) and orphan-file removal refuses to run: the files may be shared.
   */
  public static final String GC_ENABLED = "gc.enabled";

  private TableProperties() {
  }
}
