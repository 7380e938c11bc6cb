package io.floe.examples;

import io.floe.engine.tpch.TpchGenerator;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows the progress of a TPC-H load: on a terminal one line rewritten in place (the share of rows written, the
 * tables committed and those being written), otherwise one line per table as it is committed.
 */
final class LoadProgress implements TpchGenerator.Listener {
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private final Map<String, long[]> tables = new LinkedHashMap<>();
  private long lastDrawn;
  private int lastWidth;

  /** A display of the load of {@code expectedRows.keySet()}, each expected to get about so many rows. */
  LoadProgress(PrintStream out, boolean terminal, Map<String, Long> expectedRows) {
    this.out = out;
    this.terminal = terminal;
    expectedRows.forEach((name, rows) -> tables.put(name, new long[] {0, rows, 0}));   // written, expected, committed
    if (terminal) {
      draw();
    }
  }

  @Override
  public synchronized void progress(String table, long rowsWritten, long expectedRows) {
    long[] state = tables.get(table);
    state[0] = rowsWritten;
    state[1] = expectedRows;
    long now = System.nanoTime();
    if (terminal && now - lastDrawn > REDRAW_NANOS) {
      lastDrawn = now;
      draw();
    }
  }

  @Override
  public synchronized void loaded(TpchGenerator.LoadedTable table) {
    long[] state = tables.get(table.id().name());
    state[0] = table.rows();
    state[2] = 1;
    if (terminal) {
      draw();
    } else {
      out.printf("   %-9s %,10d rows  %5.1f s  snapshot %d%n", table.id().name(), table.rows(), seconds(),
          table.snapshotId());
    }
  }

  /** Ends the display: clears the in-place line on a terminal. */
  synchronized void finish() {
    if (terminal) {
      out.print("\r" + " ".repeat(lastWidth) + "\r");
      out.flush();
    }
  }

  private void draw() {
    long written = 0;
    long expected = 0;
    int committed = 0;
    StringBuilder writing = new StringBuilder();
    for (Map.Entry<String, long[]> t : tables.entrySet()) {
      long[] state = t.getValue();
      written += state[0];
      expected += Math.max(state[0], state[1]);
      if (state[2] == 1) {
        committed++;
      } else if (state[0] > 0 && writing.length() < 40) {
        writing.append(String.format("  %s %,d", t.getKey(), state[0]));
      }
    }
    int percent = expected == 0 ? 0 : (int) Math.min(99, 100 * written / expected);
    String text = String.format("   [%-20s] %2d%% %5.1f s  %d/%d tables%s", "#".repeat(percent / 5), percent,
        seconds(), committed, tables.size(), written == 0 ? "  (building the generator's text pool)" : writing);
    out.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
    out.flush();
    lastWidth = text.length();
  }

  private double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
