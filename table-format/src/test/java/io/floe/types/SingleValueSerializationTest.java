package io.floe.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.apache.iceberg.types.Conversions;
import org.junit.jupiter.api.Test;

class SingleValueSerializationTest {

  @Test
  void matchesIcebergConversionsForRandomValuesOfEveryType() {
    Random r = new Random(42);
    for (PrimitiveType type : RandomValues.PRIMITIVES) {
      for (int i = 0; i < 2000; i++) {
        Object value = RandomValues.value(r, type);
        ByteBuffer ours = SingleValueSerialization.toBytes(type, value);
        ByteBuffer theirs = Conversions.toByteBuffer(IcebergTypes.toIceberg(type), value);
        assertArrayEquals(ByteBuffers.toByteArray(theirs), ByteBuffers.toByteArray(ours), () -> type + " " + value);
        Object back = SingleValueSerialization.fromBytes(type, ours);
        assertEquals(value, back, () -> type + " round trip");
        Object icebergRead = Conversions.fromByteBuffer(IcebergTypes.toIceberg(type), ours);
        assertEquals(type.typeId() == TypeId.STRING ? icebergRead.toString() : icebergRead, back, () -> type + " read by Iceberg");
      }
    }
  }

  @Test
  void encodesTheSpecsLayouts() {
    assertArrayEquals(new byte[] {1, 0, 0, 0}, toBytes(Types.INT, 1));
    assertArrayEquals(new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
        toBytes(Types.LONG, -2L));
    assertArrayEquals(new byte[] {0}, toBytes(Types.BOOLEAN, false));
    assertArrayEquals(new byte[] {1}, toBytes(Types.BOOLEAN, true));
    // 14.20 has unscaled value 1420 = 0x058C
    assertArrayEquals(new byte[] {0x05, (byte) 0x8C}, toBytes(Types.decimal(9, 2), new BigDecimal("14.20")));
    assertArrayEquals(new byte[] {(byte) 0xFF}, toBytes(Types.decimal(9, 2), new BigDecimal("-0.01")));
    assertArrayEquals(new byte[] {0x00, (byte) 0x80}, toBytes(Types.decimal(9, 2), new BigDecimal("1.28")));
    assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3F}, toBytes(Types.FLOAT, 1.0f));
    assertArrayEquals("é😀".getBytes(StandardCharsets.UTF_8), toBytes(Types.STRING, "é😀"));
    UUID u = UUID.fromString("f79c3e09-677c-4bbd-a479-3f349cb785e7");
    byte[] ub = toBytes(Types.UUID, u);
    assertEquals(16, ub.length);
    assertEquals((byte) 0xF7, ub[0]);
    assertEquals((byte) 0xE7, ub[15]);
  }

  @Test
  void readsWithoutMovingTheBufferAndFromAnOffset() {
    ByteBuffer buf = ByteBuffer.allocate(6);
    buf.put(new byte[] {9, 9, 7, 0, 0, 0});
    buf.position(2);
    assertEquals(7, SingleValueSerialization.fromBytes(Types.INT, buf));
    assertEquals(2, buf.position());
  }

  @Test
  void readsValuesWrittenBeforeTypePromotion() {
    ByteBuffer intBytes = SingleValueSerialization.toBytes(Types.INT, -5);
    assertEquals(-5L, SingleValueSerialization.fromBytes(Types.LONG, intBytes));
    ByteBuffer floatBytes = SingleValueSerialization.toBytes(Types.FLOAT, 1.5f);
    assertEquals(1.5d, SingleValueSerialization.fromBytes(Types.DOUBLE, floatBytes));
  }

  @Test
  void rejectsWrongLengthsAndWrongValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SingleValueSerialization.fromBytes(Types.INT, ByteBuffer.wrap(new byte[3])));
    assertTrue(e.getMessage().contains("int"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SingleValueSerialization.fromBytes(Types.fixed(4), ByteBuffer.wrap(new byte[3])));
    assertThrows(IllegalArgumentException.class, () -> SingleValueSerialization.fromBytes(Types.UUID, ByteBuffer.wrap(new byte[15])));
    e = assertThrows(IllegalArgumentException.class, () -> SingleValueSerialization.toBytes(Types.decimal(9, 2), new BigDecimal("1.5")));
    assertTrue(e.getMessage().contains("scale"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SingleValueSerialization.toBytes(Types.LONG, 5));
    assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SingleValueSerialization.toBytes(Types.INT, null));
  }

  private static byte[] toBytes(Type type, Object value) {
    return ByteBuffers.toByteArray(SingleValueSerialization.toBytes(type, value));
  }
}
