package io.floe.examples;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.table.Table;
import io.floe.table.TableHistory;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An audit: what changed in a table between two points in time. It lists the commits in between (operation, who,
 * files and rows added and removed, from the snapshot history) and compares the table's rows as of both times (time
 * travel), row by row: added, removed and changed accounts. The demo table {@code audit.accounts} gets a few
 * commits first (opening balances, a correction, a closed account, a new one). Run it with
 * {@code ./floe example audit [--warehouse DIR]}.
 */
public final class AuditExample {
  static final TableIdentifier ACCOUNTS = TableIdentifier.of("audit", "accounts");

  private AuditExample() {
  }

  public static void main(String[] args) throws InterruptedException {
    run(ExampleArgs.warehouse(args), System.out);
  }

  /** What changed between two times: the commits in between and the rows added, removed and changed. */
  public record Changes(List<TableHistory.Entry> commits, Map<Long, Record> added, Map<Long, Record> removed,
                        Map<Long, Record[]> changed) {
  }

  /** Makes the demo's commits in {@code warehouse}, then audits the changes after the opening balances. */
  public static Changes run(Path warehouse, PrintStream out) throws InterruptedException {
    try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toAbsolutePath().toString()))) {
      if (catalog.tableExists(ACCOUNTS)) {
        catalog.dropTable(ACCOUNTS, true);
      } else if (!catalog.namespaceExists(ACCOUNTS.namespace())) {
        catalog.createNamespace(Namespace.of("audit"));
      }
      Schema schema = new Schema(
          NestedField.required(1, "account_id", Types.LONG),
          NestedField.required(2, "owner", Types.STRING),
          NestedField.required(3, "balance", Types.decimal(12, 2)));
      Table table = catalog.createTable(ACCOUNTS, schema);
      table.newAppend().appendRecords(List.of(account(schema, 1, "ada", "100.00"), account(schema, 2, "bob", "250.00"),
          account(schema, 3, "cy", "75.50"))).commit();
      long from = afterLastCommit(table);
      table.newOverwrite().overwriteByRowFilter(Expressions.equal("account_id", 2L))
          .addRecords(List.of(account(schema, 2, "bob", "205.00"))).commit();
      table.newDelete().deleteFromRowFilter(Expressions.equal("account_id", 3L)).commit();
      table.newAppend().appendRecords(List.of(account(schema, 4, "dee", "10.00"))).commit();
      long to = afterLastCommit(table);
      out.println("audit of " + ACCOUNTS + " from " + Instant.ofEpochMilli(from) + " to " + Instant.ofEpochMilli(to));
      Changes changes = between(table, from, to);
      print(changes, out);
      return changes;
    }
  }

  /** A time after the table's last commit (waits a millisecond so the next commit is later). */
  private static long afterLastCommit(Table table) throws InterruptedException {
    long time = table.currentSnapshot().timestampMs();
    while (System.currentTimeMillis() <= time + 1) {
      Thread.sleep(1);
    }
    return time;
  }

  /** The changes of {@code table} after {@code fromMillis} up to {@code toMillis} (both as of those times). */
  public static Changes between(Table table, long fromMillis, long toMillis) {
    List<TableHistory.Entry> commits = new ArrayList<>();
    for (TableHistory.Entry entry : table.snapshotHistory().entries()) {
      if (entry.mainAncestor() && entry.timestampMs() > fromMillis && entry.timestampMs() <= toMillis) {
        commits.add(entry);
      }
    }
    Map<Long, Record> before = byKey(table.newScan().asOfTime(fromMillis).records());
    Map<Long, Record> after = byKey(table.newScan().asOfTime(toMillis).records());
    Map<Long, Record> added = new TreeMap<>();
    Map<Long, Record> removed = new TreeMap<>();
    Map<Long, Record[]> changed = new TreeMap<>();
    for (Map.Entry<Long, Record> row : after.entrySet()) {
      Record old = before.get(row.getKey());
      if (old == null) {
        added.put(row.getKey(), row.getValue());
      } else if (!sameValues(old, row.getValue())) {
        changed.put(row.getKey(), new Record[] {old, row.getValue()});
      }
    }
    for (Map.Entry<Long, Record> row : before.entrySet()) {
      if (!after.containsKey(row.getKey())) {
        removed.put(row.getKey(), row.getValue());
      }
    }
    return new Changes(commits, added, removed, changed);
  }

  private static void print(Changes changes, PrintStream out) {
    out.println("commits:");
    for (TableHistory.Entry c : changes.commits()) {
      out.printf("  %s  %-9s by %-8s +%d/-%d files, +%d/-%d rows%n", Instant.ofEpochMilli(c.timestampMs()),
          c.operation(), c.user(), c.addedFiles(), c.deletedFiles(), c.addedRecords(), c.deletedRecords());
    }
    out.println("rows:");
    changes.added().forEach((id, row) -> out.println("  added   " + text(row)));
    changes.removed().forEach((id, row) -> out.println("  removed " + text(row)));
    changes.changed().forEach((id, rows) -> out.println("  changed " + text(rows[0]) + " -> " + text(rows[1])));
  }

  private static Map<Long, Record> byKey(List<Record> rows) {
    Map<Long, Record> byKey = new HashMap<>();
    for (Record row : rows) {
      byKey.put((Long) row.getField("account_id"), row);
    }
    return byKey;
  }

  private static boolean sameValues(Record a, Record b) {
    for (int i = 0; i < a.size(); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      boolean same = x instanceof BigDecimal dx && y instanceof BigDecimal dy ? dx.compareTo(dy) == 0
          : java.util.Objects.equals(x, y);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static String text(Record row) {
    return row.getField("account_id") + " " + row.getField("owner") + " " + row.getField("balance");
  }

  private static Record account(Schema schema, long id, String owner, String balance) {
    return GenericRecord.of(schema.asStruct(), id, owner, new BigDecimal(balance));
  }
}
