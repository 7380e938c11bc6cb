package io.floe.table;

import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;

/**
 * A writer process for concurrency and crash tests. Usage: {@code CommitWorker <table> <worker> <commits> <mode>}
 * where mode is {@code append} (commits batches of 10 rows with ids worker*1e6 + k), {@code mixed} (appends,
 * then one overwrite replacing the worker's own rows with 3 rows), or {@code forever} (appends until killed).
 * Prints {@code committed <snapshot id> <first id>} after each commit.
 */
public final class CommitWorker {
  static final long RANGE = 1_000_000L;

  private CommitWorker() {
  }

  public static void main(String[] args) {
    String location = args[0];
    int worker = Integer.parseInt(args[1]);
    int commits = Integer.parseInt(args[2]);
    String mode = args[3];
    long first = Long.parseLong(args.length > 4 ? args[4] : "0");
    run(location, worker, commits, mode, first);
  }

  static void run(String location, int worker, int commits, String mode, long firstBatch) {
    Table table = new Tables(new LocalFileIO()).load(location);
    long base = worker * RANGE;
    for (long k = firstBatch; mode.equals("forever") || k < firstBatch + commits; k++) {
      long firstId = base + k * 10;
      Snapshot s = table.newAppend().appendRecords(TableFixtures.events(firstId, 10)).commit();
      System.out.println("committed " + s.snapshotId() + " " + firstId);
      System.out.flush();
    }
    if (mode.equals("mixed")) {
      Snapshot s = table.newOverwrite()
          .overwriteByRowFilter(Expressions.and(Expressions.greaterThanOrEqual("id", base),
              Expressions.lessThan("id", base + RANGE)))
          .addRecords(TableFixtures.events(base + RANGE - 3, 3))
          .commit();
      System.out.println("committed " + s.snapshotId() + " " + (base + RANGE - 3));
    }
  }
}
