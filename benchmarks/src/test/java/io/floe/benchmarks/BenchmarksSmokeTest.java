package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark's setup, one invocation of each benchmark method and the teardown on tiny data, so the
 * build proves the benchmarks work (no timing is checked).
 */
class BenchmarksSmokeTest {
  static final List<String> HADOOP_FS = List.of(HadoopConfs.CHECKSUM, HadoopConfs.RAW);

  @Test
  void commitLatency() {
    CommitLatencyBenchmark bench = new CommitLatencyBenchmark();
    CommitLatencyBenchmark.FloeTable floe = new CommitLatencyBenchmark.FloeTable();
    floe.history = 3;
    floe.createDir();
    try {
      floe.createTable();
      assertEquals(3, floe.table.snapshots().size());
      assertEquals(CommitLatencyBenchmark.ROWS_PER_FILE, floe.template.recordCount());
      bench.floeAppend(floe);
      assertEquals(4, floe.table.snapshots().size());
      assertEquals("4", floe.table.currentSnapshot().summary().get("total-data-files"));
      floe.dropTable();
    } finally {
      floe.deleteDir();
    }
    assertFalse(Files.exists(floe.dir));

    for (String fs : HADOOP_FS) {
      CommitLatencyBenchmark.IcebergTable iceberg = new CommitLatencyBenchmark.IcebergTable();
      iceberg.history = 3;
      iceberg.hadoopFs = fs;
      iceberg.createDir();
      try {
        iceberg.createTable();
        bench.icebergFastAppend(iceberg);
        bench.icebergMergeAppend(iceberg);
        iceberg.table.refresh();
        assertEquals(5, iceberg.table.currentSnapshot().sequenceNumber(), fs);
        assertEquals("5", iceberg.table.currentSnapshot().summary().get("total-data-files"), fs);
        assertEquals(CommitLatencyBenchmark.ROWS_PER_FILE, iceberg.template.recordCount());
        iceberg.dropTable();
      } finally {
        iceberg.deleteDir();
      }
    }
  }

  @Test
  void scanPlanning() {
    ScanPlanningBenchmark bench = new ScanPlanningBenchmark();
    ScanPlanningBenchmark.Shape shape = new ScanPlanningBenchmark.Shape();
    shape.days = 20;
    shape.appends = 4;
    ScanPlanningBenchmark.FloeTable floe = new ScanPlanningBenchmark.FloeTable();
    floe.create(shape);
    try {
      assertEquals(ScanPlanningBenchmark.BUCKETS, bench.floePlanOneDay(floe));
      assertEquals(200, bench.floePlanAll(floe));
      assertEquals(4, floe.table.snapshots().size());
    } finally {
      floe.delete();
    }
    for (String fs : HADOOP_FS) {
      ScanPlanningBenchmark.IcebergTable iceberg = new ScanPlanningBenchmark.IcebergTable();
      iceberg.hadoopFs = fs;
      iceberg.create(shape);
      try {
        assertEquals(ScanPlanningBenchmark.BUCKETS, bench.icebergPlanOneDay(iceberg), fs);
        assertEquals(200, bench.icebergPlanAll(iceberg), fs);
        assertEquals(4, iceberg.table.currentSnapshot().allManifests(iceberg.table.io()).size(), fs);
      } finally {
        iceberg.delete();
      }
    }
  }

  @Test
  void fullScan() {
    FullScanBenchmark bench = new FullScanBenchmark();
    FullScanBenchmark.IcebergWritten icebergWritten = new FullScanBenchmark.IcebergWritten();
    icebergWritten.rows = 5_000;
    FullScanBenchmark.FloeWritten floeWritten = new FullScanBenchmark.FloeWritten();
    floeWritten.rows = 5_000;
    icebergWritten.write();
    try {
      floeWritten.write();
      try {
        FullScanBenchmark.ScanResult expected = bench.icebergReadsIcebergFiles(icebergWritten);
        assertEquals(5_000, expected.rows());
        assertTrue(expected.orderkeySum() > 0);
        // both readers, on both writers' files, see the same rows
        assertEquals(expected, bench.floeReadsIcebergFiles(icebergWritten));
        assertEquals(expected, bench.floeReadsFloeFiles(floeWritten));
        assertEquals(expected, bench.icebergReadsFloeFiles(floeWritten));
      } finally {
        floeWritten.delete();
      }
    } finally {
      icebergWritten.delete();
    }
  }

  @Test
  void lineitemsAreDeterministic() {
    StringBuilder first = new StringBuilder();
    StringBuilder second = new StringBuilder();
    Lineitems.generate(7, 50, r -> first.append(r.orderkey).append(r.comment).append(r.shipdate).append('|'));
    Lineitems.generate(7, 50, r -> second.append(r.orderkey).append(r.comment).append(r.shipdate).append('|'));
    assertEquals(first.toString(), second.toString());
    Lineitems.generate(7, 1_000, r -> {
      assertTrue(r.linenumber >= 1 && r.linenumber <= 7);
      assertTrue(r.receiptdate > r.shipdate);
      assertTrue(r.discount >= 0 && r.discount <= 10);
      assertTrue(r.comment.length() >= 10 && r.comment.length() <= 43);
    });
  }
}
