package io.floe.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.parquet.SampleData;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArrowRowsTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked");
    allocator.close();
  }

  @Test
  void rootRoundTripsRecordsOfEveryType() {
    for (Schema schema : List.of(SampleData.primitives(), SampleData.nested())) {
      List<Record> rows = SampleData.rows(schema, 700, 21);
      try (VectorSchemaRoot root = ArrowRows.toRoot(schema, rows, allocator)) {
        assertEquals(rows.size(), root.getRowCount());
        assertEquals(rows, ArrowRows.toRecords(root, schema));
      }
    }
  }

  @Test
  void rowViewReturnsInternalValues() {
    Schema schema = new Schema(
        NestedField.required(1, "ts", Types.TIMESTAMPTZ),
        NestedField.optional(2, "day", Types.DATE),
        NestedField.optional(3, "dec", Types.decimal(10, 2)),
        NestedField.optional(4, "u", Types.UUID),
        NestedField.optional(5, "bin", Types.BINARY),
        NestedField.optional(6, "s", Types.STRING));
    UUID uuid = UUID.randomUUID();
    Record row = GenericRecord.of(schema.asStruct(), 1_700_000_000_000_000L, 19000, new BigDecimal("12.34"), uuid,
        ByteBuffer.wrap(new byte[] {1, 2}), "héllo");
    Record empty = GenericRecord.of(schema.asStruct(), 5L, null, null, null, null, null);
    try (VectorSchemaRoot root = ArrowRows.toRoot(schema, List.of(row, empty), allocator)) {
      ArrowRowView view = ArrowRows.rowView(root, schema, 0);
      assertEquals(1_700_000_000_000_000L, view.get(0));
      assertEquals(19000, view.get(1));
      assertEquals(new BigDecimal("12.34"), view.get(2));
      assertEquals(uuid, view.get(3));
      assertEquals(ByteBuffer.wrap(new byte[] {1, 2}), view.get(4));
      assertEquals("héllo", view.getField("s"));
      assertEquals(row, view);
      assertEquals(view, row);
      assertEquals(row.hashCode(), view.hashCode());
      assertEquals(row.toString(), view.toString());
      assertEquals(empty, view.at(1));
      assertEquals("[5, null, null, null, null, null]", view.toString());
      assertThrows(UnsupportedOperationException.class, () -> view.set(0, 1L));
    }
  }

  @Test
  void selectCopiesChosenRowsInOrder() {
    Schema schema = SampleData.nested();
    List<Record> rows = SampleData.rows(schema, 100, 22);
    int[] chosen = {99, 3, 3, 50, 0, 7};
    try (VectorSchemaRoot root = ArrowRows.toRoot(schema, rows, allocator);
        VectorSchemaRoot selected = ArrowRows.select(root, chosen, 5, allocator)) {
      assertEquals(5, selected.getRowCount());
      assertEquals(root.getSchema(), selected.getSchema());
      List<Record> out = ArrowRows.toRecords(selected, schema);
      for (int i = 0; i < 5; i++) {
        assertEquals(rows.get(chosen[i]), out.get(i), "selected row " + i);
      }
    }
    try (VectorSchemaRoot root = ArrowRows.toRoot(schema, rows, allocator);
        VectorSchemaRoot none = ArrowRows.select(root, new int[0], 0, allocator)) {
      assertEquals(0, none.getRowCount());
    }
  }

  @Test
  void selectCopiesRunsOfConsecutiveRowsWithTheirNullsAndLengths() {
    Schema schema = new Schema(NestedField.required(1, "id", Types.LONG), NestedField.optional(2, "s", Types.STRING),
        NestedField.optional(3, "d", Types.decimal(12, 3)), NestedField.optional(4, "b", Types.BOOLEAN),
        NestedField.optional(5, "day", Types.DATE));
    List<Record> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(GenericRecord.of(schema.asStruct(), (long) i * 7, i % 5 == 0 ? null : "v".repeat(i % 9),
          i % 3 == 0 ? null : BigDecimal.valueOf(i * 1001L, 3), i % 4 == 0 ? null : i % 2 == 0, i % 6 == 0 ? null : i));
    }
    int[] chosen = {0, 1, 2, 3, 4, 10, 11, 12, 40, 41, 41, 42, 100, 296, 297, 298, 299};
    try (VectorSchemaRoot root = ArrowRows.toRoot(schema, rows, allocator);
        VectorSchemaRoot selected = ArrowRows.select(root, chosen, chosen.length, allocator)) {
      List<Record> out = ArrowRows.toRecords(selected, schema);
      assertEquals(chosen.length, out.size());
      for (int i = 0; i < chosen.length; i++) {
        assertEquals(rows.get(chosen[i]), out.get(i), "selected row " + i);
      }
    }
  }

  @Test
  void badValuesNameTheColumn() {
    Schema schema = new Schema(NestedField.required(1, "n", Types.INT), NestedField.optional(2, "when", Types.DATE));
    IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
        () -> ArrowRows.toRoot(schema, List.of(GenericRecord.of(schema.asStruct(), 1, "2024-01-01")), allocator));
    assertTrue(wrongType.getMessage().contains("'when'"), wrongType.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> ArrowRows.toRoot(schema, List.of(GenericRecord.of(schema.asStruct(), null, 3)), allocator));
    assertTrue(missing.getMessage().contains("'n'"), missing.getMessage());
  }
}
