package io.floe.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link FileIO} on the local file system. Accepts plain absolute paths and {@code file:} URIs.
 * {@link OutputFile#create()} writes a hidden temporary file and hard-links it into place when closed: the link
 * is atomic and fails if the target exists, so a racing creator loses cleanly and no reader sees a partial file.
 */
public final class LocalFileIO implements FileIO, SupportsListing {

  /** The local path of a location (a path or a file: URI). */
  public static Path toPath(String location) {
    if (location.startsWith("file:")) {
      return Paths.get(URI.create(location.startsWith("file:/") && !location.startsWith("file://") ? "file://" + location.substring(5) : location));
    }
    if (location.contains("://")) {
      throw new IllegalArgumentException("not a local file location: " + location);
    }
    return Paths.get(location);
  }

  @Override
  public InputFile newInputFile(String location) {
    return new LocalInputFile(location, toPath(location));
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return new LocalOutputFile(location, toPath(location));
  }

  /**
   * The files below {@code prefix}. A file or directory that goes while the listing runs (another writer's
   * temporary file renamed into place, a deleted file) is left out rather than failing the listing.
   */
  @Override
  public List<FileInfo> listPrefix(String prefix) {
    Path root = toPath(prefix);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    List<FileInfo> files = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile()) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            files.add(new FileInfo(base + "/" + rel, attributes.size(), attributes.lastModifiedTime().toMillis()));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE; // gone since its directory was read
          }
          throw e;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + prefix, e);
    }
    return files;
  }

  @Override
  public void deleteFile(String location) {
    try {
      Files.deleteIfExists(toPath(location));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + location, e);
    }
  }
}
