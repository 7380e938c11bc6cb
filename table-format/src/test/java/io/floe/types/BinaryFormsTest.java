package io.floe.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.UUID;
import org.apache.iceberg.util.UUIDUtil;
import org.junit.jupiter.api.Test;

/** The shared byte forms: {@link Uuids}, {@link ByteBuffers} and {@link Decimals}. */
class BinaryFormsTest {
  @Test
  void uuidsAreSixteenBigEndianBytesAsIcebergWritesThem() {
    Random r = new Random(5);
    for (int i = 0; i < 200; i++) {
      UUID u = i == 0 ? new UUID(-1L, Long.MIN_VALUE) : new UUID(r.nextLong(), r.nextLong());
      byte[] ours = Uuids.toBytes(u);
      assertArrayEquals(UUIDUtil.convert(u), ours);
      assertEquals(u, Uuids.fromBytes(ByteBuffer.wrap(ours)));
    }
    assertEquals(UUID.fromString("00010203-0405-0607-0809-0a0b0c0d0e0f"),
        Uuids.fromBytes(ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})));
  }

  @Test
  void readsAUuidFromTheRemainingBytesWhateverTheBufferOrder() {
    UUID u = UUID.fromString("f79c3e09-677c-4bbd-a479-3f349cb785e7");
    ByteBuffer padded = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
    padded.position(3);
    padded.put(Uuids.toBytes(u));
    padded.position(3).limit(19);
    assertEquals(u, Uuids.fromBytes(padded));
    assertEquals(3, padded.position(), "the position is not moved");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Uuids.fromBytes(ByteBuffer.allocate(15)));
    assertEquals("a uuid has 16 bytes, not 15", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Uuids.fromBytes(ByteBuffer.allocate(17)));
  }

  @Test
  void copiesTheRemainingBytesWithoutTouchingTheSource() {
    ByteBuffer source = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}, 1, 3);
    assertArrayEquals(new byte[] {2, 3, 4}, ByteBuffers.toByteArray(source));
    assertEquals(1, source.position());
    assertEquals(4, source.limit());
    ByteBuffer copy = ByteBuffers.copy(source);
    assertEquals(0, copy.position());
    assertEquals(source, copy);
    copy.put(0, (byte) 9);
    assertEquals(2, source.get(1), "the copy does not share the source's bytes");
    assertArrayEquals(new byte[0], ByteBuffers.toByteArray(ByteBuffer.allocate(0)));
  }

  @Test
  void decimalsSignExtendToTheFixedLength() {
    assertArrayEquals(new byte[] {0, 0, 0x30, 0x39}, Decimals.fixedLengthBytes(new BigDecimal("123.45"), 4));
    assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xCF, (byte) 0xC7},
        Decimals.fixedLengthBytes(new BigDecimal("-123.45"), 4));
    Random r = new Random(11);
    for (int i = 0; i < 500; i++) {
      BigInteger unscaled = new BigInteger(1 + r.nextInt(120), r);
      BigDecimal value = new BigDecimal(r.nextBoolean() ? unscaled : unscaled.negate(), r.nextInt(10));
      int length = value.unscaledValue().toByteArray().length + r.nextInt(4);
      byte[] bytes = Decimals.fixedLengthBytes(value, length);
      assertEquals(length, bytes.length);
      assertEquals(value.unscaledValue(), new BigInteger(bytes), () -> value + " in " + length + " bytes");
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Decimals.fixedLengthBytes(new BigDecimal("32768"), 2));
    assertTrue(e.getMessage().contains("32768") && e.getMessage().contains("2 bytes"), e.getMessage());
  }
}
