package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hashes of key values: equal values hash alike wherever they are stored, distinct ones rarely collide. */
class KeysTest {
  @Test
  void equalBytesHashAlikeAtAnyOffsetAndFromABoxedValue() {
    Random random = new Random(7);
    for (int length = 0; length < 40; length++) {
      byte[] value = new byte[length];
      random.nextBytes(value);
      for (int offset = 0; offset < 9; offset++) {
        byte[] data = new byte[offset + length + 3];
        random.nextBytes(data);
        System.arraycopy(value, 0, data, offset, length);
        BytesColumn column = new BytesColumn(data, new int[] {offset}, new int[] {length}, null, 1, false);
        assertEquals(BytesColumn.constant(value, 1, false).hash(0), column.hash(0), length + " at " + offset);
        assertEquals(Keys.hash(column, 0), Keys.hashes(new Batch(1, new Column[] {column}), new int[] {0})[0]);
      }
    }
    String text = "Customer#000000042, a text key longer than eight bytes";
    BytesColumn column = BytesColumn.constant(text.getBytes(StandardCharsets.UTF_8), 1, true);
    Column boxed = new ObjectColumn(new Object[] {text});
    assertEquals(Keys.hash(column, 0), Keys.hash(boxed, 0));
  }

  @Test
  void trailingZeroBytesAndEachByteChangeTheHash() {
    byte[] abc = "abcdefghij".getBytes(StandardCharsets.UTF_8);
    int base = BytesColumn.constant(abc, 1, false).hash(0);
    for (int cut = 0; cut < abc.length; cut++) {
      byte[] padded = new byte[cut + 1];
      System.arraycopy(abc, 0, padded, 0, cut);
      byte[] prefix = java.util.Arrays.copyOf(abc, cut);
      // "abc" and "abc\0": the same words, told apart by the length
      assertNotEquals(BytesColumn.constant(prefix, 1, false).hash(0), BytesColumn.constant(padded, 1, false).hash(0));
    }
    for (int at = 0; at < abc.length; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = abc.clone();
        flipped[at] ^= (byte) (1 << bit);
        assertNotEquals(base, BytesColumn.constant(flipped, 1, false).hash(0), "byte " + at + " bit " + bit);
      }
    }
  }

  @Test
  void distinctTextKeysSpreadOverTheLowBits() {
    // TPC-H-like keys: a fixed prefix and a number, as hash tables use them (the low bits pick the slot)
    int n = 100_000;
    Set<Integer> hashes = new HashSet<>();
    int[] slots = new int[1 << 10];
    for (int i = 0; i < n; i++) {
      byte[] key = String.format("Customer#%09d", i).getBytes(StandardCharsets.UTF_8);
      int hash = BytesColumn.constant(key, 1, true).hash(0);
      hashes.add(hash);
      slots[GroupTable.spread(hash) & (slots.length - 1)]++;
    }
    assertTrue(hashes.size() > n - 10, hashes.size() + " distinct hashes of " + n);
    int fullest = java.util.Arrays.stream(slots).max().orElseThrow();
    // a uniform spread puts about 98 keys per slot
    assertTrue(fullest < 160, "fullest slot " + fullest);
  }
}
