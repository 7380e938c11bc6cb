package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.io.LocalFileIO;
import io.floe.metadata.StatisticsFile;
import io.floe.partition.PartitionSpec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.Sketches;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.puffin.BlobMetadata;
import org.apache.iceberg.puffin.Puffin;
import org.apache.iceberg.puffin.PuffinReader;
import org.apache.iceberg.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ComputeTableStatistics}: the distinct counts of a snapshot's columns in a Puffin statistics file that
 * Apache Iceberg lists for the snapshot and reads, each theta sketch estimating what its {@code ndv} says.
 */
class ComputeTableStatisticsTest {
  @TempDir
  Path dir;

  private Table table() {
    Table t = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), dir.resolve("t").toString(),
        Map.of(TableProperties.WRITE_DISTINCT_COUNTS, "false")); // no statistics files but ANALYZE's
    t.newAppend().appendRecords(TableFixtures.events(0, 300)).commit();
    t.newAppend().appendRecords(TableFixtures.events(300, 500)).commit();
    return t.refresh();
  }

  @Test
  void icebergReadsTheStatisticsFileAndItsSketchesOfEveryColumn() throws Exception {
    Table t = table();
    StatisticsFile file = t.computeStatistics().commit();
    long snapshotId = t.currentSnapshot().snapshotId();
    assertEquals(snapshotId, file.snapshotId());
    assertEquals(2, t.refresh().snapshots().size(), "no snapshot added");

    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(t.location());
    assertEquals(1, iceberg.statisticsFiles().size());
    org.apache.iceberg.StatisticsFile listed = iceberg.statisticsFiles().get(0);
    assertEquals(snapshotId, listed.snapshotId());
    Map<Integer, Long> ndvs = new HashMap<>();
    try (PuffinReader reader = Puffin.read(iceberg.io().newInputFile(listed.path()))
        .withFileSize(listed.fileSizeInBytes()).withFooterSize(listed.fileFooterSizeInBytes()).build()) {
      for (Pair<BlobMetadata, ByteBuffer> blob : reader.readAll(reader.fileMetadata().blobs())) {
        long ndv = Long.parseLong(blob.first().properties().get("ndv"));
        ndvs.put(blob.first().inputFields().get(0), ndv);
        ByteBuffer bytes = blob.second();
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        assertEquals(ndv, Math.round(Sketches.wrapSketch(Memory.wrap(array)).getEstimate()));
        assertEquals(snapshotId, blob.first().snapshotId());
      }
    }
    // id: 800 distinct; ts: one per id; region: 3 (NULL is no value); amount: id * 3 % 100000 of the 640 ids not divisible by 5
    assertEquals(Map.of(1, 800L, 2, 800L, 3, 3L, 4, 640L), ndvs);
    assertEquals(ndvs.keySet(), Map.copyOf(listed.blobMetadata().stream().collect(
        java.util.stream.Collectors.toMap(b -> b.fields().get(0), b -> b.properties().get("ndv")))).keySet());
  }

  @Test
  void namedColumnsOfAnEarlierSnapshot() {
    Table t = table();
    long first = t.snapshots().get(0).snapshotId();
    StatisticsFile file = t.computeStatistics().snapshot(first).columns(List.of("REGION", "id")).commit();
    assertEquals(first, file.snapshotId());
    assertEquals(List.of(List.of(3), List.of(1)), file.blobMetadata().stream().map(StatisticsFile.BlobMetadata::fields)
        .toList());
    assertEquals("300", file.blobMetadata().get(1).properties().get("ndv"));
    assertEquals(file, t.refresh().metadata().statisticsFile(first));
    assertNull(t.metadata().statisticsFile(t.currentSnapshot().snapshotId()));

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> t.computeStatistics().columns(List.of("nope")).commit());
    assertTrue(unknown.getMessage().contains("unknown column 'nope'"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.computeStatistics().snapshot(42).commit());
    assertNull(new Tables(new LocalFileIO()).create(TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS),
        dir.resolve("empty").toString(), Map.of()).computeStatistics().commit(), "no snapshot: nothing to compute");
  }
}
