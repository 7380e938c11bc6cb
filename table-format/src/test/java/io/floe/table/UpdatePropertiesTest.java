package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.io.LocalFileIO;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionSpec;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.hadoop.HadoopTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table properties set and removed in one metadata-only commit, re-applied when a concurrent commit wins. */
class UpdatePropertiesTest {
  @TempDir
  Path dir;

  private Table table() {
    Table t = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.unpartitioned(TableFixtures.EVENTS), dir.resolve("t").toString(), Map.of("keep", "1"));
    t.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    return t.refresh();
  }

  @Test
  void setAndRemoveInOneCommitWithoutASnapshot() {
    Table t = table();
    int versions = t.metadata().metadataLog().size();
    t.updateProperties().set("owner", "me").set("keep", "2").remove("absent").commit();
    t.refresh();
    assertEquals("me", t.properties().get("owner"));
    assertEquals("2", t.properties().get("keep"));
    assertEquals(versions + 1, t.metadata().metadataLog().size(), "one metadata version");
    assertEquals(1, t.snapshots().size(), "no snapshot added");

    t.updateProperties().remove("owner").commit();
    assertFalse(t.refresh().properties().containsKey("owner"));
    // Apache Iceberg reads what Floe wrote
    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(t.location());
    assertEquals("2", iceberg.properties().get("keep"));
    assertFalse(iceberg.properties().containsKey("owner"));
  }

  @Test
  void aChangeThatLeavesThePropertiesAsTheyAreCommitsNothing() {
    Table t = table();
    TableMetadata before = t.metadata();
    TableMetadata after = t.updateProperties().set("keep", "1").remove("absent").commit();
    assertSame(before, after);
    assertEquals(before.metadataFileLocation(), t.refresh().metadata().metadataFileLocation());
  }

  @Test
  void aLostRaceIsRetriedOnTheFreshMetadataKeepingTheWinnersChange() {
    Table first = table();
    Table second = new Tables(new LocalFileIO()).load(first.location());
    first.updateProperties().set("a", "1").commit();
    // second still holds the metadata before first's commit: its commit loses the race, then applies to the fresh one
    second.updateProperties().set("b", "2").commit();
    Map<String, String> properties = first.refresh().properties();
    assertEquals("1", properties.get("a"));
    assertEquals("2", properties.get("b"));
  }

  @Test
  void aPropertyNeedsAKeyAndAValue() {
    Table t = table();
    assertThrows(IllegalArgumentException.class, () -> t.updateProperties().set("k", null));
    assertThrows(IllegalArgumentException.class, () -> t.updateProperties().set(null, "v"));
    assertThrows(IllegalArgumentException.class, () -> t.updateProperties().remove(null));
  }
}
