package io.floe.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code floe sql} driven non-interactively: -e and -f, table and CSV output, errors and exit statuses. */
class FloeSqlShellTest {
  @TempDir
  static Path warehouse;

  @BeforeAll
  static void setUp() {
    ShellWarehouse.create(warehouse);
  }

  /** The exit status, standard output and standard error of one run. */
  private record Run(int status, String out, String err) {
  }

  private static Run run(String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = FloeSql.run(args, o, e);
    }
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsATable() throws IOException {
    Run run = run("--warehouse", warehouse.toString(), "--schema", "shop", "-e",
        "SELECT id, name, price FROM items ORDER BY id");
    assertEquals(0, run.status(), run.err());
    assertEquals(String.join("\n",
        "+----+---------------+-------+",
        "| id | name          | price |",
        "+----+---------------+-------+",
        "|  1 | apple         |  1.50 |",
        "|  2 | pear, \"green\" | 12.00 |",
        "|  3 | NULL          |  NULL |",
        "+----+---------------+-------+",
        "3 rows", ""), run.out());
  }

  @Test
  void printsCsv() throws IOException {
    Run run = run("--warehouse", warehouse.toString(), "--output", "csv", "-e",
        "SELECT id, name FROM shop.items ORDER BY id");
    assertEquals(0, run.status(), run.err());
    assertEquals("id,name\n1,apple\n2,\"pear, \"\"green\"\"\"\n3,\n", run.out());
  }

  @Test
  void runsAFileOfStatements() throws IOException {
    Path script = warehouse.resolveSibling(warehouse.getFileName() + "-script.sql");
    Files.writeString(script, String.join("\n",
        "-- two queries; the semicolon in the string does not split",
        "SELECT count(*) AS n FROM numbers;",
        "/* block; comment */",
        "SELECT 'a;b' AS text FROM items WHERE id = 1;",
        "-- the end"));
    Run run = run("--warehouse", warehouse.toString(), "--property", "schema=shop", "--output", "csv",
        "-f", script.toString());
    assertEquals(0, run.status(), run.err());
    assertEquals("n\n" + ShellWarehouse.NUMBER_ROWS + "\ntext\na;b\n", run.out());
  }

  @Test
  void stopsAtTheFirstErrorWithItsSqlState() throws IOException {
    Run run = run("--warehouse", warehouse.toString(), "--schema", "shop", "--output", "csv", "-e",
        "SELECT 1 AS first_one FROM items WHERE id = 1; SELECT nope FROM items; SELECT 2 AS two FROM items WHERE id = 1");
    assertEquals(FloeSql.FAILED, run.status());
    assertEquals("first_one\n1\n", run.out(), "statements after the error do not run");
    assertTrue(run.err().contains("nope") && run.err().contains("SQLState 42S22"), run.err());
  }

  @Test
  void badOptionsPrintTheUsage() throws IOException {
    Run run = run("--output", "xml", "-e", "SELECT 1");
    assertEquals(FloeSql.USAGE, run.status());
    assertTrue(run.err().contains("--output must be table or csv") && run.err().contains("usage: floe sql"),
        run.err());
    assertEquals(FloeSql.USAGE, run("-e", "x", "-f", "y").status());
    Run missing = run("-f", warehouse.resolve("missing.sql").toString());
    assertEquals(FloeSql.USAGE, missing.status());
    assertTrue(missing.err().contains("missing.sql"), missing.err());
  }

  @Test
  void optionsBuildTheDriverUrl() {
    ShellOptions options = ShellOptions.parse("--warehouse", "s3://bucket/wh", "--property", "s3.endpoint=http://h:9000",
        "--schema", "sales");
    assertEquals("jdbc:floe:s3://bucket/wh?s3.endpoint=http%3A%2F%2Fh%3A9000&schema=sales&progress=true",
        options.url(java.util.Map.of("progress", "true")));
    assertEquals("jdbc:floe:", ShellOptions.parse().url(java.util.Map.of()));
    assertTrue(ShellOptions.parse().interactive());
    assertEquals(List.of("SELECT 1", "SELECT ';'"), io.floe.jdbc.SqlText.statements("SELECT 1; SELECT ';' ;"));
  }
}
