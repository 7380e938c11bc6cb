package io.floe.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's examples run, each through its main, and do what they say. */
class ExamplesTest {
  @TempDir
  Path warehouse;

  private static String capture(ThrowingRun run) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      run.run();
    } finally {
      System.setOut(previous);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private interface ThrowingRun {
    void run() throws Exception;
  }

  @Test
  void theBatchJobCommitsEachBatchOnce() throws Exception {
    String[] args = {"--warehouse", warehouse.toString()};
    String first = capture(() -> BatchJobExample.main(args));
    assertTrue(first.contains("this run committed 3 of 3 batches"), first);
    assertTrue(first.contains("jobs.orders: 1500 rows in 3 snapshots"), first);
    String second = capture(() -> BatchJobExample.main(args));
    assertTrue(second.contains("batch 2 (2026-11-02): already committed"), second);
    assertTrue(second.contains("jobs.orders: 1500 rows in 3 snapshots; this run committed 0 of 3 batches"), second);
  }

  @Test
  void theArrowLoadCommitsEveryBatchAsOneSnapshot() throws Exception {
    String[] args = {"--warehouse", warehouse.toString()};
    String first = capture(() -> ArrowAppendExample.main(args));
    assertTrue(first.contains("appended 200000 rows in 20 Arrow batches"), first);
    assertTrue(first.contains("arrow.readings: 200000 rows in 1 snapshots"), first);
    String second = capture(() -> ArrowAppendExample.main(args));
    assertTrue(second.contains("arrow.readings: 400000 rows in 2 snapshots"), second);
    // readings 0..399999, sensor id % 4; every 50th value missing: ids divisible by 100 (north) and 50 mod 100 (east)
    List<List<Object>> rows = new ArrayList<>();
    try (FloeSession session = FloeSession.open(warehouse, "arrow");
         QueryResult result = session.execute("SELECT sensor, count(*), count(celsius), min(reading_id), "
             + "max(reading_id) FROM readings GROUP BY sensor ORDER BY sensor")) {
      for (VectorSchemaRoot next = result.nextBatch(); next != null; next = result.nextBatch()) {
        try (VectorSchemaRoot batch = next) {
          for (int r = 0; r < batch.getRowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (FieldVector column : batch.getFieldVectors()) {
              Object value = column.getObject(r);
              row.add(value instanceof Long ? value : String.valueOf(value));
            }
            rows.add(row);
          }
        }
      }
    }
    assertEquals(List.of(
        List.of("east", 100_000L, 96_000L, 2L, 399_998L),
        List.of("north", 100_000L, 96_000L, 0L, 399_996L),
        List.of("south", 100_000L, 100_000L, 1L, 399_997L),
        List.of("west", 100_000L, 100_000L, 3L, 399_999L)), rows);
  }

  @Test
  void theJdbcApplicationQueriesThroughTheDriver() throws Exception {
    String out = capture(() -> JdbcExample.main(new String[] {"--warehouse", warehouse.toString()}));
    assertTrue(out.contains("connected to Floe at jdbc:floe:"), out);
    assertTrue(out.contains("table jobs.orders"), out);
    // days 2 and 3: of each day's 500 orders, order i is in region i % 3: 167 EU, 167 US, 166 APAC
    assertTrue(out.matches("(?s).*\\nAPAC\\s+332\\s.*\\nEU\\s+334\\s.*\\nUS\\s+334\\s.*"), out);
    assertTrue(out.contains("2026-11-03T20:45"), "the last order of day 3: " + out);
  }

  @Test
  void theAuditShowsWhatChangedBetweenTwoTimes() throws Exception {
    String out = capture(() -> AuditExample.main(new String[] {"--warehouse", warehouse.toString()}));
    AuditExample.Changes changes = AuditExample.run(warehouse, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    // deleting account 3 rewrites the file that held it: an overwrite
    assertEquals(List.of("overwrite", "overwrite", "append"),
        changes.commits().stream().map(c -> c.operation()).toList(), out);
    assertEquals(List.of(4L), List.copyOf(changes.added().keySet()));
    assertEquals(List.of(3L), List.copyOf(changes.removed().keySet()));
    assertEquals(List.of(2L), List.copyOf(changes.changed().keySet()));
    assertEquals(0, new BigDecimal("205.00").compareTo((BigDecimal) changes.changed().get(2L)[1].getField("balance")));
    assertTrue(out.contains("added   4 dee 10.00"), out);
    assertTrue(out.contains("removed 3 cy 75.50"), out);
    assertTrue(out.contains("changed 2 bob 250.00 -> 2 bob 205.00"), out);
  }
}
