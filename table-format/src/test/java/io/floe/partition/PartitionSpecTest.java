package io.floe.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.data.IcebergRows;
import io.floe.data.Record;
import io.floe.types.IcebergTypes;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.RandomValues;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.Types;
import java.util.List;
import java.util.Random;
import org.apache.iceberg.PartitionKey;
import org.junit.jupiter.api.Test;

class PartitionSpecTest {
  static final StructType LOC = Types.struct(NestedField.optional(21, "city", Types.STRING), NestedField.required(22, "zip", Types.INT));
  static final Schema SCHEMA = new Schema(
      NestedField.required(1, "id", Types.LONG),
      NestedField.optional(2, "data", Types.STRING),
      NestedField.optional(3, "ts", Types.TIMESTAMP),
      NestedField.optional(4, "tstz", Types.TIMESTAMPTZ),
      NestedField.optional(5, "d", Types.DATE),
      NestedField.optional(6, "price", Types.decimal(9, 2)),
      NestedField.optional(7, "u", Types.UUID),
      NestedField.optional(8, "b", Types.BINARY),
      NestedField.optional(9, "f", Types.fixed(4)),
      NestedField.optional(10, "i", Types.INT),
      NestedField.optional(11, "t", Types.TIME),
      NestedField.optional(12, "flag", Types.BOOLEAN),
      NestedField.optional(13, "dbl", Types.DOUBLE),
      NestedField.optional(14, "flt", Types.FLOAT),
      NestedField.optional(20, "loc", LOC),
      NestedField.optional(30, "tags", Types.list(31, Types.STRING, false)));

  @Test
  void buildsWithIcebergsDefaultNamesAndIds() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).withSpecId(3)
        .identity("data").bucket("id", 16).truncate("price", 50).year("d").month("ts", "ts_m").day("tstz")
        .alwaysNull("flag").identity("loc.city").bucket("loc.zip", 4, "zipb").build();
    org.apache.iceberg.PartitionSpec theirs = org.apache.iceberg.PartitionSpec.builderFor(IcebergTypes.toIceberg(SCHEMA))
        .identity("data").bucket("id", 16).truncate("price", 50).year("d").month("ts", "ts_m").day("tstz")
        .alwaysNull("flag").identity("loc.city").bucket("loc.zip", 4, "zipb").build();
    assertEquals(3, spec.specId());
    assertEquals(theirs.fields().size(), spec.fields().size());
    for (int i = 0; i < spec.fields().size(); i++) {
      PartitionField ours = spec.fields().get(i);
      org.apache.iceberg.PartitionField ice = theirs.fields().get(i);
      assertEquals(ice.name(), ours.name());
      assertEquals(ice.fieldId(), ours.fieldId());
      assertEquals(ice.sourceId(), ours.sourceId());
      assertEquals(ice.transform().toString(), ours.transform().toString());
    }
    assertEquals(theirs.partitionType(), IcebergTypes.toIceberg(spec.partitionType()));
    assertEquals(1008, spec.lastAssignedFieldId());
    assertEquals(List.of("ts_m"), spec.fieldsBySourceId(3).stream().map(PartitionField::name).toList());
    assertEquals(List.of("data"), spec.fieldsBySourceId(2).stream().map(PartitionField::name).toList());
  }

  @Test
  void partitionsRowsAndWritesPathsLikeIceberg() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA)
        .identity("data").bucket("id", 16).truncate("data", 3).day("ts").hour("tstz").month("d").truncate("price", 50)
        .bucket("u", 8).truncate("b", 2).bucket("f", 5).identity("i").identity("t").identity("flag").identity("dbl")
        .identity("flt").identity("loc.city").bucket("loc.zip", 3).identity("ts", "ts_raw").identity("tstz", "tstz_raw")
        .identity("b", "b_raw").identity("price", "price_raw").identity("u", "u_raw").build();
    org.apache.iceberg.Schema iceSchema = IcebergTypes.toIceberg(SCHEMA);
    org.apache.iceberg.PartitionSpec iceSpec = org.apache.iceberg.PartitionSpec.builderFor(iceSchema)
        .identity("data").bucket("id", 16).truncate("data", 3).day("ts").hour("tstz").month("d").truncate("price", 50)
        .bucket("u", 8).truncate("b", 2).bucket("f", 5).identity("i").identity("t").identity("flag").identity("dbl")
        .identity("flt").identity("loc.city").bucket("loc.zip", 3).identity("ts", "ts_raw").identity("tstz", "tstz_raw")
        .identity("b", "b_raw").identity("price", "price_raw").identity("u", "u_raw").build();
    Partitioner partitioner = new Partitioner(spec);
    PartitionKey key = new PartitionKey(iceSpec, iceSchema);
    Random r = new Random(5);
    for (int n = 0; n < 3000; n++) {
      Record row = randomRow(r, SCHEMA.asStruct());
      Record partition = partitioner.partitionOf(row);
      assertEquals(spec.partitionType(), partition.struct());
      key.partition(IcebergRows.toStructLike(row));
      for (int i = 0; i < spec.fields().size(); i++) {
        assertEquals(key.get(i, Object.class), partition.get(i), spec.fields().get(i).name() + " of " + row);
      }
      assertEquals(iceSpec.partitionToPath(key), spec.partitionPath(partition));
    }
  }

  @Test
  void pathsAreUrlEncoded() {
    Schema schema = new Schema(NestedField.optional(1, "a b", Types.STRING), NestedField.optional(2, "ts", Types.TIMESTAMP));
    PartitionSpec spec = PartitionSpec.builderFor(schema).identity("a b").day("ts").build();
    assertEquals("a+b=x%2Fy%3Dz/ts_day=2017-11-16", spec.partitionPath(GenericRecord.of(spec.partitionType(), "x/y=z", 17486)));
    assertEquals("a+b=null/ts_day=null", spec.partitionPath(GenericRecord.of(spec.partitionType(), null, null)));
    assertEquals("", PartitionSpec.unpartitioned(schema).partitionPath(GenericRecord.of(PartitionSpec.unpartitioned(schema).partitionType())));
  }

  @Test
  void addsFieldsWithExplicitIdsForParsers() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA)
        .add(3, 1005, "ts_day", new Transform.Day())
        .add(1, 1002, "id_bucket", new Transform.Bucket(8))
        .identity("data")
        .build();
    assertEquals(List.of(1005, 1002, 1006), spec.fields().stream().map(PartitionField::fieldId).toList());
    // a spec read from metadata may name a field like a column added later, or repeat a time transform
    PartitionSpec read = PartitionSpec.builderFor(SCHEMA).add(3, 1000, "data", new Transform.Day()).add(3, 1001, "h", new Transform.Hour()).build();
    assertEquals(2, read.fields().size());
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).add(99, 1000, "x", new Transform.Identity()), "unknown source column id 99");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).add(13, 1000, "x", new Transform.Bucket(2)), "does not apply to type double");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).add(1, 1000, "x", new Transform.Identity()).add(2, 1001, "x", new Transform.Identity()),
        "duplicate partition field name 'x'");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).add(1, 1000, "x", new Transform.Identity()).add(2, 1000, "y", new Transform.Identity()),
        "reuses field id 1000");
  }

  @Test
  void rejectsInvalidFieldsWithClearMessages() {
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).identity("nope"), "unknown column 'nope'");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).bucket("flt", 4), "bucket[4] of column 'flt'");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).bucket("flt", 4), "type float");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).hour("d"), "hour of column 'd'");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).truncate("u", 4), "type uuid");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).identity("loc"), "not primitive");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).identity("tags.element"), "inside a list or map");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).day("ts").hour("ts"), "redundant");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).year("ts", "y1").year("ts", "y2"), "redundant");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).bucket("id", 4).bucket("data", 4, "id_bucket"), "duplicate partition field name 'id_bucket'");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).bucket("id", 4, "data"), "name of a column");
    assertMessage(() -> PartitionSpec.builderFor(SCHEMA).identity("id", "data"), "name of a column");
    // allowed: two different buckets of a column, an identity named as its own column, void of anything
    PartitionSpec ok = PartitionSpec.builderFor(SCHEMA).bucket("id", 4).bucket("id", 8, "id_b8").identity("id", "id")
        .alwaysNull("loc").build();
    assertEquals(4, ok.fields().size());
    assertTrue(PartitionSpec.builderFor(SCHEMA).alwaysNull("id").build().isUnpartitioned());
  }

  static Record randomRow(Random r, StructType struct) {
    GenericRecord row = new GenericRecord(struct);
    for (int i = 0; i < struct.fields().size(); i++) {
      NestedField f = struct.fields().get(i);
      if (f.isOptional() && r.nextInt(8) == 0) {
        continue;
      }
      row.set(i, randomValue(r, f.type()));
    }
    return row;
  }

  private static Object randomValue(Random r, Type type) {
    if (type instanceof StructType s) {
      return randomRow(r, s);
    } else if (type instanceof io.floe.types.ListType l) {
      return List.of(randomValue(r, l.elementType()));
    }
    return RandomValues.value(r, (PrimitiveType) type);
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' should contain '" + expected + "'");
  }
}
