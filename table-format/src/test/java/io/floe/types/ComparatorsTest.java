package io.floe.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComparatorsTest {

  @Test
  void agreesWithIcebergForEveryTypeButUuid() {
    Random r = new Random(7);
    for (PrimitiveType type : RandomValues.PRIMITIVES) {
      if (type.typeId() == TypeId.UUID) {
        continue; // Iceberg 1.12 still compares UUIDs signed; the spec's order is unsigned, tested below
      }
      Comparator<Object> ours = Comparators.forType(type);
      Comparator<Object> theirs = org.apache.iceberg.types.Comparators.forType(IcebergTypes.toIceberg(type));
      for (int i = 0; i < 3000; i++) {
        Object a = RandomValues.value(r, type);
        Object b = i % 5 == 0 ? a : RandomValues.value(r, type);
        assertEquals(Integer.signum(theirs.compare(a, b)), Integer.signum(ours.compare(a, b)), () -> type + ": " + a + " vs " + b);
      }
    }
  }

  @Test
  void stringsAndUuidsCompareLikeTheirSerializedBytesUnsigned() {
    Random r = new Random(11);
    for (PrimitiveType type : new PrimitiveType[] {Types.STRING, Types.UUID}) {
      Comparator<Object> cmp = Comparators.forType(type);
      for (int i = 0; i < 5000; i++) {
        Object a = RandomValues.value(r, type);
        Object b = RandomValues.value(r, type);
        int byBytes = Comparators.compareUnsigned(SingleValueSerialization.toBytes(type, a), SingleValueSerialization.toBytes(type, b));
        assertEquals(Integer.signum(byBytes), Integer.signum(cmp.compare(a, b)), () -> a + " vs " + b);
      }
    }
  }

  @Test
  void ordersEdgeCases() {
    Comparator<Object> floats = Comparators.forType(Types.FLOAT);
    assertTrue(floats.compare(-0.0f, 0.0f) < 0);
    assertTrue(floats.compare(Float.POSITIVE_INFINITY, Float.NaN) < 0);
    assertTrue(floats.compare(Float.NEGATIVE_INFINITY, -Float.MAX_VALUE) < 0);
    Comparator<Object> doubles = Comparators.forType(Types.DOUBLE);
    assertTrue(doubles.compare(-0.0d, 0.0d) < 0);
    assertTrue(doubles.compare(1e300, Double.NaN) < 0);
    // U+FFFD is one UTF-16 char, U+1F600 two: code point order puts the emoji last, UTF-16 order would not
    Comparator<Object> strings = Comparators.forType(Types.STRING);
    assertTrue(strings.compare("\uFFFD", "😀") < 0);
    assertTrue("\uFFFD".compareTo("😀") > 0);
    assertTrue(strings.compare("ab", "abc") < 0);
    assertEquals(0, strings.compare("é", "é"));
    Comparator<Object> bytes = Comparators.forType(Types.BINARY);
    assertTrue(bytes.compare(ByteBuffer.wrap(new byte[] {0x7F}), ByteBuffer.wrap(new byte[] {(byte) 0x80})) < 0);
    assertTrue(bytes.compare(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {1, 0})) < 0);
    Comparator<Object> uuids = Comparators.forType(Types.UUID);
    UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
    UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
    assertTrue(uuids.compare(low, high) < 0);
    assertTrue(low.compareTo(high) > 0);
    assertTrue(Comparators.forType(Types.BOOLEAN).compare(false, true) < 0);
    assertEquals(0, Comparators.forType(Types.decimal(9, 2)).compare(new BigDecimal("1.50"), new BigDecimal("1.5")));
    assertTrue(Comparators.compareStrings("a", new String("b".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)) < 0);
  }

  @Test
  void nestedTypesHaveNoOrdering() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Comparators.forType(Types.list(1, Types.INT, true)));
    assertTrue(e.getMessage().contains("list<int>"), e.getMessage());
  }
}
