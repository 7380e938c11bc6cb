package io.floe.engine.exec.spill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Deleting spill files and closing their readers and writers, all of them even when one fails. */
final class SpillFiles {
  private SpillFiles() {
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw SpillErrors.io("cannot delete the spill file " + file, e);
    }
  }

  /** Runs every step; rethrows the first failure (with the later ones suppressed) after the last step. */
  static void runAll(List<Runnable> steps) {
    RuntimeException failure = null;
    for (Runnable step : steps) {
      try {
        step.run();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
