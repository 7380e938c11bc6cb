package io.floe.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Values;
import io.floe.types.IcebergTypes;
import io.floe.types.PrimitiveType;
import io.floe.types.RandomValues;
import io.floe.types.Type;
import io.floe.types.TypeId;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.iceberg.util.SerializableFunction;
import org.junit.jupiter.api.Test;

class TransformsTest {
  private static final List<Transform> TRANSFORMS = List.of(new Transform.Identity(), new Transform.Bucket(1),
      new Transform.Bucket(16), new Transform.Bucket(1000), new Transform.Bucket(Integer.MAX_VALUE),
      new Transform.Truncate(1), new Transform.Truncate(3), new Transform.Truncate(10), new Transform.Truncate(1000),
      new Transform.Year(), new Transform.Month(), new Transform.Day(), new Transform.Hour(), new Transform.Void());

  @Test
  void hashesTheSpecsTestVectors() {
    assertEquals(2017239379, Transforms.hash(Types.INT, 34));
    assertEquals(2017239379, Transforms.hash(Types.LONG, 34L));
    assertEquals(-500754589, Transforms.hash(Types.decimal(9, 2), new BigDecimal("14.20")));
    assertEquals(-653330422, Transforms.hash(Types.DATE, Values.toInternal(Types.DATE, LocalDate.of(2017, 11, 16))));
    assertEquals(-662762989, Transforms.hash(Types.TIME, Values.toInternal(Types.TIME, LocalTime.of(22, 31, 8))));
    assertEquals(-2047944441, Transforms.hash(Types.TIMESTAMP,
        Values.toInternal(Types.TIMESTAMP, LocalDateTime.of(2017, 11, 16, 22, 31, 8))));
    assertEquals(-2047944441, Transforms.hash(Types.TIMESTAMPTZ,
        Values.toInternal(Types.TIMESTAMPTZ, OffsetDateTime.of(2017, 11, 16, 14, 31, 8, 0, ZoneOffset.ofHours(-8)))));
    assertEquals(1210000089, Transforms.hash(Types.STRING, "iceberg"));
    assertEquals(1488055340, Transforms.hash(Types.UUID, UUID.fromString("f79c3e09-677c-4bbd-a479-3f349cb785e7")));
    ByteBuffer bytes = ByteBuffer.wrap(new byte[] {0, 1, 2, 3});
    assertEquals(-188683207, Transforms.hash(Types.fixed(4), bytes));
    assertEquals(-188683207, Transforms.hash(Types.BINARY, bytes));
    // a buffer that is a slice of a larger array hashes only its own bytes
    ByteBuffer offset = ByteBuffer.wrap(new byte[] {9, 0, 1, 2, 3, 9}, 1, 4).slice();
    assertEquals(-188683207, Transforms.hash(Types.BINARY, offset));
    assertEquals(3, new Transform.Bucket(16).apply(Types.INT, 34));
    assertEquals(79, new Transform.Bucket(100).apply(Types.LONG, 34L));
  }

  @Test
  void acceptsTheSpecsSourceTypesAndResultTypesLikeIceberg() {
    for (Transform t : TRANSFORMS) {
      org.apache.iceberg.transforms.Transform<?, ?> theirs = org.apache.iceberg.transforms.Transforms.fromString(t.toString());
      for (PrimitiveType type : RandomValues.PRIMITIVES) {
        org.apache.iceberg.types.Type.PrimitiveType iceType = IcebergTypes.toIceberg(type);
        assertEquals(theirs.canTransform(iceType), t.canTransform(type), () -> t + " on " + type);
        if (t.canTransform(type)) {
          assertEquals(theirs.getResultType(iceType), IcebergTypes.toIceberg(t.resultType(type)), () -> t + " result of " + type);
        }
      }
    }
  }

  @Test
  void appliesLikeIcebergToRandomValuesOfEveryType() {
    Random r = new Random(2024);
    int checked = 0;
    for (Transform t : TRANSFORMS) {
      org.apache.iceberg.transforms.Transform<Object, Object> theirs = icebergTransform(t);
      for (PrimitiveType type : RandomValues.PRIMITIVES) {
        if (!t.canTransform(type)) {
          continue;
        }
        org.apache.iceberg.types.Type.PrimitiveType iceType = IcebergTypes.toIceberg(type);
        SerializableFunction<Object, Object> fn = theirs.bind(iceType);
        Type resultType = t.resultType(type);
        for (int i = 0; i < 1500; i++) {
          Object v = RandomValues.value(r, type);
          Object ours = t.apply(type, v);
          Object expected = fn.apply(v);
          assertEquals(expected, ours, () -> t + " of " + type + " " + v);
          String human = t.toHumanString(type, ours);
          assertEquals(theirs.toHumanString(IcebergTypes.toIceberg(resultType), expected), human, () -> t + " human of " + type + " " + v);
          checked++;
        }
        assertNull(t.apply(type, null));
        assertEquals("null", t.toHumanString(type, null));
      }
    }
    assertTrue(checked > 50_000, "checked " + checked);
  }

  @Test
  void roundsTimeUnitsDownBefore1970() {
    long justBefore = -1L;
    assertEquals(-1, new Transform.Year().apply(Types.TIMESTAMP, justBefore));
    assertEquals(-1, new Transform.Month().apply(Types.TIMESTAMP, justBefore));
    assertEquals(-1, new Transform.Day().apply(Types.TIMESTAMPTZ, justBefore));
    assertEquals(-1, new Transform.Hour().apply(Types.TIMESTAMPTZ, justBefore));
    assertEquals(-13, new Transform.Month().apply(Types.DATE, Values.toInternal(Types.DATE, LocalDate.of(1968, 12, 31))));
    assertEquals("1968-12", new Transform.Month().toHumanString(Types.DATE, -13));
    assertEquals("1969-12-31-23", new Transform.Hour().toHumanString(Types.TIMESTAMP, -1));
    assertEquals("2017-11-16", new Transform.Day().toHumanString(Types.TIMESTAMP, 17486));
    assertEquals("2017", new Transform.Year().toHumanString(Types.TIMESTAMP, 47));
  }

  @Test
  void truncatesPerTheSpec() {
    Transform t10 = new Transform.Truncate(10);
    assertEquals(0, t10.apply(Types.INT, 1));
    assertEquals(-10, t10.apply(Types.INT, -1));
    assertEquals(-10L, t10.apply(Types.LONG, -10L));
    assertEquals(new BigDecimal("12.20"), t10.apply(Types.decimal(9, 2), new BigDecimal("12.29")));
    assertEquals(new BigDecimal("-0.10"), t10.apply(Types.decimal(9, 2), new BigDecimal("-0.05")));
    Transform t3 = new Transform.Truncate(3);
    assertEquals("iceb", new Transform.Truncate(4).apply(Types.STRING, "iceberg"));
    // three code points, six UTF-16 chars
    assertEquals("😀😁😂", t3.apply(Types.STRING, "😀😁😂😃"));
    assertEquals("ab", t3.apply(Types.STRING, "ab"));
    assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), t3.apply(Types.BINARY, ByteBuffer.wrap(new byte[] {1, 2, 3, 4})));
    assertEquals("AQID", t3.toHumanString(Types.BINARY, ByteBuffer.wrap(new byte[] {1, 2, 3})));
  }

  @Test
  void humanStringsOfIdentityValues() {
    Transform id = new Transform.Identity();
    assertEquals("2017-11-16T22:31:08", id.toHumanString(Types.TIMESTAMP, 1510871468000000L));
    assertEquals("2017-11-16T22:31:08.1+00:00", id.toHumanString(Types.TIMESTAMPTZ, 1510871468100000L));
    assertEquals("22:31", id.toHumanString(Types.TIME, 81060000000L));
    assertEquals("1969-12-31", id.toHumanString(Types.DATE, -1));
    assertEquals("AAECAw==", id.toHumanString(Types.BINARY, ByteBuffer.wrap(new byte[] {0, 1, 2, 3})));
    assertEquals("a b", id.toHumanString(Types.STRING, "a b"));
    assertEquals("14.20", id.toHumanString(Types.decimal(9, 2), new BigDecimal("14.20")));
  }

  @Test
  void rejectsWrongTypesAndValuesClearly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Transform.Bucket(4).apply(Types.FLOAT, 1.0f));
    assertTrue(e.getMessage().contains("bucket") && e.getMessage().contains("float"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Transform.Hour().apply(Types.DATE, 1));
    assertTrue(e.getMessage().contains("hour") && e.getMessage().contains("date"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Transform.Day().apply(Types.TIMESTAMP, 5));
    assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Transform.Bucket(4).apply(Types.STRING, "x".getBytes(StandardCharsets.UTF_8)) );
    assertTrue(e.getMessage().contains("[B"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Transform.Bucket(0));
    assertThrows(IllegalArgumentException.class, () -> new Transform.Truncate(-1));
    assertEquals(TypeId.DATE, new Transform.Day().resultType(Types.TIMESTAMP).typeId());
  }

  @SuppressWarnings("unchecked")
  private static org.apache.iceberg.transforms.Transform<Object, Object> icebergTransform(Transform t) {
    return (org.apache.iceberg.transforms.Transform<Object, Object>) org.apache.iceberg.transforms.Transforms.fromString(t.toString());
  }
}
