package io.floe.catalog.warehouse;

import io.floe.io.FileIO;
import io.floe.io.FileInfo;
import io.floe.io.LocalFileIO;
import io.floe.io.SupportsListing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One level of a warehouse directory: its child directories and its files. On the local file system it reads the
 * directory; on other stores it derives both from {@link SupportsListing#listPrefix} (which lists recursively).
 */
final class WarehouseListing {
  private final SupportsListing listing;
  private final boolean local;

  WarehouseListing(FileIO io) {
    if (!(io instanceof SupportsListing)) {
      throw new IllegalArgumentException("the warehouse catalog lists the warehouse to find tables, so its FileIO must "
          + "implement io.floe.io.SupportsListing; " + io.getClass().getName() + " does not");
    }
    this.listing = (SupportsListing) io;
    this.local = io instanceof LocalFileIO;
  }

  /** The names of the directories directly in {@code dir}, sorted. */
  List<String> childDirectories(String dir) {
    return local ? localEntries(dir, true) : derived(dir, true);
  }

  /** The names of the files directly in {@code dir}, sorted. */
  List<String> fileNames(String dir) {
    return local ? localEntries(dir, false) : derived(dir, false);
  }

  /** Every file below {@code dir}, recursively. */
  List<FileInfo> allFiles(String dir) {
    List<FileInfo> files = new ArrayList<>();
    for (FileInfo f : listing.listPrefix(dir + "/")) {
      if (f.location().startsWith(dir + "/")) {
        files.add(f);
      }
    }
    return files;
  }

  private static List<String> localEntries(String dir, boolean directories) {
    Path path = WarehouseLayout.localPath(dir);
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> children = Files.list(path)) {
      for (Path p : (Iterable<Path>) children::iterator) {
        if (directories ? Files.isDirectory(p) : Files.isRegularFile(p)) {
          names.add(p.getFileName().toString());
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the warehouse directory " + dir + ": " + e.getMessage(), e);
    }
    return new ArrayList<>(names);
  }

  private List<String> derived(String dir, boolean directories) {
    TreeSet<String> names = new TreeSet<>();
    String prefix = dir + "/";
    for (FileInfo f : allFiles(dir)) {
      String rel = f.location().substring(prefix.length());
      int slash = rel.indexOf('/');
      if (directories && slash > 0) {
        names.add(rel.substring(0, slash));
      } else if (!directories && slash < 0) {
        names.add(rel);
      }
    }
    return new ArrayList<>(names);
  }
}
