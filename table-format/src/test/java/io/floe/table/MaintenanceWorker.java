package io.floe.table;

import io.floe.commit.ConflictException;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process (or thread) for concurrent maintenance tests, reporting each commit it made on its output:
 * <ul>
 *   <li>{@code append <table> <worker> <commits>}: appends batches of 10 rows with ids worker*1e6 + k*10...;
 *       prints {@code appended <snapshot> <first id>};</li>
 *   <li>{@code delete <table> <lo> <hi> <step> <pause ms>}: deletes the ids of each slice [k, k+step) of [lo, hi),
 *       retrying a slice after a conflict, pausing between slices; prints {@code deleted <snapshot> <from> <to>}
 *       (and {@code conflict} lines);</li>
 *   <li>{@code compact <table> <stop file>}: compacts in a loop until the stop file exists and at least one
 *       compaction committed; prints {@code rewrote <snapshot> <files>}, {@code conflict} or {@code nothing}.</li>
 * </ul>
 */
public final class MaintenanceWorker {
  private MaintenanceWorker() {
  }

  public static void main(String[] args) throws Exception {
    run(args, System.out);
  }

  static void run(String[] args, PrintStream out) throws Exception {
    Table table = new Tables(new LocalFileIO()).load(args[1]);
    switch (args[0]) {
      case "append" -> append(table, Integer.parseInt(args[2]), Integer.parseInt(args[3]), out);
      case "delete" -> delete(table, Long.parseLong(args[2]), Long.parseLong(args[3]), Long.parseLong(args[4]),
          Long.parseLong(args[5]), out);
      case "compact" -> compact(table, Path.of(args[2]), out);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static void append(Table table, int worker, int commits, PrintStream out) {
    for (int k = 0; k < commits; k++) {
      long first = worker * CommitWorker.RANGE + k * 10L;
      Snapshot s = table.newAppend().appendRecords(TableFixtures.events(first, 10)).commit();
      report(out, "appended " + s.snapshotId() + " " + first);
    }
  }

  private static void delete(Table table, long lo, long hi, long step, long pauseMs, PrintStream out)
      throws InterruptedException {
    for (long from = lo; from < hi; from += step) {
      long to = Math.min(hi, from + step);
      while (true) {
        try {
          Snapshot s = table.refresh().newDelete()
              .deleteFromRowFilter(Expressions.and(Expressions.greaterThanOrEqual("id", from), Expressions.lessThan("id", to)))
              .commit();
          report(out, "deleted " + s.snapshotId() + " " + from + " " + to);
          break;
        } catch (ConflictException e) {
          report(out, "conflict " + e.getMessage());
        }
      }
      Thread.sleep(pauseMs);
    }
  }

  private static void compact(Table table, Path stop, PrintStream out) throws InterruptedException {
    boolean committed = false;
    while (!committed || !Files.exists(stop)) {
      try {
        RewriteDataFiles.Result r = table.refresh().rewriteDataFiles().execute();
        if (r.snapshot() == null) {
          report(out, "nothing");
        } else {
          committed = true;
          report(out, "rewrote " + r.snapshot().snapshotId() + " " + r.rewrittenFiles());
        }
      } catch (ConflictException e) {
        report(out, "conflict " + e.getMessage());
      }
      Thread.sleep(20);
    }
  }

  private static void report(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
