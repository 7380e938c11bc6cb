package io.floe.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.engine.tpch.TpchGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load display: one line rewritten in place on a terminal, one line per committed table otherwise. */
class LoadProgressTest {
  private static final Map<String, Long> EXPECTED = new LinkedHashMap<>(Map.of("orders", 100L));

  @Test
  void rewritesOneLineOnATerminal() {
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("orders", 100L);
    expected.put("lineitem", 300L);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LoadProgress progress = new LoadProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, expected);
    progress.progress("lineitem", 200, 300);
    progress.loaded(new TpchGenerator.LoadedTable(TableIdentifier.of(Namespace.of("tpch"), "orders"), 100, 1));
    progress.finish();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("\r   [") && !out.contains("\n"), out);
    assertTrue(out.contains("[###############     ] 75%") && out.contains("1/2 tables  lineitem 200"), out);
    assertTrue(out.endsWith("\r"), "the last line is cleared: " + out);
  }

  @Test
  void printsALinePerTableOtherwise() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LoadProgress progress = new LoadProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, EXPECTED);
    progress.progress("orders", 50, 100);
    progress.loaded(new TpchGenerator.LoadedTable(TableIdentifier.of(Namespace.of("tpch"), "orders"), 100, 42));
    progress.finish();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(1, lines.length, String.join("\n", lines));
    assertTrue(lines[0].matches("   orders           100 rows +\\d+\\.\\d s  snapshot 42"), lines[0]);
  }
}
