package io.floe.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell in a pseudo-terminal (script(1)): a query prints its table, a long statement shows its
 * progress, Ctrl-C cancels it and the shell keeps running, {@code !quit} ends it. Waits are for expected output,
 * with generous limits; nothing depends on how long a step takes.
 */
class FloeSqlInteractiveTest {
  private static final long WAIT_SECONDS = 240;

  @TempDir
  Path dir;

  /** The terminal's output so far, and how much of it the test has consumed. */
  private static final class Screen {
    private final StringBuilder text = new StringBuilder();
    private int consumed;

    synchronized void append(String more) {
      text.append(more);
      notifyAll();
    }

    /** Waits until {@code expected} appears after what was consumed, and consumes up to its end. */
    synchronized void await(String expected) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      int at;
      while ((at = text.indexOf(expected, consumed)) < 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no '" + expected + "' in the terminal within " + WAIT_SECONDS + " s; it shows:\n"
              + text.substring(consumed));
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      consumed = at + expected.length();
    }
  }

  private static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  @Test
  void queriesShowProgressAndCtrlCCancelsTheStatementNotTheShell() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) provides the pseudo-terminal");
    Path warehouse = dir.resolve("warehouse");
    ShellWarehouse.create(warehouse);
    List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Duser.home=" + dir, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), FloeSql.class.getName(),
        "--warehouse", warehouse.toString(), "--schema", "shop"));
    StringBuilder command = new StringBuilder("stty cols 160 rows 50; exec");
    for (String arg : java) {
      command.append(' ').append(quote(arg));
    }
    Process process = new ProcessBuilder("script", "-qfec", command.toString(), "/dev/null")
        .redirectErrorStream(true).start();
    Screen screen = new Screen();
    Thread reader = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = process.getInputStream()) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        screen.append("\n[terminal closed: " + e.getMessage() + "]");
      }
    });
    reader.setDaemon(true);
    reader.start();
    try (OutputStream keyboard = process.getOutputStream()) {
      screen.await("jdbc:floe:");
      type(keyboard, "SELECT count(*) AS total_rows FROM numbers;\n");
      screen.await("| " + ShellWarehouse.NUMBER_ROWS);
      screen.await("jdbc:floe:");
      type(keyboard, "SELECT count(*) AS triples FROM numbers a, numbers b, numbers c WHERE a.id + b.id + c.id < 0;\n");
      screen.await("scanned");
      type(keyboard, "\u0003");
      screen.await("statement cancelled");
      screen.await("jdbc:floe:");
      type(keyboard, "SELECT 6 * 7 AS answer FROM items WHERE id = 1;\n");
      screen.await("| 42");
      screen.await("jdbc:floe:");
      type(keyboard, "!quit\n");
      assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "the shell ends on !quit");
      assertEquals(0, process.exitValue());
    } finally {
      process.destroyForcibly();
    }
  }

  private static void type(OutputStream keyboard, String keys) throws IOException {
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }
}
