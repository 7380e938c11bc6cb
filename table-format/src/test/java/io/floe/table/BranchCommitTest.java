package io.floe.table;

import static io.floe.table.RefTestSupport.append;
import static io.floe.table.RefTestSupport.concat;
import static io.floe.table.RefTestSupport.idsAt;
import static io.floe.table.RefTestSupport.load;
import static io.floe.table.RefTestSupport.range;
import static io.floe.table.RefTestSupport.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.commit.ConflictException;
import io.floe.expressions.Expressions;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotAncestry;
import io.floe.metadata.TableMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits to a branch: the base is the branch's head, only that branch moves, conflicts are validated along the
 * branch's history; with threads and processes committing to several branches at once.
 */
class BranchCommitTest {
  private static final String[] BRANCHES = {"main", "a", "b"};

  @TempDir
  Path dir;

  @Test
  void aCommitToABranchLeavesMainUntouchedAndViceVersa() {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    TableMetadata before = t.metadata();

    Snapshot d1 = t.newAppend().toBranch("dev").appendRecords(TableFixtures.events(100, 5)).commit();
    Table r = load(t);
    assertEquals(s1.snapshotId(), d1.parentSnapshotId(), "a new branch starts at main's head");
    assertEquals(s1.snapshotId(), r.currentSnapshot().snapshotId());
    assertEquals(before.snapshotLog(), r.metadata().snapshotLog(), "main's snapshot-log unchanged");
    assertEquals(d1.snapshotId(), r.refs().get("dev").snapshotId());
    assertEquals(range(0, 10), sorted(r.newScan().records()));
    assertEquals(concat(range(0, 10), range(100, 5)), idsAt(r, "dev"));
    assertEquals("15", d1.summary().get("total-records"));

    Snapshot s2 = append(r, 10, 10);
    assertEquals(s1.snapshotId(), s2.parentSnapshotId());
    Snapshot d2 = r.newAppend().toBranch("dev").appendRecords(TableFixtures.events(200, 5)).commit();
    assertEquals(d1.snapshotId(), d2.parentSnapshotId(), "the parent is the branch's head");
    assertEquals("20", d2.summary().get("total-records"));
    Table after = load(t);
    assertEquals(s2.snapshotId(), after.currentSnapshot().snapshotId());
    assertEquals(range(0, 20), sorted(after.newScan().records()));
    assertEquals(concat(range(0, 10), concat(range(100, 5), range(200, 5))), idsAt(after, "dev"));
    assertEquals(2, after.history().size(), "only main's commits are in the snapshot-log");
    assertEquals(after.metadata().lastSequenceNumber(), d2.sequenceNumber(), "sequence numbers are table-wide");
  }

  @Test
  void deletesAndOverwritesOnABranchReadTheBranch() {
    Table t = RefTestSupport.create(dir);
    append(t, 0, 20);
    t.newAppend().toBranch("dev").appendRecords(TableFixtures.events(100, 10)).commit();

    t.newDelete().toBranch("dev").deleteFromRowFilter(Expressions.greaterThanOrEqual("id", 105L)).commit();
    t.newOverwrite().toBranch("dev").overwriteByRowFilter(Expressions.lessThan("id", 5L))
        .addRecords(TableFixtures.events(500, 2)).commit();

    Table r = load(t);
    assertEquals(concat(range(5, 15), concat(range(100, 5), range(500, 2))), idsAt(r, "dev"));
    assertEquals(range(0, 20), sorted(r.newScan().records()), "main keeps every row");
    Snapshot devHead = r.snapshot(r.refs().get("dev").snapshotId());
    assertEquals("overwrite", devHead.operation());
    assertEquals(Long.toString(15 + 5 + 2), devHead.summary().get("total-records"));
  }

  @Test
  void committingToATagOrABlankNameFails() {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    t.manageSnapshots().createTag("v1", s1.snapshotId()).commit();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.newAppend().toBranch("v1"));
    assertTrue(e.getMessage().contains("'v1'") && e.getMessage().contains("is a tag"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.newDelete().toBranch(""));

    // a tag created after the operation started is caught at commit
    AppendFiles late = t.newAppend().toBranch("v2").appendRecords(TableFixtures.events(50, 3));
    load(t).manageSnapshots().createTag("v2", s1.snapshotId()).commit();
    e = assertThrows(IllegalArgumentException.class, late::commit);
    assertTrue(e.getMessage().contains("'v2'"), e.getMessage());
    assertEquals(1, load(t).snapshots().size());
  }

  @Test
  void aBranchOfAnEmptyTableStartsFromNothing() {
    Table t = RefTestSupport.create(dir);
    Snapshot d1 = t.newAppend().toBranch("dev").appendRecords(TableFixtures.events(0, 5)).commit();
    Table r = load(t);
    assertNull(d1.parentSnapshotId());
    assertNull(r.currentSnapshot(), "main has no snapshot yet");
    assertFalse(r.refs().containsKey("main"));
    assertTrue(r.newScan().records().isEmpty());
    assertEquals(range(0, 5), idsAt(r, "dev"));
    Snapshot s1 = append(r, 10, 5);
    assertNull(s1.parentSnapshotId());
    assertEquals(range(10, 5), sorted(load(t).newScan().records()));
  }

  @Test
  void conflictsAreValidatedAlongTheBranchOnly() {
    Table t = RefTestSupport.create(dir);
    append(t, 0, 20);
    t.manageSnapshots().createBranch("dev").commit();
    Table other = load(t);

    // a concurrent commit to main adds rows the branch's delete matches: not a conflict on dev
    DeleteFiles onDev = t.refresh().newDelete().toBranch("dev").deleteFromRowFilter(Expressions.equal("region", "EU"));
    append(other, 1000, 8);
    onDev.commit();
    Table r = load(t);
    assertTrue(idsAt(r, "dev").stream().noneMatch(id -> id % 4 == 0), "EU rows gone from dev");
    assertEquals(concat(range(0, 20), range(1000, 8)), sorted(r.newScan().records()));

    // a concurrent commit to dev adding matching rows is a conflict (serializable)
    OverwriteFiles onDev2 = r.newOverwrite().toBranch("dev").overwriteByRowFilter(Expressions.equal("region", "US"));
    other.refresh().newAppend().toBranch("dev").appendRecords(TableFixtures.events(2001, 1)).commit();
    ConflictException c = assertThrows(ConflictException.class, onDev2::commit);
    assertTrue(c.getMessage().contains("added data file"), c.getMessage());

    // the branch moved to a history without the operation's starting snapshot: a conflict
    Table fresh = load(t);
    Snapshot devHead = fresh.snapshot(fresh.refs().get("dev").snapshotId());
    DeleteFiles onDev3 = fresh.newDelete().toBranch("dev").deleteFromRowFilter(Expressions.equal("region", "APAC"));
    other.refresh().manageSnapshots().replaceBranch("dev", devHead.parentSnapshotId()).commit();
    c = assertThrows(ConflictException.class, onDev3::commit);
    assertTrue(c.getMessage().contains("branch dev no longer descends from snapshot " + devHead.snapshotId()), c.getMessage());
  }

  @Test
  void anOverwriteRacingARollbackOfMainFails() {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = append(t, 0, 10);
    append(t, 10, 10);
    OverwriteFiles op = t.newOverwrite().overwriteByRowFilter(Expressions.lessThan("id", 3L));
    load(t).manageSnapshots().rollbackTo(s1.snapshotId()).commit();
    ConflictException c = assertThrows(ConflictException.class, op::commit);
    assertTrue(c.getMessage().contains("branch main no longer descends"), c.getMessage());
    assertEquals(range(0, 10), sorted(load(t).newScan().records()));
  }

  @Test
  void threadsCommittingToSeveralBranches() throws Exception {
    Table t = RefTestSupport.create(dir);
    Snapshot base = baseWithBranches(t);
    int perBranch = 3;
    int commits = 4;
    ExecutorService pool = Executors.newFixedThreadPool(BRANCHES.length * perBranch);
    List<Future<?>> futures = new ArrayList<>();
    for (int b = 0; b < BRANCHES.length; b++) {
      for (int w = 0; w < perBranch; w++) {
        String branch = BRANCHES[b];
        long first = 100_000L * (b + 1) + 1000L * w;
        futures.add(pool.submit(() -> {
          Table mine = load(t);
          for (int k = 0; k < commits; k++) {
            mine.newAppend().toBranch(branch).appendRecords(TableFixtures.events(first + 10L * k, 10)).commit();
          }
          return null;
        }));
      }
    }
    for (Future<?> f : futures) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertBranches(load(t), base, BRANCHES, perBranch, commits);
  }

  @Test
  void processesCommittingToSeveralBranches() throws Exception {
    Table t = RefTestSupport.create(dir);
    Snapshot base = baseWithBranches(t);
    int commits = 4;
    List<Process> procs = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int b = 0; b < BRANCHES.length; b++) {
      Path log = dir.resolve("w" + b + ".log");
      logs.add(log);
      procs.add(ChildJvm.start(BatchWorker.class, log, t.location(), BRANCHES[b], "-", "0",
          Long.toString(100_000L * (b + 1)), Integer.toString(commits), "exit"));
    }
    for (int i = 0; i < procs.size(); i++) {
      assertTrue(procs.get(i).waitFor(3, TimeUnit.MINUTES), "worker " + i + " finished");
      assertEquals(0, procs.get(i).exitValue(), Files.readString(logs.get(i)));
    }
    assertBranches(load(t), base, BRANCHES, 1, commits);
  }

  /** 10 rows on main, then branches a and b at that snapshot. */
  private static Snapshot baseWithBranches(Table t) {
    Snapshot base = append(t, 0, 10);
    t.manageSnapshots().createBranch("a").createBranch("b").commit();
    return base;
  }

  /** Each branch holds the base rows plus exactly its writers' rows, along a lineage of only its own commits. */
  private static void assertBranches(Table r, Snapshot base, String[] branches, int writers, int commits) {
    assertEquals(1 + branches.length * writers * commits, r.snapshots().size());
    for (int b = 0; b < branches.length; b++) {
      List<Long> expected = range(0, 10);
      for (int w = 0; w < writers; w++) {
        expected = concat(expected, range(100_000L * (b + 1) + 1000L * w, 10 * commits));
      }
      assertEquals(expected, idsAt(r, branches[b]), "rows of branch " + branches[b]);
      List<Snapshot> lineage = SnapshotAncestry.ancestorsOf(r.metadata(), r.snapshot(r.refs().get(branches[b]).snapshotId()));
      assertEquals(writers * commits + 1, lineage.size(), "lineage of " + branches[b]);
      assertEquals(base.snapshotId(), lineage.get(lineage.size() - 1).snapshotId());
    }
    assertEquals(1 + writers * commits, r.history().size(), "only main's commits are in the snapshot-log");
  }
}
