package io.floe.engine.exec;

import io.floe.scan.FileScanTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Splits the files of a planned scan over the tasks that read it, balanced by bytes: while there are fewer pieces
 * than tasks, or the largest piece holds more than half a task's fair share, the largest piece of several row
 * groups is halved by row groups (by the file's split offsets; files that record none stay whole); then each
 * piece, largest first, goes to the least-loaded task.
 */
public final class ScanShares {
  private ScanShares() {
  }

  /** One list of files (or file splits) per task; together they read every row group once. */
  public static List<List<FileScanTask>> assign(List<FileScanTask> files, int tasks) {
    if (tasks < 1) {
      throw new IllegalArgumentException("tasks must be at least 1: " + tasks);
    }
    List<List<FileScanTask>> shares = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      shares.add(new ArrayList<>());
    }
    if (tasks == 1) {
      shares.get(0).addAll(files);
      return shares;
    }
    List<Piece> pieces = split(files, tasks);
    pieces.sort(Comparator.comparingLong(Piece::bytes).reversed());
    long[] load = new long[tasks];
    for (Piece piece : pieces) {
      int least = 0;
      for (int t = 1; t < tasks; t++) {
        if (load[t] < load[least]) {
          least = t;
        }
      }
      load[least] += piece.bytes();
      shares.get(least).add(piece.task());
    }
    return shares;
  }

  /** A file's row groups [from, to), or the whole file when it records no split offsets (from = to = -1). */
  private record Piece(FileScanTask file, int from, int to) {
    FileScanTask task() {
      return from < 0 || from == 0 && to == file.rowGroupCount() ? file : file.rowGroups(from, to);
    }

    long bytes() {
      return Math.max(1, task().sizeInBytes());
    }

    boolean splittable() {
      return to - from > 1;
    }
  }

  private static List<Piece> split(List<FileScanTask> files, int tasks) {
    PriorityQueue<Piece> largest = new PriorityQueue<>(Comparator.comparingLong(Piece::bytes).reversed());
    List<Piece> done = new ArrayList<>();
    long total = 0;
    for (FileScanTask file : files) {
      int groups = file.rowGroupCount();
      Piece piece = groups == 0 ? new Piece(file, -1, -1) : new Piece(file, 0, groups);
      total += piece.bytes();
      (piece.splittable() ? largest : done).add(piece);
    }
    long halfShare = total / (2L * tasks);
    while (!largest.isEmpty() && (largest.size() + done.size() < tasks || largest.peek().bytes() > halfShare)) {
      Piece piece = largest.poll();
      int middle = (piece.from() + piece.to()) / 2;
      for (Piece half : List.of(new Piece(piece.file(), piece.from(), middle), new Piece(piece.file(), middle,
          piece.to()))) {
        (half.splittable() ? largest : done).add(half);
      }
    }
    done.addAll(largest);
    return done;
  }
}
