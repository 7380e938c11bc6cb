package io.floe.engine.exec.spill;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local directory a session's operators spill to. Created when the first file is; {@link #temporary()} is a
 * {@code floe-spill-<uuid>} folder under the JVM's temporary directory, which {@link #close()} deletes. Operators
 * delete their own files when they close; safe for use by concurrent tasks.
 */
public final class SpillDirectory implements AutoCloseable {
  private final Path path;
  private final boolean owned;
  private final AtomicLong filesCreated = new AtomicLong();

  private SpillDirectory(Path path, boolean owned) {
    this.path = path;
    this.owned = owned;
  }

  /** A new folder {@code floe-spill-<uuid>} under {@code java.io.tmpdir}, deleted on {@link #close()}. */
  public static SpillDirectory temporary() {
    return new SpillDirectory(Path.of(System.getProperty("java.io.tmpdir"), "floe-spill-" + UUID.randomUUID()), true);
  }

  /** The given directory (created if missing, kept on {@link #close()}). */
  public static SpillDirectory at(Path directory) {
    return new SpillDirectory(directory.toAbsolutePath(), false);
  }

  public Path path() {
    return path;
  }

  /** Spill files created here so far (they are deleted again when their operators close). */
  public long filesCreated() {
    return filesCreated.get();
  }

  /** A new empty file named {@code <prefix>-<unique>.spill}. */
  Path newFile(String prefix) {
    try {
      Files.createDirectories(path);
      Path file = Files.createTempFile(path, prefix + "-", ".spill");
      filesCreated.incrementAndGet();
      return file;
    } catch (IOException e) {
      throw SpillErrors.io("cannot create a spill file in " + path, e);
    }
  }

  /** Deletes a temporary directory with whatever is left in it; a given directory is kept. */
  @Override
  public void close() {
    if (!owned || !Files.isDirectory(path)) {
      return;
    }
    try {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
        for (Path file : files) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw SpillErrors.io("cannot delete the spill directory " + path, e);
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
