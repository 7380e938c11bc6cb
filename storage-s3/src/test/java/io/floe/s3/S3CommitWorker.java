package io.floe.s3;

import io.floe.metadata.Snapshot;
import io.floe.table.Table;
import io.floe.table.TableFixtures;
import io.floe.table.Tables;

/**
 * A writer for multi-process tests on S3. Usage: {@code S3CommitWorker <port> <table> <worker> <commits> [mode]}:
 * commits batches of 10 rows with ids {@code worker * RANGE + k * 10} through the S3 server (or proxy) on
 * 127.0.0.1:port, printing {@code committed <snapshot id> <first id>} after each; mode {@code forever} appends
 * until killed, {@code big} writes one large file slowly (for kill tests).
 */
public final class S3CommitWorker {
  static final long RANGE = 1_000_000L;

  private S3CommitWorker() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String location = args[1];
    int worker = Integer.parseInt(args[2]);
    int commits = Integer.parseInt(args[3]);
    String mode = args.length > 4 ? args[4] : "append";
    try (S3FileIO io = new S3FileIO(S3Server.propertiesFor(port))) {
      if (mode.equals("big")) {
        writeSlowly(io, location);
        return;
      }
      run(io, location, worker, commits, mode.equals("forever"));
    }
  }

  static void run(S3FileIO io, String location, int worker, int commits, boolean forever) {
    Table table = new Tables(io).load(location);
    for (long k = 0; forever || k < commits; k++) {
      long firstId = worker * RANGE + k * 10;
      Snapshot s = table.newAppend().appendRecords(TableFixtures.events(firstId, 10)).commit();
      System.out.println("committed " + s.snapshotId() + " " + firstId);
      System.out.flush();
    }
  }

  /** Starts a multipart upload of {@code location} (past 48 MiB) and keeps adding parts slowly, never finishing. */
  private static void writeSlowly(S3FileIO io, String location) throws Exception {
    try (var out = io.newOutputFile(location).create()) {
      byte[] mib = new byte[1 << 20];
      for (int i = 0; ; i++) {
        out.write(mib);
        if (i == 80) {
          System.out.println("uploading");
          System.out.flush();
        }
        if (i > 80) {
          Thread.sleep(50);
        }
      }
    }
  }
}
