package io.floe.commit;

import io.floe.io.FileIO;
import io.floe.io.FileInfo;
import io.floe.io.InputFile;
import io.floe.io.PositionOutputStream;
import io.floe.io.SeekableInputStream;
import io.floe.io.SupportsListing;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.MetadataFiles;
import io.floe.metadata.TableMetadata;
import io.floe.metadata.TableMetadataParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table whose pointer is its highest metadata version file {@code <location>/metadata/v<N>.metadata.json}
 * (the layout of Iceberg's file-system tables). A commit creates {@code v<N+1>} with an atomic, exclusive
 * create ({@link io.floe.io.OutputFile#create()}): of several racing writers exactly one wins, the others get
 * {@link CommitFailedException} and retry on the new base. {@code version-hint.text} is written after each
 * commit as a hint for readers (Floe and Iceberg); the version files alone are the truth.
 */
public final class FileTableOperations implements TableOperations {
  private static final Logger LOG = LoggerFactory.getLogger(FileTableOperations.class);
  static final String VERSION_HINT = "version-hint.text";

  private final FileIO io;
  private final String location;
  private volatile TableMetadata current;

  public FileTableOperations(FileIO io, String location) {
    this.io = io;
    this.location = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
  }

  @Override
  public TableMetadata current() {
    return current;
  }

  @Override
  public FileIO io() {
    return io;
  }

  @Override
  public String tableName() {
    return location;
  }

  @Override
  public String metadataFileLocation(String fileName) {
    return location + "/metadata/" + fileName;
  }

  @Override
  public String dataFileLocation(String partitionPath, String fileName) {
    String base = location + "/data/";
    return partitionPath.isEmpty() ? base + fileName : base + partitionPath + "/" + fileName;
  }

  private String versionFile(int version) {
    return metadataFileLocation(MetadataFiles.metadataFileName(version));
  }

  @Override
  public TableMetadata refresh() {
    int version = findLatestVersion();
    if (version <= 0) {
      current = null;
      return null;
    }
    String file = versionFile(version);
    current = TableMetadataParser.read(io, file);
    return current;
  }

  /** The highest existing version: from the hint (or a listing), then probing forward. 0 when none exists. */
  int findLatestVersion() {
    int start = readHint();
    if (start <= 0 || !io.newInputFile(versionFile(start)).exists()) {
      start = highestListedVersion();
    }
    if (start <= 0) {
      if (!io.newInputFile(versionFile(1)).exists()) {
        return 0;
      }
      start = 1;
    }
    int version = start;
    while (io.newInputFile(versionFile(version + 1)).exists()) {
      version++;
    }
    return version;
  }

  private int readHint() {
    InputFile hint = io.newInputFile(metadataFileLocation(VERSION_HINT));
    if (!hint.exists()) {
      return 0;
    }
    try (SeekableInputStream in = hint.newStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return Integer.parseInt(text);
    } catch (IOException | NumberFormatException e) {
      LOG.warn("ignoring unreadable version hint {} of table {}: {}", hint.location(), location, e.toString());
      return 0;
    }
  }

  private int highestListedVersion() {
    if (!(io instanceof SupportsListing listing)) {
      return 0;
    }
    int max = 0;
    for (FileInfo f : listing.listPrefix(location + "/metadata")) {
      String name = f.location().substring(f.location().lastIndexOf('/') + 1);
      max = Math.max(max, MetadataFiles.parseVersion(name));
    }
    return max;
  }

  @Override
  public void commit(TableMetadata base, TableMetadata updated) {
    int baseVersion = base == null ? 0 : MetadataFiles.parseVersion(fileName(base.metadataFileLocation()));
    if (base != null && baseVersion <= 0) {
      throw new IllegalStateException("base metadata of table " + location + " has no version file: " + base.metadataFileLocation());
    }
    int newVersion = baseVersion + 1;
    String newFile = versionFile(newVersion);
    TableMetadata toWrite = MetadataChanges.withLocation(updated, newFile);
    byte[] json = TableMetadataParser.toJson(toWrite).getBytes(StandardCharsets.UTF_8);
    try (PositionOutputStream out = io.newOutputFile(newFile).create()) {
      out.write(json);
    } catch (FileAlreadyExistsException e) {
      throw new CommitFailedException("table " + location + " was changed by another commit (version " + newVersion + " exists)", e);
    } catch (IOException | UncheckedIOException e) {
      resolveUnknownOutcome(newFile, json, e);
    }
    current = toWrite;
    writeHint(newVersion);
    if (io instanceof SupportsListing) {
      // without listing, a reader whose version hint is stale finds the latest version by probing from v1
      MetadataFileCleanup.afterCommit(io, base, toWrite);
    }
  }

  /** After an I/O error while creating a version file: success if our exact bytes are there, else failed/unknown. */
  private void resolveUnknownOutcome(String newFile, byte[] json, Exception cause) {
    InputFile written = io.newInputFile(newFile);
    byte[] found;
    try {
      if (!written.exists()) {
        throw new CommitFailedException("commit to table " + location + " failed: could not write " + newFile, cause);
      }
      try (SeekableInputStream in = written.newStream()) {
        found = in.readAllBytes();
      }
    } catch (IOException | UncheckedIOException e) {
      e.addSuppressed(cause);
      throw new CommitStateUnknownException("cannot tell whether the commit to table " + location + " landed (" + newFile + ")", e);
    }
    if (!Arrays.equals(found, json)) {
      throw new CommitFailedException("table " + location + " was changed by another commit (" + newFile + " exists)", cause);
    }
    LOG.info("commit to {} landed despite an I/O error: {}", newFile, cause.toString());
  }

  private void writeHint(int version) {
    try (PositionOutputStream out = io.newOutputFile(metadataFileLocation(VERSION_HINT)).createOrOverwrite()) {
      out.write(Integer.toString(version).getBytes(StandardCharsets.UTF_8));
    } catch (IOException | UncheckedIOException e) {
      // The hint only speeds up finding the latest version; readers probe forward from it and never trust it alone.
      LOG.warn("committed version {} of table {} but could not update its version hint: {}", version, location, e.toString());
    }
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
