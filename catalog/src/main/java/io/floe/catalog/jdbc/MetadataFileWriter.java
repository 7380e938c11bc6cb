package io.floe.catalog.jdbc;

import io.floe.io.FileIO;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.MetadataFiles;
import io.floe.metadata.TableMetadata;
import io.floe.metadata.TableMetadataParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a table's (or view's) next metadata file under a unique name,
 * {@code <location>/metadata/<NNNNN>-<uuid>.metadata.json}
 * as Iceberg's catalogs do, where NNNNN is one more than the base's (0 for a new table), before the catalog swaps
 * the table's pointer to it.
 */
final class MetadataFileWriter {
  private static final Pattern NUMBERED = Pattern.compile("([0-9]{1,9})-.*\\.metadata\\.json(\\.gz)?");

  private MetadataFileWriter() {
  }

  /** The version of a metadata file named {@code NNNNN-<uuid>.metadata.json} or {@code v<N>.metadata.json}; else -1. */
  static int version(String metadataFileLocation) {
    if (metadataFileLocation == null) {
      return -1;
    }
    String name = metadataFileLocation.substring(metadataFileLocation.lastIndexOf('/') + 1);
    Matcher m = NUMBERED.matcher(name);
    return m.matches() ? Integer.parseInt(m.group(1)) : MetadataFiles.parseVersion(name);
  }

  /** The location the next metadata file after {@code base} (null for a new table) gets. */
  static String nextLocation(String tableLocation, TableMetadata base) {
    return nextLocation(tableLocation, base == null ? null : base.metadataFileLocation());
  }

  /** The location the metadata file after {@code baseLocation} (null: the first) of a table or view gets. */
  static String nextLocation(String location, String baseLocation) {
    int next = baseLocation == null ? 0 : Math.max(0, version(baseLocation) + 1);
    return String.format("%s/metadata/%05d-%s.metadata.json", location, next, UUID.randomUUID());
  }

  /** Writes {@code updated} to {@code location} (exclusively) and returns it as read from there. */
  static TableMetadata write(FileIO io, String location, TableMetadata updated, String tableName) {
    TableMetadata written = MetadataChanges.withLocation(updated, location);
    try {
      TableMetadataParser.write(written, io.newOutputFile(location));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metadata file " + location + " of table " + tableName + ": "
          + e.getMessage(), e);
    }
    return written;
  }
}
