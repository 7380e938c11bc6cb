package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit whose outcome is unknown is resolved without a lost or a duplicated snapshot. */
class UnknownCommitOutcomeTest {
  @TempDir
  Path dir;

  private Table create(FaultInjectingFileIO io) {
    return new Tables(io).create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS),
        dir.resolve("t").toString(), Map.of("commit.retry.min-wait-ms", "1", "commit.retry.max-wait-ms", "5"));
  }

  @Test
  void aWriteThatLandedButReportedAnErrorCountsOnce() {
    FaultInjectingFileIO io = new FaultInjectingFileIO();
    Table table = create(io);
    table.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    io.failNextVersionCreates(1, FaultInjectingFileIO.Fault.AFTER_PUBLISH);
    Snapshot s = table.newAppend().appendRecords(TableFixtures.events(10, 10)).commit();
    Table reloaded = new Tables(io).load(table.location());
    assertEquals(2, reloaded.snapshots().size(), "not duplicated");
    assertEquals(s.snapshotId(), reloaded.currentSnapshot().snapshotId());
    assertEquals(20, reloaded.newScan().records().size());
  }

  @Test
  void aWriteThatFailedIsRetriedAndLandsOnce() {
    FaultInjectingFileIO io = new FaultInjectingFileIO();
    Table table = create(io);
    io.failNextVersionCreates(2, FaultInjectingFileIO.Fault.BEFORE_PUBLISH);
    Snapshot s = table.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    Table reloaded = new Tables(io).load(table.location());
    assertEquals(1, reloaded.snapshots().size(), "not lost, not duplicated");
    assertEquals(s.snapshotId(), reloaded.currentSnapshot().snapshotId());
    assertEquals(10, reloaded.newScan().records().size());
  }

  @Test
  void whenEvenTheCheckFailsTheNextAttemptFindsItsOwnSnapshot() {
    FaultInjectingFileIO io = new FaultInjectingFileIO();
    Table table = create(io);
    table.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    io.failNextVersionCreates(1, FaultInjectingFileIO.Fault.AFTER_PUBLISH);
    io.failNextVersionReads(1); // the read-back after the error fails: outcome unknown
    Snapshot s = table.newAppend().appendRecords(TableFixtures.events(10, 10)).commit();
    Table reloaded = new Tables(io).load(table.location());
    assertEquals(2, reloaded.snapshots().size(), "the retry saw its snapshot had landed and stopped");
    assertEquals(s.snapshotId(), reloaded.currentSnapshot().snapshotId());
    assertEquals(20, reloaded.newScan().records().size());
  }
}
