package io.floe.examples;

import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.TableScanStats;
import io.floe.engine.tpch.TpchGenerator;
import io.floe.engine.tpch.TpchTables;
import io.floe.metadata.Snapshot;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Floe's main job ({@code ./floe quickstart [--warehouse DIR] [--scale SF]}): in a local warehouse (default
 * {@code ./warehouse}) it loads TPC-H (default scale factor 0.05) into partitioned tables {@code tpch.*}, runs
 * TPC-H queries 1, 3 and 6, updates rows of lineitem, and compares the data before and after by time travel.
 * Everything but the load is SQL on an embedded {@link FloeSession}; running it again replaces the tables.
 */
public final class QuickstartExample {
  /** The schema (warehouse namespace) the quickstart writes. */
  public static final String SCHEMA = "tpch";
  public static final double DEFAULT_SCALE = 0.05;

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
      .withZone(ZoneOffset.UTC);

  private static final String Q1 = """
      SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty,
             sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price, avg(l_discount) AS avg_disc,
             count(*) AS count_order
      FROM lineitem
      WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY
      GROUP BY l_returnflag, l_linestatus
      ORDER BY l_returnflag, l_linestatus""";
  private static final String Q3 = """
      SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority
      FROM customer, orders, lineitem
      WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey
        AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15'
      GROUP BY l_orderkey, o_orderdate, o_shippriority
      ORDER BY revenue DESC, o_orderdate
      LIMIT 5""";
  /** TPC-H Q6's filter; {@code %s} is the lineitem table reference (with or without a time-travel clause). */
  private static final String Q6_OVER = """
      SELECT sum(l_extendedprice * l_discount) AS revenue
      FROM %s
      WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01'
        AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24""";
  /** A view (an Iceberg view in the catalog) whose filter prunes lineitem's partitions wherever it is read. */
  private static final String VIEW = """
      CREATE OR REPLACE VIEW lineitem_1994 COMMENT 'lineitem rows shipped in 1994' AS
      SELECT * FROM lineitem WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01'""";
  private static final String UPDATE = """
      UPDATE lineitem SET l_discount = 0.06
      WHERE l_shipmode = 'AIR' AND l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01'""";

  /** What the quickstart did and found. */
  public record Outcome(long rowsLoaded, long rowsUpdated, long snapshotBefore, long snapshotAfter,
      BigDecimal revenueBefore, BigDecimal revenueAtTimeBefore, BigDecimal revenueAfter, long changedRowsByJoin,
      BigDecimal revenueThroughView) {
  }

  private final PrintStream out;
  private final boolean terminal;
  private final long start = System.nanoTime();

  private QuickstartExample(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  public static void main(String[] args) throws Exception {
    Path warehouse = Paths.get("warehouse");
    double scale = DEFAULT_SCALE;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("-h") || option.equals("--help")) {
        System.out.println("usage: ./floe quickstart [--warehouse DIR] [--scale SF]   (defaults: ./warehouse, "
            + DEFAULT_SCALE + ")");
        return;
      }
      if (i + 1 == args.length || !(option.equals("--warehouse") || option.equals("--scale"))) {
        System.err.println("floe quickstart: unknown option or missing value: " + option
            + " (usage: ./floe quickstart [--warehouse DIR] [--scale SF])");
        System.exit(2);
      }
      String value = args[++i];
      if (option.equals("--warehouse")) {
        warehouse = Paths.get(value);
      } else {
        scale = parseScale(value);
      }
    }
    run(warehouse, scale, System.out, System.console() != null);
  }

  private static double parseScale(String value) {
    try {
      double scale = Double.parseDouble(value);
      if (scale > 0 && !Double.isInfinite(scale)) {
        return scale;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    System.err.println("floe quickstart: --scale needs a positive number (a TPC-H scale factor), not " + value);
    System.exit(2);
    return 0;
  }

  /**
   * Runs the quickstart in {@code warehouse} at TPC-H scale factor {@code scale}, writing to {@code out}
   * ({@code terminal}: progress on one line rewritten in place).
   */
  public static Outcome run(Path warehouse, double scale, PrintStream out, boolean terminal) throws SQLException {
    return new QuickstartExample(out, terminal).run(warehouse.toAbsolutePath(), scale);
  }

  private Outcome run(Path warehouse, double scale) throws SQLException {
    out.printf("Floe quickstart: warehouse %s, TPC-H scale factor %s%n", warehouse, scale);
    try (FloeSession session = FloeSession.open(warehouse, SCHEMA)) {
      long rowsLoaded = load(session, scale);
      BigDecimal throughView = runQueries(session);
      return updateAndTimeTravel(session, warehouse, rowsLoaded, throughView);
    }
  }

  /** Drops the TPC-H tables of an earlier run, then generates them anew with a progress display. */
  private long load(FloeSession session, double scale) throws SQLException {
    heading("1. Load TPC-H at scale factor " + scale + " into partitioned tables " + SCHEMA + ".*");
    out.printf("   (from SQL: CALL system.generate_tpch(scale => %s, schema => '%s'))%n", scale, SCHEMA);
    int dropped = 0;
    if (column(session, "SHOW SCHEMAS").contains(SCHEMA)) {
      List<Object> existing = column(session, "SHOW TABLES FROM " + SCHEMA);
      for (String table : TpchTables.names()) {
        if (existing.contains(table)) {
          update(session, "DROP TABLE " + SCHEMA + "." + table + " PURGE");
          dropped++;
        }
      }
    }
    if (dropped > 0) {
      out.printf("   dropped the %d tables of the previous run (DROP TABLE ... PURGE)%n", dropped);
    }
    update(session, "CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
    Map<String, Long> expectedRows = new LinkedHashMap<>();
    TpchTables.names().forEach(table -> expectedRows.put(table, TpchTables.expectedRows(table, scale)));
    LoadProgress progress = new LoadProgress(out, terminal, expectedRows);
    long began = System.nanoTime();
    List<TpchGenerator.LoadedTable> loaded = new TpchGenerator(session.catalog(), Namespace.of(SCHEMA), scale)
        .listener(progress)
        .generate();
    progress.finish();
    long rows = loaded.stream().mapToLong(TpchGenerator.LoadedTable::rows).sum();
    out.printf("   loaded %,d rows into 8 tables in %.1f s%n", rows, seconds(began));
    if (terminal) {
      StringBuilder counts = new StringBuilder("  ");
      for (int i = 0; i < loaded.size(); i++) {
        counts.append(i == 4 ? "\n  " : "").append(String.format(" %-9s %,9d", loaded.get(i).id().name(),
            loaded.get(i).rows()));
      }
      out.println(counts);
    }
    TextTable partitions = query(session, "SELECT count(*) AS partitions, sum(file_count) AS files "
        + "FROM \"lineitem$partitions\"");
    out.printf("   lineitem is partitioned by year(l_shipdate): %s partitions, %s data files%n",
        partitions.get(0, 0), partitions.get(0, 1));
    return rows;
  }

  /** Runs the queries; returns Q6's revenue read through the view. */
  private BigDecimal runQueries(FloeSession session) throws SQLException {
    heading("2. TPC-H queries");
    show(session, "Q1 pricing summary report", Q1);
    show(session, "Q3 shipping priority (top 5)", Q3);
    show(session, "Q6 forecasting revenue change", String.format(Q6_OVER, "lineitem"));
    out.println();
    sql(VIEW);
    update(session, VIEW);
    TextTable viewed = show(session, "Q6 over the view lineitem_1994 (its filter is the year's)", """
        SELECT sum(l_extendedprice * l_discount) AS revenue
        FROM lineitem_1994
        WHERE l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24""");
    return (BigDecimal) viewed.get(0, 0);
  }

  private Outcome updateAndTimeTravel(FloeSession session, Path warehouse, long rowsLoaded, BigDecimal throughView)
      throws SQLException {
    heading("3. Update rows");
    long before = ((Number) query(session, "SELECT snapshot_id FROM \"lineitem$snapshots\" "
        + "ORDER BY committed_at DESC LIMIT 1").get(0, 0)).longValue();
    String timeBefore = TIMESTAMP.format(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    pause();
    out.printf("   lineitem is at snapshot %d; the time is %s%n", before, timeBefore);
    sql(UPDATE);
    long began = System.nanoTime();
    long updated = update(session, UPDATE);
    double updateSeconds = seconds(began);
    Snapshot current = session.catalog().loadTable(TableIdentifier.of(Namespace.of(SCHEMA), "lineitem"))
        .currentSnapshot();
    long after = current.snapshotId();
    out.printf("   %,d rows updated in %.2f s: new snapshot %d%n", updated, updateSeconds, after);
    out.printf("   (copy-on-write: %s of %s data files rewritten, %s partition changed)%n", current.summary().get("deleted-data-files"),
        current.summary().get("total-data-files"), current.summary().get("changed-partition-count"));

    heading("4. Time travel: Q6 before and after the update");
    String compare = String.format(Q6_OVER, "lineitem FOR VERSION AS OF " + before)
        .replace("SELECT ", "SELECT 'before (by snapshot id)' AS version, ")
        + "\nUNION ALL\n"
        + String.format(Q6_OVER, "lineitem FOR SYSTEM_TIME AS OF TIMESTAMP '" + timeBefore + "'")
        .replace("SELECT ", "SELECT 'before (by time)', ")
        + "\nUNION ALL\n"
        + String.format(Q6_OVER, "lineitem").replace("SELECT ", "SELECT 'after (current)', ");
    TextTable revenues = show(session, "Q6 revenue in three versions of lineitem", compare);
    String join = """
        SELECT EXTRACT(QUARTER FROM n.l_shipdate) AS quarter, count(*) AS changed_rows,
               avg(o.l_discount) AS avg_discount_before, avg(n.l_discount) AS avg_discount_after
        FROM lineitem AS n JOIN lineitem FOR VERSION AS OF %d AS o
          ON n.l_orderkey = o.l_orderkey AND n.l_linenumber = o.l_linenumber
        WHERE n.l_discount <> o.l_discount
          AND n.l_shipdate >= DATE '1994-01-01' AND n.l_shipdate < DATE '1995-01-01'
          AND o.l_shipdate >= DATE '1994-01-01' AND o.l_shipdate < DATE '1995-01-01'
        GROUP BY EXTRACT(QUARTER FROM n.l_shipdate)
        ORDER BY quarter""".formatted(before);
    TextTable changes = show(session, "rows changed: the current version joined with the old one", join);
    show(session, "the table's snapshots", """
        SELECT committed_at, snapshot_id, parent_id, operation FROM "lineitem$snapshots" ORDER BY committed_at""");
    long changedRows = changes.rows().stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum();
    out.printf("%nDone in %.1f s. The tables stay in %s; query them with%n  ./floe sql --warehouse %s --schema %s%n",
        seconds(start), warehouse.resolve(SCHEMA), warehouse, SCHEMA);
    return new Outcome(rowsLoaded, updated, before, after, (BigDecimal) revenues.get(0, 1),
        (BigDecimal) revenues.get(1, 1), (BigDecimal) revenues.get(2, 1), changedRows, throughView);
  }

  /** Runs {@code sql}, prints its text, result and time, and returns the result. */
  private TextTable show(FloeSession session, String title, String sql) throws SQLException {
    out.println();
    out.println("   -- " + title);
    sql(sql);
    long began = System.nanoTime();
    QueryResult result = session.execute(sql);
    TextTable table = TextTable.of(result);
    double seconds = seconds(began);
    out.print(table.render("   "));
    out.printf("   (%d %s, %.2f s%s)%n", table.rows().size(), table.rows().size() == 1 ? "row" : "rows", seconds,
        pruning(result.scans()));
    return table;
  }

  /** "; lineitem: 12 of 14 files pruned" per table whose scans skipped files by partition. */
  private static String pruning(List<TableScanStats> scans) {
    Map<String, long[]> byTable = new LinkedHashMap<>();
    for (TableScanStats scan : scans) {
      String table = scan.table().substring(scan.table().lastIndexOf('/') + 1);
      long[] files = byTable.computeIfAbsent(table, t -> new long[2]);
      files[0] += scan.metrics().filesSkippedByPartition();
      files[1] += scan.metrics().filesTotal();
    }
    StringBuilder text = new StringBuilder();
    byTable.forEach((table, files) -> {
      if (files[0] > 0) {
        text.append(String.format("; %s: %d of %d files pruned", table, files[0], files[1]));
      }
    });
    return text.toString();
  }

  private void sql(String sql) {
    for (String line : sql.split("\n")) {
      out.println("   " + line);
    }
  }

  private void heading(String text) {
    out.println();
    out.println(text);
  }

  private static TextTable query(FloeSession session, String sql) throws SQLException {
    return TextTable.of(session.execute(sql));
  }

  private static List<Object> column(FloeSession session, String sql) throws SQLException {
    return query(session, sql).rows().stream().map(r -> r.get(0) instanceof String s ? s.toLowerCase(Locale.ROOT)
        : r.get(0)).toList();
  }

  private static long update(FloeSession session, String sql) throws SQLException {
    try (QueryResult result = session.execute(sql)) {
      return result.updateCount();
    }
  }

  /** Lets the clock move on, so the time read before the update is before the update's commit. */
  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
