package io.floe.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

  @Override
  public List<FileInfo> listPrefix(String prefix) {
    Path root = toPath(prefix);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    List<FileInfo> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p)) {
          String rel = root.relativize(p).toString().replace('\\', '/');
          files.add(new FileInfo(base + "/" + rel, Files.size(p), Files.getLastModifiedTime(p).toMillis()));
        }
      }
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
