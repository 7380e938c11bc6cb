package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Runs the S3 benchmarks' setups, each benchmark method once and the teardowns on tiny data (no timing is checked). */
class S3BenchmarksSmokeTest {
  @Test
  void s3Scan() throws Exception {
    S3ScanBenchmark bench = new S3ScanBenchmark();
    S3ScanBenchmark.S3Lineitem s = new S3ScanBenchmark.S3Lineitem();
    s.rows = 5000;
    s.setUp();
    try {
      assertEquals(5000, bench.floeScanRangedReads(s).rows());
      assertEquals(bench.floeScanRangedReads(s), bench.floeScanWholeObjectGet(s));
      assertEquals(bench.floeScanRangedReads(s), bench.icebergScanS3FileIO(s));
      assertEquals(s.dataFileBytes, bench.floeBytes(s));
      assertEquals(s.dataFileBytes, bench.icebergBytes(s));
      S3ScanBenchmark.ThrottledLink link = new S3ScanBenchmark.ThrottledLink();
      link.setUp(s);
      try {
        assertEquals(s.dataFileBytes, bench.floeBytesAt50MBps(s, link));
        assertEquals(s.dataFileBytes, bench.icebergBytesAt50MBps(s, link));
      } finally {
        link.tearDown();
      }
    } finally {
      s.tearDown();
    }
    assertFalse(Files.exists(s.dir));
  }

  @Test
  void s3Commit() throws Exception {
    S3CommitBenchmark bench = new S3CommitBenchmark();
    S3CommitBenchmark.S3Table t = new S3CommitBenchmark.S3Table();
    t.setUp();
    try {
      bench.floeAppendOnS3(t);
      bench.floeAppendOnS3(t);
      assertEquals(2, t.table.snapshots().size());
      assertEquals(2 * S3CommitBenchmark.ROWS, t.table.newScan().records().size());
    } finally {
      t.tearDown();
    }
  }
}
