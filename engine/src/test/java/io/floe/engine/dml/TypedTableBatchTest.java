package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.arrow.ArrowRows;
import io.floe.data.Record;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.ObjectColumn;
import io.floe.engine.expr.SqlStateException;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A batch of typed columns copied into the table's Arrow vectors holds what {@link RowConverter} makes of each row,
 * and a batch whose values need a cast or a check (an int out of range, a decimal over its precision, a null in a
 * required column, boxed values) is left to {@link RowConverter}.
 */
class TypedTableBatchTest {
  private static final Schema SCHEMA = new Schema(
      NestedField.required(1, "id", Types.LONG),
      NestedField.optional(2, "n", Types.INT),
      NestedField.optional(3, "price", Types.decimal(7, 2)),
      NestedField.optional(4, "wide", Types.decimal(20, 4)),
      NestedField.optional(5, "dt", Types.DATE),
      NestedField.optional(6, "ts", Types.TIMESTAMP),
      NestedField.optional(7, "x", Types.DOUBLE),
      NestedField.optional(8, "f", Types.FLOAT),
      NestedField.optional(9, "s", Types.STRING),
      NestedField.optional(10, "ok", Types.BOOLEAN));
  private static final int ROWS = 5;

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  private static LongColumn longs(LongColumn.Kind kind, int scale, long... values) {
    boolean[] nulls = new boolean[values.length];
    nulls[2] = kind != LongColumn.Kind.INTEGER || scale != 0; // a null in each column but id's
    return new LongColumn(values, nulls, values.length, kind, scale);
  }

  /** Columns of the engine's kinds: price at scale 3 (rounded to 2), wide from integers. */
  private static Column[] columns() {
    byte[] text = "alphabetagammaépsilon".getBytes(StandardCharsets.UTF_8);
    return new Column[] {
        new LongColumn(new long[] {1, 2, 3, 4, 5}, null, ROWS, LongColumn.Kind.INTEGER, 0),
        new LongColumn(new long[] {7, -8, 0, Integer.MAX_VALUE, Integer.MIN_VALUE}, new boolean[] {false, false, true,
            false, false}, ROWS, LongColumn.Kind.INTEGER, 0),
        longs(LongColumn.Kind.DECIMAL, 3, 1_005, -99_999_994, 0, 12_345, -5),
        longs(LongColumn.Kind.DECIMAL, 0, 123_456_789_012L, -3, 0, 0, -1),
        longs(LongColumn.Kind.DATE, 0, 0, -719_162, 0, 19_000, 2_932_896),
        new LongColumn(new long[] {0, -1, 5, 1_700_000_000_000_000L, 42}, new boolean[] {false, false, false, true,
            false}, ROWS, LongColumn.Kind.INTEGER, 0),
        new DoubleColumn(new double[] {1.5, Double.NaN, -0.0, 3e300, 0}, new boolean[] {false, false, false, false,
            true}, ROWS),
        new DoubleColumn(new double[] {1.25, -2, 0, 3e10, 7}, null, ROWS),
        new BytesColumn(text, new int[] {0, 5, 9, 14, 0}, new int[] {5, 4, 5, 8, 0}, new boolean[] {false, false,
            false, false, true}, ROWS, true),
        new BoolColumn(new boolean[] {true, false, true, false, false}, new boolean[] {false, false, false, true,
            false}, ROWS)};
  }

  private List<Record> converted(Batch batch) {
    RowConverter converter = new RowConverter(SCHEMA, "db.t");
    List<Record> rows = new ArrayList<>();
    for (int r = 0; r < batch.size(); r++) {
      rows.add(converter.toRecord(batch, r));
    }
    return rows;
  }

  @Test
  void typedColumnsHoldWhatTheRowConverterMakesOfEachRow() {
    Batch batch = new Batch(ROWS, columns());
    try (VectorSchemaRoot typed = TypedTableBatch.of(batch, SCHEMA, allocator)) {
      assertNotNull(typed);
      List<Record> copied = ArrowRows.toRecords(typed, SCHEMA);
      List<Record> expected = converted(batch);
      for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < SCHEMA.columns().size(); c++) {
          assertEquals(expected.get(r).get(c), copied.get(r).get(c), "row " + r + " column "
              + SCHEMA.columns().get(c).name());
        }
      }
    }
  }

  @Test
  void valuesThatNeedACastOrACheckAreLeftToTheRowConverter() {
    Column[] intOverflow = columns();
    intOverflow[1] = new LongColumn(new long[] {1, 2, 3, 1L << 31, 5}, null, ROWS, LongColumn.Kind.INTEGER, 0);
    Column[] decimalOverflow = columns();
    decimalOverflow[2] = longs(LongColumn.Kind.DECIMAL, 2, 1, 2, 0, 10_000_000, 5); // 100000.00 in decimal(7, 2)
    Column[] nullId = columns();
    nullId[0] = new LongColumn(new long[] {1, 2, 3, 4, 5}, new boolean[] {false, false, false, true, false}, ROWS,
        LongColumn.Kind.INTEGER, 0);
    Column[] boxed = columns();
    boxed[8] = new ObjectColumn(new Object[] {"a", "b", null, "d", "e"});
    for (Column[] columns : List.of(intOverflow, decimalOverflow, nullId)) {
      Batch batch = new Batch(ROWS, columns);
      assertNull(TypedTableBatch.of(batch, SCHEMA, allocator));
      SqlStateException e = assertThrows(SqlStateException.class, () -> converted(batch));
      assertEquals(columns == nullId ? "23502" : "22003", e.sqlState(), e.getMessage());
    }
    assertNull(TypedTableBatch.of(new Batch(ROWS, boxed), SCHEMA, allocator));
  }
}
