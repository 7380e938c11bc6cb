package io.floe.jdbc;

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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A warehouse for the driver's tests, written through the Catalog and table APIs: {@code shop.all_types} (a row of
 * every type and a row of nulls) and {@code shop.numbers} ({@link #NUMBER_ROWS} rows in {@link #NUMBER_FILES}
 * files).
 */
final class JdbcTestWarehouse {
  static final int NUMBER_FILES = 8;
  static final int NUMBER_ROWS = NUMBER_FILES * 5000;
  static final LocalDateTime TIMESTAMP = LocalDateTime.of(2024, 3, 1, 12, 34, 56, 789_012_000);
  static final OffsetDateTime TIMESTAMPTZ = OffsetDateTime.of(2024, 3, 1, 12, 34, 56, 0, ZoneOffset.UTC);
  static final LocalTime TIME = LocalTime.of(10, 15, 30, 123_456_000);
  static final LocalDate DATE = LocalDate.of(2024, 2, 29);
  static final BigDecimal DECIMAL = new BigDecimal("12345.67");
  static final String TEXT = "héllo 'q'";
  static final byte[] BYTES = {1, 2, (byte) 0xff};

  private JdbcTestWarehouse() {
  }

  static Map<String, String> properties(Path warehouse) {
    return Map.of(Catalogs.WAREHOUSE, warehouse.toString());
  }

  static void create(Path warehouse) {
    create(properties(warehouse));
  }

  static void create(Map<String, String> catalogProperties) {
    try (Catalog catalog = Catalogs.load(new HashMap<>(catalogProperties))) {
      catalog.createNamespace(Namespace.of("shop"));
      Schema allTypes = new Schema(
          NestedField.required(1, "id", Types.INT),
          NestedField.optional(2, "c_bool", Types.BOOLEAN),
          NestedField.optional(3, "c_int", Types.INT),
          NestedField.optional(4, "c_long", Types.LONG),
          NestedField.optional(5, "c_float", Types.FLOAT),
          NestedField.optional(6, "c_double", Types.DOUBLE),
          NestedField.optional(7, "c_decimal", Types.decimal(10, 2)),
          NestedField.optional(8, "c_date", Types.DATE),
          NestedField.optional(9, "c_time", Types.TIME),
          NestedField.optional(10, "c_ts", Types.TIMESTAMP),
          NestedField.optional(11, "c_tstz", Types.TIMESTAMPTZ),
          NestedField.optional(12, "c_string", Types.STRING),
          NestedField.optional(13, "c_binary", Types.BINARY));
      Table types = catalog.createTable(TableIdentifier.of("shop", "all_types"), allTypes);
      types.newAppend().appendRecords(List.of(
          GenericRecord.of(allTypes.asStruct(), 1, true, 42, 1_234_567_890_123L, 1.5f, 2.25, DECIMAL, DATE, TIME,
              TIMESTAMP, TIMESTAMPTZ, TEXT, BYTES),
          GenericRecord.of(allTypes.asStruct(), 2, null, null, null, null, null, null, null, null, null, null, null,
              null))).commit();
      Schema numberSchema = new Schema(
          NestedField.required(1, "id", Types.LONG),
          NestedField.required(2, "label", Types.STRING));
      Table numbers = catalog.createTable(TableIdentifier.of("shop", "numbers"), numberSchema);
      int perFile = NUMBER_ROWS / NUMBER_FILES;
      for (int f = 0; f < NUMBER_FILES; f++) {
        List<Record> rows = new ArrayList<>();
        for (int i = 0; i < perFile; i++) {
          long id = (long) f * perFile + i;
          rows.add(GenericRecord.of(numberSchema.asStruct(), id, "n" + id));
        }
        numbers.newAppend().appendRecords(rows).commit();
      }
    }
  }
}
