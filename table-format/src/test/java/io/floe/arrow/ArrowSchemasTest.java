package io.floe.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

class ArrowSchemasTest {
  @Test
  void mapsEveryPrimitiveType() {
    Schema schema = new Schema(
        NestedField.required(1, "b", Types.BOOLEAN),
        NestedField.optional(2, "i", Types.INT),
        NestedField.optional(3, "l", Types.LONG),
        NestedField.optional(4, "f", Types.FLOAT),
        NestedField.optional(5, "d", Types.DOUBLE),
        NestedField.optional(6, "dec", Types.decimal(12, 3)),
        NestedField.optional(7, "date", Types.DATE),
        NestedField.optional(8, "time", Types.TIME),
        NestedField.optional(9, "ts", Types.TIMESTAMP),
        NestedField.optional(10, "tstz", Types.TIMESTAMPTZ),
        NestedField.optional(11, "s", Types.STRING),
        NestedField.optional(12, "u", Types.UUID),
        NestedField.optional(13, "fx", Types.fixed(7)),
        NestedField.optional(14, "bin", Types.BINARY));
    List<ArrowType> expected = List.of(
        ArrowType.Bool.INSTANCE, new ArrowType.Int(32, true), new ArrowType.Int(64, true),
        new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
        new ArrowType.Decimal(12, 3, 128), new ArrowType.Date(DateUnit.DAY), new ArrowType.Time(TimeUnit.MICROSECOND, 64),
        new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
        ArrowType.Utf8.INSTANCE, new ArrowType.FixedSizeBinary(16), new ArrowType.FixedSizeBinary(7), ArrowType.Binary.INSTANCE);
    org.apache.arrow.vector.types.pojo.Schema arrow = ArrowSchemas.toArrow(schema);
    for (int i = 0; i < expected.size(); i++) {
      Field field = arrow.getFields().get(i);
      assertEquals(expected.get(i), field.getType(), field.getName());
      assertEquals(i + 1, ArrowSchemas.fieldId(field));
      assertEquals(i != 0, field.isNullable());
      assertEquals(schema.columns().get(i).name(), field.getName());
    }
  }

  @Test
  void mapsNestedTypesWithIdsOnEveryField() {
    Schema schema = new Schema(
        NestedField.optional(1, "s", Types.struct(NestedField.required(2, "x", Types.INT))),
        NestedField.required(3, "l", Types.list(4, Types.STRING, false)),
        NestedField.optional(5, "m", Types.map(6, Types.STRING, 7, Types.LONG, true)));
    List<Field> fields = ArrowSchemas.toArrow(schema).getFields();
    Field struct = fields.get(0);
    assertEquals(ArrowType.Struct.INSTANCE, struct.getType());
    assertEquals(2, ArrowSchemas.fieldId(struct.getChildren().get(0)));
    assertFalse(struct.getChildren().get(0).isNullable());

    Field list = fields.get(1);
    assertEquals(ArrowType.List.INSTANCE, list.getType());
    assertFalse(list.isNullable());
    Field element = list.getChildren().get(0);
    assertEquals("element", element.getName());
    assertEquals(4, ArrowSchemas.fieldId(element));
    assertTrue(element.isNullable());

    Field map = fields.get(2);
    assertEquals(new ArrowType.Map(false), map.getType());
    Field entries = map.getChildren().get(0);
    assertEquals(ArrowType.Struct.INSTANCE, entries.getType());
    assertFalse(entries.isNullable());
    assertEquals(List.of("key", "value"), entries.getChildren().stream().map(Field::getName).toList());
    assertEquals(6, ArrowSchemas.fieldId(entries.getChildren().get(0)));
    assertFalse(entries.getChildren().get(0).isNullable());
    assertEquals(7, ArrowSchemas.fieldId(entries.getChildren().get(1)));
    assertFalse(entries.getChildren().get(1).isNullable());
  }
}
