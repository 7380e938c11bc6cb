package io.floe.engine.cli;

import io.floe.jdbc.FloeDriver;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import sqlline.SqlLine;

/**
 * The interactive shell: sqlline connected through the Floe driver with progress reports on. sqlline cancels the
 * running statement ({@link java.sql.Statement#cancel()}) on Ctrl-C and keeps the shell.
 */
final class InteractiveShell {
  private InteractiveShell() {
  }

  static int run(ShellOptions options) throws IOException {
    List<String> args = List.of(
        "-d", FloeDriver.class.getName(),
        "-u", options.url(Map.of("progress", "true")),
        "-n", "",
        "-p", "",
        "--connectInteractionMode=notAskCredentials",
        "--outputformat=" + options.format(),
        "--showWarnings=false",
        "--nullValue=NULL");
    SqlLine.Status status = SqlLine.start(args.toArray(new String[0]), null, true);
    return status == SqlLine.Status.OK ? FloeSql.OK : FloeSql.FAILED;
  }
}
