package io.floe.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A saved state of a table directory, to put the table back as it was before each invocation of a benchmark that
 * changes it (compaction, expiry). Table files are immutable, so they are saved as hard links; files rewritten in
 * place ({@code version-hint.text}) are copied. The table stays at the same location, so the absolute paths in its
 * metadata stay valid.
 */
final class PristineDir {
  private final Path dir;
  private final Path saved;
  private final Set<Path> files;

  private PristineDir(Path dir, Path saved, Set<Path> files) {
    this.dir = dir;
    this.saved = saved;
    this.files = files;
  }

  /** Saves {@code dir} (next to it, as {@code <dir>.pristine}). */
  static PristineDir save(Path dir) {
    Path saved = dir.resolveSibling(dir.getFileName() + ".pristine");
    Set<Path> files = new HashSet<>();
    for (Path rel : relativeFiles(dir)) {
      place(dir.resolve(rel), saved.resolve(rel));
      files.add(rel);
    }
    return new PristineDir(dir, saved, files);
  }

  /** Puts the directory back as saved: files added since are deleted, files deleted since are restored. */
  void restore() {
    for (Path rel : relativeFiles(dir)) {
      if (!files.contains(rel) || isRewrittenInPlace(rel)) {
        delete(dir.resolve(rel));
      }
    }
    for (Path rel : files) {
      Path target = dir.resolve(rel);
      if (!Files.exists(target)) {
        place(saved.resolve(rel), target);
      }
    }
  }

  /** Deletes the saved copy. */
  void discard() {
    TempDirs.delete(saved);
  }

  private static boolean isRewrittenInPlace(Path rel) {
    return rel.getFileName().toString().equals("version-hint.text");
  }

  private static void place(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      if (isRewrittenInPlace(from.getFileName())) {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.createLink(to, from);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save or restore " + from + " as " + to, e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> relativeFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(dir::relativize).sorted(Comparator.naturalOrder()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
