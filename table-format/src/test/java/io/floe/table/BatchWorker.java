package io.floe.table;

import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A batch-job process for branch and idempotency tests. Usage:
 * {@code BatchWorker <table> <branch> <app id or -> <batch version> <first id> <batches> <after>}: appends
 * {@code batches} batches of 10 rows (ids from {@code first id}) to {@code branch}, each idempotent as
 * (app id, batch version + k) unless the app id is {@code -}. Each batch's rows are written first, then it prints
 * {@code ready}; with {@code after} = {@code wait:<file>} it waits for that file to exist before committing. It
 * prints {@code committed <snapshot id>} or {@code skipped <snapshot id>} per batch, then {@code done}; with
 * {@code after} = {@code hang} it then sleeps until killed.
 */
public final class BatchWorker {
  private BatchWorker() {
  }

  public static void main(String[] args) throws Exception {
    String location = args[0];
    String branch = args[1];
    String appId = args[2];
    long version = Long.parseLong(args[3]);
    long firstId = Long.parseLong(args[4]);
    int batches = Integer.parseInt(args[5]);
    String after = args[6];
    Table table = new Tables(new LocalFileIO()).load(location);
    for (int k = 0; k < batches; k++) {
      AppendFiles append = table.newAppend().toBranch(branch).appendRecords(TableFixtures.events(firstId + 10L * k, 10));
      if (!appId.equals("-")) {
        append.idempotent(appId, version + k);
      }
      System.out.println("ready");
      System.out.flush();
      if (after.startsWith("wait:")) {
        Path go = Path.of(after.substring("wait:".length()));
        while (!Files.exists(go)) {
          Thread.sleep(5);
        }
      }
      Snapshot s = append.commit();
      System.out.println((append.skippedAsDuplicate() ? "skipped " : "committed ") + s.snapshotId());
      System.out.flush();
    }
    System.out.println("done");
    System.out.flush();
    if (after.equals("hang")) {
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
