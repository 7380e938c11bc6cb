package io.floe.table;

import static io.floe.table.RefTestSupport.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.expressions.Expressions;
import io.floe.metadata.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every snapshot records who wrote it; {@link TableHistory} lists time, ids, operation, writer and counts. */
class WhoWroteItTest {
  @TempDir
  Path dir;

  @Test
  void everySnapshotSummaryNamesTheEngineUserAndApplication() throws Exception {
    Table t = RefTestSupport.create(dir);
    Snapshot append = t.newAppend().appendRecords(TableFixtures.events(0, 20)).commit();
    Snapshot delete = t.newDelete().deleteFromRowFilter(Expressions.equal("region", "EU")).setUser("alice")
        .applicationId("cleanup").commit();
    Snapshot overwrite = t.newOverwrite().overwriteByRowFilter(Expressions.lessThan("id", 3L))
        .addRecords(TableFixtures.events(100, 2)).idempotent("fix", 3).commit();

    String version = buildVersion();
    for (Snapshot s : List.of(append, delete, overwrite)) {
      Map<String, String> sum = load(t).snapshot(s.snapshotId()).summary();
      assertEquals("floe", sum.get(SummaryKeys.ENGINE_NAME), s.operation());
      assertEquals(version, sum.get(SummaryKeys.ENGINE_VERSION), s.operation());
    }
    assertEquals(System.getProperty("user.name"), append.summary().get(SummaryKeys.USER));
    assertFalse(append.summary().containsKey(SummaryKeys.APP_ID));
    assertEquals("alice", delete.summary().get(SummaryKeys.USER));
    assertEquals("cleanup", delete.summary().get(SummaryKeys.APP_ID));
    assertEquals("fix", overwrite.summary().get(SummaryKeys.APP_ID));
    assertEquals("3", overwrite.summary().get(SummaryKeys.BATCH_VERSION));
    assertThrows(IllegalArgumentException.class, () -> t.newAppend().setUser(""));
    assertThrows(IllegalArgumentException.class, () -> t.newAppend().applicationId(null));
  }

  @Test
  void historyListsEachSnapshotWithItsWriterAndCounts() throws Exception {
    Table t = RefTestSupport.create(dir);
    Snapshot s1 = t.newAppend().appendRecords(TableFixtures.events(0, 20)).setUser("bob").applicationId("ingest").commit();
    Snapshot s2 = t.newDelete().deleteFromRowFilter(Expressions.lessThan("id", 4L)).setUser("carol").commit();
    t.manageSnapshots().createTag("v1", s1.snapshotId()).commit();
    Snapshot d1 = t.newAppend().toBranch("dev").appendRecords(TableFixtures.events(100, 5)).idempotent("ingest", 9).commit();

    TableHistory history = load(t).snapshotHistory();
    assertEquals(3, history.entries().size());
    TableHistory.Entry e1 = history.entries().get(0);
    assertEquals(new TableHistory.Entry(s1.timestampMs(), s1.snapshotId(), null, 1, "append", "ingest", null, "bob",
        "floe " + buildVersion(), 4, 0, 20, 0, 20L, List.of("v1"), true), e1);
    TableHistory.Entry e2 = history.entry(s2.snapshotId());
    assertEquals(s1.snapshotId(), e2.parentId());
    assertEquals("carol", e2.user());
    assertNull(e2.applicationId());
    assertEquals(20, e2.deletedRecords(), "copy-on-write: the 4 files holding ids 0-3 are removed whole");
    assertEquals(16, e2.addedRecords(), "and rewritten without those rows");
    assertEquals(16L, e2.totalRecords());
    assertEquals(List.of("main"), e2.refs());
    TableHistory.Entry e3 = history.entry(d1.snapshotId());
    assertEquals(9L, e3.batchVersion());
    assertEquals(List.of("dev"), e3.refs());
    assertFalse(e3.mainAncestor(), "a branch's snapshot is not in main's history");

    assertEquals(List.of(s1.snapshotId(), s2.snapshotId(), d1.snapshotId()),
        history.of("dev").stream().map(TableHistory.Entry::snapshotId).toList());
    assertEquals(List.of(s1.snapshotId()), history.of("v1").stream().map(TableHistory.Entry::snapshotId).toList());
    String text = history.toString();
    assertTrue(text.contains(Long.toString(d1.snapshotId())) && text.contains("app ingest batch 9") && text.contains("user carol"),
        text);
    assertThrows(IllegalArgumentException.class, () -> history.of("nope"));
    assertThrows(IllegalArgumentException.class, () -> history.entry(42));
  }

  /** The project version, from the module's pom (the tests run in the module directory). */
  private static String buildVersion() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    String parent = pom.substring(pom.indexOf("<parent>"), pom.indexOf("</parent>"));
    Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(parent);
    assertTrue(m.find(), "the pom names its version");
    return m.group(1).trim();
  }
}
