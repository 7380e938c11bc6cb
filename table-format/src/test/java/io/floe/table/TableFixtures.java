package io.floe.table;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A small events table shape and deterministic rows for table tests. */
public final class TableFixtures {
  public static final Schema EVENTS = new Schema(
      NestedField.required(1, "id", Types.LONG),
      NestedField.required(2, "ts", Types.TIMESTAMP),
      NestedField.optional(3, "region", Types.STRING),
      NestedField.optional(4, "amount", Types.decimal(10, 2)));

  public static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);

  private static final String[] REGIONS = {"EU", "US", "APAC", null};

  private TableFixtures() {
  }

  /** Rows with ids [first, first+count): one per hour from START, region cycling EU/US/APAC/null. */
  public static List<Record> events(long first, int count) {
    List<Record> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long id = first + i;
      rows.add(GenericRecord.of(EVENTS.asStruct(), id, START.plusHours(id), REGIONS[(int) (id % 4)],
          id % 5 == 0 ? null : BigDecimal.valueOf(id * 3 % 100_000, 2)));
    }
    return rows;
  }

  public static long id(Record r) {
    return (Long) r.get(0);
  }
}
