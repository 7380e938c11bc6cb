package io.floe.engine;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: a warehouse catalog with namespace {@code tt} holding {@code items} (unpartitioned) and
 * {@code events} (partitioned by region), each with several snapshots: appends, a copy-on-write delete and an
 * overwrite, plus a tag and a branch on {@code items}.
 */
public final class VersionedWarehouse implements AutoCloseable {
  public static final Schema ITEMS = new Schema(
      NestedField.required(1, "id", Types.LONG),
      NestedField.optional(2, "name", Types.STRING),
      NestedField.optional(3, "qty", Types.LONG));
  public static final Schema EVENTS = new Schema(
      NestedField.required(1, "region", Types.STRING),
      NestedField.required(2, "amount", Types.LONG));

  public final Catalog catalog;
  public final Table items;
  public final Table events;
  /** The snapshots of {@code items} on main, oldest first: append 1-5, append 6-8, delete id 2, overwrite id 6. */
  public final List<Snapshot> itemSnapshots = new ArrayList<>();
  /** The snapshot the branch {@code dev} of {@code items} points to (an append of id 100 on top of the tag). */
  public final Snapshot devHead;

  public VersionedWarehouse(Path dir) throws InterruptedException {
    catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, dir.toString()));
    catalog.createNamespace(Namespace.of("tt"));
    Table t = catalog.createTable(TableIdentifier.of("tt", "items"), ITEMS);
    List<Record> first = new ArrayList<>();
    for (long i = 1; i <= 5; i++) {
      first.add(item(i, "item" + i, i * 10));
    }
    itemSnapshots.add(commit(() -> t.newAppend().appendRecords(first).commit()));
    itemSnapshots.add(commit(() -> t.newAppend()
        .appendRecords(List.of(item(6, "item6", 60), item(7, null, 70), item(8, "item8", 80))).commit()));
    itemSnapshots.add(commit(() -> t.newDelete().deleteFromRowFilter(Expressions.equal("id", 2L)).commit()));
    t.manageSnapshots().createTag("v1", itemSnapshots.get(0).snapshotId())
        .createBranch("dev", itemSnapshots.get(1).snapshotId()).commit();
    devHead = commit(() -> t.newAppend().toBranch("dev").appendRecords(List.of(item(100, "dev", 1))).commit());
    itemSnapshots.add(commit(() -> t.newOverwrite().overwriteByRowFilter(Expressions.equal("id", 6L))
        .addRecords(List.of(item(6, "item6", 66))).commit()));
    items = catalog.loadTable(TableIdentifier.of("tt", "items"));

    Table e = catalog.createTable(TableIdentifier.of("tt", "events"), EVENTS,
        PartitionSpec.builderFor(EVENTS).identity("region").build());
    List<Record> rows = new ArrayList<>();
    for (String region : List.of("EU", "US")) {
      for (long i = 0; i < 3; i++) {
        rows.add(GenericRecord.of(EVENTS.asStruct(), region, i));
      }
    }
    commit(() -> e.newAppend().appendRecords(rows).commit());
    commit(() -> e.newAppend().appendRecords(List.of(GenericRecord.of(EVENTS.asStruct(), "APAC", 9L))).commit());
    events = catalog.loadTable(TableIdentifier.of("tt", "events"));
  }

  public static Record item(long id, String name, long qty) {
    return GenericRecord.of(ITEMS.asStruct(), id, name, qty);
  }

  /** Commits, then waits until the clock has moved on, so every snapshot has its own commit millisecond. */
  private static Snapshot commit(java.util.function.Supplier<Snapshot> commit) throws InterruptedException {
    Snapshot s = commit.get();
    while (System.currentTimeMillis() <= s.timestampMs() + 1) {
      Thread.sleep(2);
    }
    return s;
  }

  /** A SQL TIMESTAMP literal of an instant in {@code zone}, with milliseconds. */
  public static String timestampLiteral(long epochMillis, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    return String.format("TIMESTAMP '%04d-%02d-%02d %02d:%02d:%02d.%03d'", local.getYear(), local.getMonthValue(),
        local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond(), local.getNano() / 1_000_000);
  }

  @Override
  public void close() {
    catalog.close();
  }
}
