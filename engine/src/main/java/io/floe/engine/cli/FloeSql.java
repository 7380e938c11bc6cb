package io.floe.engine.cli;

import io.floe.jdbc.SqlText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * {@code floe sql}: runs SQL over a Floe warehouse through the JDBC driver. With {@code -e SQL} or {@code -f FILE}
 * it runs the statements in order, prints each result (table or CSV) and stops at the first error (exit status 1);
 * otherwise it starts an interactive sqlline shell, where long queries show their progress on standard error and
 * Ctrl-C cancels the running statement.
 */
public final class FloeSql {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private FloeSql() {
  }

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns its exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    ShellOptions options;
    try {
      options = ShellOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("floe sql: " + e.getMessage());
      err.println(ShellOptions.USAGE);
      return USAGE;
    }
    if (options.interactive()) {
      return InteractiveShell.run(options);
    }
    String script;
    if (options.file() != null) {
      try {
        script = Files.readString(Path.of(options.file()), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("floe sql: cannot read " + options.file() + ": " + e.getMessage());
        return USAGE;
      }
    } else {
      script = options.sql();
    }
    return runScript(options, SqlText.statements(script), out, err);
  }

  private static int runScript(ShellOptions options, List<String> statements, PrintStream out, PrintStream err) {
    Map<String, String> progress = System.console() != null ? Map.of("progress", "true") : Map.of();
    ResultPrinter printer = new ResultPrinter(out, options.format());
    try (Connection connection = DriverManager.getConnection(options.url(progress));
         Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        try {
          if (statement.execute(sql)) {
            printer.print(statement.getResultSet());
            statement.getResultSet().close();
          } else if (!options.format().equals("csv")) {
            long count = statement.getLargeUpdateCount();
            out.println(count + (count == 1 ? " row" : " rows") + " affected");
          }
        } catch (SQLException e) {
          err.println("Error: " + describe(e));
          err.println("  in statement: " + firstLine(sql));
          return FAILED;
        }
      }
      return OK;
    } catch (SQLException e) {
      err.println("Error: " + describe(e));
      return FAILED;
    }
  }

  /** The message and SQLState of an error. */
  static String describe(SQLException e) {
    return e.getMessage() + " (SQLState " + e.getSQLState() + ")";
  }

  private static String firstLine(String sql) {
    int nl = sql.indexOf('\n');
    return nl < 0 ? sql : sql.substring(0, nl) + " ...";
  }
}
