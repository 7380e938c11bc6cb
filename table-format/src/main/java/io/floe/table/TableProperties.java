package io.floe.table;

/**
 * Table properties Floe reads, with Iceberg's names where Iceberg has one. Commit retry properties are in
 * {@link io.floe.commit.RetryPolicy}; metadata-log length in {@link io.floe.metadata.MetadataChanges}.
 */
public final class TableProperties {
  /** Data files roll over to a new file at about this size (bytes). Default 512 MiB. */
  public static final String TARGET_FILE_SIZE_BYTES = "write.target-file-size-bytes";
  public static final long TARGET_FILE_SIZE_BYTES_DEFAULT = 512L * 1024 * 1024;

  /** Parquet row group size (bytes). Default 128 MiB. */
  public static final String PARQUET_ROW_GROUP_SIZE_BYTES = "write.parquet.row-group-size-bytes";
  public static final long PARQUET_ROW_GROUP_SIZE_BYTES_DEFAULT = 128L * 1024 * 1024;

  /** Parquet compression codec: zstd, snappy, gzip or uncompressed. */
  public static final String PARQUET_COMPRESSION = "write.parquet.compression-codec";

  /**
   * Isolation of overwrites and deletes against concurrent commits: {@code serializable} (default: fail if
   * a concurrent commit added data the operation's filter matches) or {@code snapshot} (only fail if a file it
   * removes was removed concurrently).
   */
  public static final String ISOLATION_LEVEL = "write.delete.isolation-level";

  /** Manifests of one spec merged into one when there are more than this many. Default 100. */
  public static final String MANIFEST_MIN_MERGE_COUNT = "commit.manifest.min-count-to-merge";

  private TableProperties() {
  }
}
