package io.floe.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job runs, twice in a row, and says what it did. */
class QuickstartExampleTest {
  @TempDir
  Path warehouse;

  @Test
  void runsAndRerunsOnTheSameWarehouse() throws Exception {
    for (int run = 0; run < 2; run++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Table table = QuickstartExample.run(warehouse, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      String out = bytes.toString(StandardCharsets.UTF_8);
      assertEquals(4, table.snapshots().size(), out);
      assertTrue(out.contains("time travel to the first snapshot"), out);
      assertTrue(out.contains(": 3000 rows"), "the first snapshot had 3000 rows: " + out);
      assertTrue(out.contains("APAC rows then: 1000, now: 3"), out);
      assertTrue(out.contains("rows on 2026-11-02: 667"), out);
    }
  }
}
