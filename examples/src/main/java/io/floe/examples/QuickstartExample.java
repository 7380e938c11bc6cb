package io.floe.examples;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.scan.TableScan;
import io.floe.table.Table;
import io.floe.table.Tables;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Floe's main job until the SQL quickstart exists: writes a partitioned table in a local warehouse through the
 * Java API, commits several snapshots (appends, a delete, an overwrite), and reads older snapshots back by time
 * travel. Run it with {@code ./floe quickstart [--warehouse DIR]} (default {@code ./warehouse}).
 */
public final class QuickstartExample {
  private static final String[] REGIONS = {"EU", "US", "APAC"};

  private QuickstartExample() {
  }

  public static void main(String[] args) throws IOException {
    Path warehouse = Paths.get(args.length >= 2 && args[0].equals("--warehouse") ? args[1] : "warehouse");
    run(warehouse, System.out);
  }

  /** Runs the example in {@code warehouse} and returns the table it made. */
  public static Table run(Path warehouse, PrintStream out) throws IOException {
    Path location = warehouse.toAbsolutePath().resolve("examples").resolve("events");
    if (Files.exists(location)) {
      out.println("removing the previous run's table at " + location);
      deleteRecursively(location);
    }
    Schema schema = new Schema(
        NestedField.required(1, "event_id", Types.LONG),
        NestedField.required(2, "ts", Types.TIMESTAMP),
        NestedField.required(3, "region", Types.STRING),
        NestedField.optional(4, "amount", Types.decimal(10, 2)));
    PartitionSpec spec = PartitionSpec.builderFor(schema).day("ts").identity("region").build();
    Table table = new Tables(new LocalFileIO()).create(schema, spec, location.toString(),
        Map.of("write.target-file-size-bytes", Long.toString(64L * 1024 * 1024)));
    out.println("created table " + location + " partitioned by " + table.spec().fields());

    table.newAppend().appendRecords(events(schema, 0, 3000, LocalDateTime.of(2026, 11, 1, 0, 0))).commit();
    Snapshot first = table.currentSnapshot();
    report(out, "append day 1-3", table);
    sleepTick();
    table.newAppend().appendRecords(events(schema, 3000, 3000, LocalDateTime.of(2026, 11, 4, 0, 0))).commit();
    report(out, "append day 4-6", table);
    sleepTick();
    table.newDelete().deleteFromRowFilter(Expressions.equal("region", "APAC")).commit();
    report(out, "delete region = APAC", table);
    sleepTick();
    table.newOverwrite()
        .overwriteByRowFilter(Expressions.lessThan("event_id", 100L))
        .addRecords(events(schema, 100_000, 10, LocalDateTime.of(2026, 11, 7, 0, 0)))
        .commit();
    report(out, "overwrite event_id < 100 with 10 new events", table);

    out.println();
    out.println("history:");
    for (Snapshot s : table.snapshots()) {
      out.printf("  snapshot %d  %-9s total-records=%s%n", s.snapshotId(), s.operation(), s.summary().get("total-records"));
    }
    out.println();
    TableScan asOfFirst = table.newScan().useSnapshot(first.snapshotId());
    out.println("time travel to the first snapshot " + first.snapshotId() + ": " + asOfFirst.records().size() + " rows");
    TableScan asOfTime = table.newScan().asOfTime(first.timestampMs());
    out.println("time travel to " + java.time.Instant.ofEpochMilli(first.timestampMs()) + ": " + asOfTime.records().size() + " rows");
    TableScan apacThen = table.newScan().useSnapshot(first.snapshotId()).filter(Expressions.equal("region", "APAC"));
    out.println("APAC rows then: " + apacThen.records().size() + ", now: "
        + table.newScan().filter(Expressions.equal("region", "APAC")).records().size());
    TableScan oneDay = table.newScan().filter(Expressions.and(
        Expressions.greaterThanOrEqual("ts", LocalDateTime.of(2026, 11, 2, 0, 0)),
        Expressions.lessThan("ts", LocalDateTime.of(2026, 11, 3, 0, 0))));
    int rows = oneDay.records().size();
    out.println("rows on 2026-11-02: " + rows + " (" + oneDay.metrics() + ")");
    return table;
  }

  private static List<Record> events(Schema schema, long firstId, int count, LocalDateTime start) {
    List<Record> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long id = firstId + i;
      rows.add(GenericRecord.of(schema.asStruct(), id, start.plusMinutes(i * 1440L * 3 / count),
          REGIONS[(int) (id % REGIONS.length)], id % 7 == 0 ? null : BigDecimal.valueOf(id % 10_000, 2)));
    }
    return rows;
  }

  private static void report(PrintStream out, String what, Table table) {
    Snapshot s = table.currentSnapshot();
    out.printf("committed snapshot %d (%s): %s%n", s.snapshotId(), what, s.summary());
  }

  /** Snapshots a millisecond apart at least, so that time travel by timestamp can tell them apart. */
  private static void sleepTick() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
