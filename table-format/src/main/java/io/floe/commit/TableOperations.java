package io.floe.commit;

import io.floe.io.FileIO;
import io.floe.metadata.TableMetadata;

/**
 * The commit SPI: where a table's current metadata lives and how its pointer is swapped atomically.
 * Implementations: {@link FileTableOperations} (put-if-absent of metadata version files); catalogs add others.
 */
public interface TableOperations {
  /** The metadata last loaded or committed (no I/O); null if the table does not exist. */
  TableMetadata current();

  /** Reloads the current metadata; null if the table does not exist. */
  TableMetadata refresh();

  /**
   * Atomically replaces {@code base} with {@code updated}. Throws {@link CommitFailedException} when another
   * commit landed first (nothing was written: safe to retry on a fresh base) and
   * {@link CommitStateUnknownException} when it cannot tell whether the swap happened.
   */
  void commit(TableMetadata base, TableMetadata updated);

  FileIO io();

  /** A human name of the table for messages (its location or catalog name). */
  String tableName();

  /** A new location for a metadata-side file (manifest, manifest list) of this table. */
  default String metadataFileLocation(String fileName) {
    return current().location() + "/metadata/" + fileName;
  }

  /** A new location for a data file in a partition directory (empty for unpartitioned). */
  default String dataFileLocation(String partitionPath, String fileName) {
    String base = current().location() + "/data/";
    return partitionPath.isEmpty() ? base + fileName : base + partitionPath + "/" + fileName;
  }
}
