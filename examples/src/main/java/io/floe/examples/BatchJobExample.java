package io.floe.examples;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.partition.PartitionSpec;
import io.floe.table.AppendFiles;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A nightly batch job: loads one day of orders per batch into the partitioned table {@code jobs.orders} of a
 * warehouse catalog, each batch an idempotent commit ({@code idempotent(application, batch version)}). Run it twice:
 * the second run finds every batch committed and commits nothing, so a job retried after a crash never loads a day
 * twice. Run it with {@code ./floe example batch-job [--warehouse DIR]}.
 */
public final class BatchJobExample {
  static final String APPLICATION = "orders-nightly-load";
  static final TableIdentifier ORDERS = TableIdentifier.of("jobs", "orders");
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
  static final int DAYS = 3;
  static final int ORDERS_PER_DAY = 500;
  private static final String[] REGIONS = {"EU", "US", "APAC"};

  private BatchJobExample() {
  }

  public static void main(String[] args) {
    run(ExampleArgs.warehouse(args), System.out);
  }

  /** Loads every day's batch into {@code warehouse}; returns how many batches this run committed. */
  public static int run(Path warehouse, PrintStream out) {
    try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toAbsolutePath().toString()))) {
      Table orders = ordersTable(catalog);
      int committed = 0;
      for (int day = 0; day < DAYS; day++) {
        long batchVersion = day + 1;
        LocalDate date = FIRST_DAY.plusDays(day);
        AppendFiles append = orders.newAppend().idempotent(APPLICATION, batchVersion)
            .appendRecords(ordersOf(orders.schema(), date, day * ORDERS_PER_DAY));
        long snapshotId = append.commit().snapshotId();
        if (append.skippedAsDuplicate()) {
          out.printf("batch %d (%s): already committed in snapshot %d, skipped%n", batchVersion, date, snapshotId);
        } else {
          committed++;
          out.printf("batch %d (%s): committed snapshot %d with %d orders%n", batchVersion, date, snapshotId,
              ORDERS_PER_DAY);
        }
      }
      orders.refresh();
      out.printf("%s: %s rows in %d snapshots; this run committed %d of %d batches%n", ORDERS,
          orders.currentSnapshot().summary().get("total-records"), orders.snapshots().size(), committed, DAYS);
      return committed;
    }
  }

  private static Table ordersTable(Catalog catalog) {
    if (catalog.tableExists(ORDERS)) {
      return catalog.loadTable(ORDERS);
    }
    if (!catalog.namespaceExists(ORDERS.namespace())) {
      catalog.createNamespace(Namespace.of("jobs"));
    }
    Schema schema = new Schema(
        NestedField.required(1, "order_id", Types.LONG),
        NestedField.required(2, "order_ts", Types.TIMESTAMP),
        NestedField.required(3, "region", Types.STRING),
        NestedField.required(4, "amount", Types.decimal(10, 2)));
    PartitionSpec spec = PartitionSpec.builderFor(schema).day("order_ts").identity("region").build();
    return catalog.createTable(ORDERS, schema, spec);
  }

  private static List<Record> ordersOf(Schema schema, LocalDate date, long firstId) {
    List<Record> rows = new ArrayList<>(ORDERS_PER_DAY);
    for (int i = 0; i < ORDERS_PER_DAY; i++) {
      LocalDateTime ts = date.atStartOfDay().plusSeconds(i * 150L);
      BigDecimal amount = BigDecimal.valueOf(1000 + (i * 37L) % 9000, 2);
      rows.add(GenericRecord.of(schema.asStruct(), firstId + i, ts, REGIONS[i % REGIONS.length], amount));
    }
    return rows;
  }
}
