package io.floe.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.data.Values;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Types;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PartitionerTest {
  private static final StructType ADDRESS = Types.struct(NestedField.optional(4, "city", Types.STRING));
  private static final Schema SCHEMA = new Schema(
      NestedField.required(1, "id", Types.INT),
      NestedField.optional(2, "ts", Types.TIMESTAMP),
      NestedField.optional(3, "address", ADDRESS));
  private static final PartitionSpec SPEC = PartitionSpec.builderFor(SCHEMA)
      .day("ts").bucket("id", 16).identity("address.city").alwaysNull("id", "gone").build();

  @Test
  void computesPartitionTuplesIncludingNestedSources() {
    Partitioner p = new Partitioner(SPEC);
    Record row = GenericRecord.of(SCHEMA.asStruct(), 34,
        Values.toInternal(Types.TIMESTAMP, LocalDateTime.of(2017, 11, 16, 22, 31, 8)), GenericRecord.of(ADDRESS, "Paris"));
    Record partition = p.partitionOf(row);
    assertEquals(GenericRecord.of(SPEC.partitionType(), 17486, 3, "Paris", null), partition);
    assertEquals("ts_day=2017-11-16/id_bucket=3/address.city=Paris/gone=null", SPEC.partitionPath(partition));

    Record noAddress = GenericRecord.of(SCHEMA.asStruct(), 34, -1L, null);
    assertEquals(GenericRecord.of(SPEC.partitionType(), -1, 3, null, null), p.partitionOf(noAddress));
  }

  @Test
  void namesTheFieldWhenARowHoldsANonInternalValue() {
    Partitioner p = new Partitioner(SPEC);
    Record row = GenericRecord.of(SCHEMA.asStruct(), 34, LocalDateTime.of(2017, 11, 16, 22, 31, 8), null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.partitionOf(row));
    assertTrue(e.getMessage().contains("'ts_day'") && e.getMessage().contains("'ts'") && e.getMessage().contains("LocalDateTime"),
        e.getMessage());
  }
}
