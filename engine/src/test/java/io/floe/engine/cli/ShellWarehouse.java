package io.floe.engine.cli;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shell tests' warehouse: {@code shop.items} (three rows, one with nulls) and {@code shop.numbers}
 * ({@link #NUMBER_ROWS} rows in {@link #NUMBER_FILES} files: a three-way cross join of them, 6.4e13 rows, runs until
 * cancelled).
 */
final class ShellWarehouse {
  static final int NUMBER_FILES = 4;
  static final int NUMBER_ROWS = NUMBER_FILES * 10_000;

  private ShellWarehouse() {
  }

  static void create(Path warehouse) {
    try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toString()))) {
      catalog.createNamespace(Namespace.of("shop"));
      Schema items = new Schema(
          NestedField.required(1, "id", Types.LONG),
          NestedField.optional(2, "name", Types.STRING),
          NestedField.optional(3, "price", Types.decimal(8, 2)));
      catalog.createTable(TableIdentifier.of("shop", "items"), items).newAppend().appendRecords(List.of(
          GenericRecord.of(items.asStruct(), 1L, "apple", new BigDecimal("1.50")),
          GenericRecord.of(items.asStruct(), 2L, "pear, \"green\"", new BigDecimal("12.00")),
          GenericRecord.of(items.asStruct(), 3L, null, null))).commit();
      Schema numberSchema = new Schema(NestedField.required(1, "id", Types.LONG));
      Table numbers = catalog.createTable(TableIdentifier.of("shop", "numbers"), numberSchema);
      int perFile = NUMBER_ROWS / NUMBER_FILES;
      for (int f = 0; f < NUMBER_FILES; f++) {
        List<Record> rows = new ArrayList<>();
        for (int i = 0; i < perFile; i++) {
          rows.add(GenericRecord.of(numberSchema.asStruct(), (long) f * perFile + i));
        }
        numbers.newAppend().appendRecords(rows).commit();
      }
    }
  }
}
