package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.partition.PartitionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear error naming the file or column, and loses nothing already committed. */
class BadInputTest {
  @TempDir
  Path dir;
  Table table;

  @BeforeEach
  void setUp() {
    table = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), dir.resolve("t").toString());
    table.newAppend().appendRecords(TableFixtures.events(0, 20)).commit();
  }

  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getMessage()).append(" | ");
    }
    return sb.toString();
  }

  @Test
  void corruptOrTruncatedMetadataJsonNamesTheFile() throws Exception {
    table.newAppend().appendRecords(TableFixtures.events(20, 5)).commit();
    Path v3 = dir.resolve("t/metadata/v3.metadata.json");
    String json = Files.readString(v3);
    Files.writeString(v3, json.substring(0, json.length() / 2));
    RuntimeException e = assertThrows(RuntimeException.class, () -> new Tables(new LocalFileIO()).load(table.location()));
    assertTrue(messages(e).contains("v3.metadata.json"), messages(e));

    Files.writeString(v3, "{\"format-version\": 2}");
    RuntimeException missingField = assertThrows(RuntimeException.class, () -> new Tables(new LocalFileIO()).load(table.location()));
    assertTrue(messages(missingField).contains("v3.metadata.json"), messages(missingField));

    Files.writeString(v3, json);
    assertEquals(25, new Tables(new LocalFileIO()).load(table.location()).newScan().records().size(), "nothing was lost");
  }

  @Test
  void aMissingManifestOrDataFileNamesTheFile() throws Exception {
    List<ManifestFile> manifests = ManifestListReader.read(table.io(), table.currentSnapshot().manifestList());
    Path manifest = Path.of(manifests.get(0).path());
    byte[] saved = Files.readAllBytes(manifest);
    Files.delete(manifest);
    RuntimeException e = assertThrows(RuntimeException.class, () -> table.newScan().records());
    assertTrue(messages(e).contains(manifest.getFileName().toString()), messages(e));
    Files.write(manifest, saved);

    Path dataFile;
    try (Stream<Path> files = Files.walk(dir.resolve("t/data"))) {
      dataFile = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.delete(dataFile);
    RuntimeException missingData = assertThrows(RuntimeException.class, () -> table.newScan().records());
    assertTrue(messages(missingData).contains(dataFile.getFileName().toString()), messages(missingData));
  }

  @Test
  void aRecordThatDoesNotMatchTheSchemaNamesTheColumnAndCommitsNothing() throws Exception {
    long snapshotsBefore = table.snapshots().size();
    long filesBefore;
    try (Stream<Path> files = Files.walk(dir.resolve("t"))) {
      filesBefore = files.filter(Files::isRegularFile).count();
    }
    GenericRecord wrongType = GenericRecord.of(TableFixtures.EVENTS.asStruct(), "not a number",
        TableFixtures.START, "EU", null);
    var rows = new java.util.ArrayList<>(TableFixtures.events(100, 10));
    rows.add(wrongType);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> table.newAppend().appendRecords(rows).commit());
    assertTrue(e.getMessage().contains("id"), e.getMessage());

    GenericRecord missingRequired = GenericRecord.of(TableFixtures.EVENTS.asStruct(), 5L, null, "EU", null);
    IllegalArgumentException nullTs = assertThrows(IllegalArgumentException.class,
        () -> table.newAppend().appendRecords(List.of(missingRequired)).commit());
    assertTrue(nullTs.getMessage().contains("ts"), nullTs.getMessage());

    Table reloaded = new Tables(new LocalFileIO()).load(table.location());
    assertEquals(snapshotsBefore, reloaded.snapshots().size());
    assertEquals(20, reloaded.newScan().records().size());
    try (Stream<Path> files = Files.walk(dir.resolve("t"))) {
      assertEquals(filesBefore, files.filter(Files::isRegularFile).count(), "the failed append removed its files");
    }
  }

  @Test
  void anUnknownColumnInAFilterIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> table.newScan().filter(Expressions.equal("colour", "red")).records());
    assertTrue(e.getMessage().contains("colour"), e.getMessage());
    IllegalArgumentException delete = assertThrows(IllegalArgumentException.class,
        () -> table.newDelete().deleteFromRowFilter(Expressions.equal("colour", "red")).commit());
    assertTrue(delete.getMessage().contains("colour"), delete.getMessage());
    assertEquals(1, new Tables(new LocalFileIO()).load(table.location()).snapshots().size());
  }
}
