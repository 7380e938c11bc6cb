package io.floe.catalog.warehouse;

import io.floe.catalog.TableIdentifier;
import io.floe.catalog.ViewStore;
import io.floe.commit.CommitStateUnknownException;
import io.floe.io.FileIO;
import io.floe.io.PositionOutputStream;
import io.floe.view.ViewMetadata;
import io.floe.view.ViewMetadataParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The views of a warehouse catalog: view {@code a.b.v} is the directory {@code <warehouse>/a/b/v} (as a table would
 * be), its versions the files {@code metadata/v<N>.view.json}. A commit creates the next version's file
 * exclusively: of racing writers exactly one wins, also across processes. Iceberg's Hadoop catalog, which has no
 * views, does not take these directories for tables (its tables have {@code .metadata.json} files).
 */
final class WarehouseViews implements ViewStore {
  private static final Pattern VERSION_FILE = Pattern.compile("v([0-9]{1,9})\\.view\\.json");

  private final String catalogName;
  private final FileIO io;
  private final WarehouseLayout layout;
  private final WarehouseListing listing;

  WarehouseViews(String catalogName, FileIO io, WarehouseLayout layout, WarehouseListing listing) {
    this.catalogName = catalogName;
    this.io = io;
    this.layout = layout;
    this.listing = listing;
  }

  @Override
  public FileIO io() {
    return io;
  }



  @Override
  public String metadataLocation(TableIdentifier id) {
    String dir = layout.tableLocation(id) + "/metadata";
    int version = 0;
    for (int listed : versions(dir)) {
      version = Math.max(version, listed);
    }
    if (version == 0) {
      return null;
    }
    while (io.newInputFile(versionFile(dir, version + 1)).exists()) {
      version++; // committed after the listing
    }
    return versionFile(dir, version);
  }

  @Override
  public String newViewLocation(TableIdentifier id) {
    return layout.tableLocation(id);
  }

  @Override
  public String commit(TableIdentifier id, String base, ViewMetadata metadata) {
    int next = base == null ? 1 : version(base) + 1;
    String file = versionFile(layout.tableLocation(id) + "/metadata", next);
    byte[] json = ViewMetadataParser.toJson(metadata).getBytes(StandardCharsets.UTF_8);
    try (PositionOutputStream out = io.newOutputFile(file).create()) {
      out.write(json);
    } catch (FileAlreadyExistsException e) {
      return null;
    } catch (IOException | UncheckedIOException e) {
      throw new CommitStateUnknownException("cannot tell whether view " + id + " of catalog " + catalogName
          + " was committed: writing " + file + " failed: " + e.getMessage(), e);
    }
    return file;
  }

  /** Whether the directory holds a view's version files. */
  boolean isViewDir(String dir) {
    return !versions(dir + "/metadata").isEmpty();
  }

  /** Deletes the view's version files, oldest first (readers see the view until its last version goes). */
  boolean drop(TableIdentifier id) {
    String dir = layout.tableLocation(id) + "/metadata";
    boolean dropped = false;
    for (List<Integer> versions = versions(dir); !versions.isEmpty(); versions = versions(dir)) {
      versions.sort(null);
      for (int version : versions) {
        io.deleteFile(versionFile(dir, version));
      }
      dropped = true;
    }
    return dropped;
  }

  private List<Integer> versions(String metadataDir) {
    List<Integer> versions = new ArrayList<>();
    for (String name : listing.fileNames(metadataDir)) {
      Matcher m = VERSION_FILE.matcher(name);
      if (m.matches()) {
        versions.add(Integer.parseInt(m.group(1)));
      }
    }
    return versions;
  }

  private static int version(String file) {
    Matcher m = VERSION_FILE.matcher(file.substring(file.lastIndexOf('/') + 1));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a view version file of the warehouse catalog: " + file);
    }
    return Integer.parseInt(m.group(1));
  }

  private static String versionFile(String metadataDir, int version) {
    return metadataDir + "/v" + version + ".view.json";
  }
}
