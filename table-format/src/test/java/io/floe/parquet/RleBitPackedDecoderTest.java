package io.floe.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.api.Test;

/** The bulk RLE / bit-packed hybrid decoder against Parquet's own encoder, in chunks of every size. */
class RleBitPackedDecoderTest {
  private static byte[] encode(int[] values, int bitWidth) throws IOException {
    try (RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 16,
        HeapByteBufferAllocator.getInstance())) {
      for (int value : values) {
        encoder.writeInt(value);
      }
      return encoder.toBytes().toByteArray();
    }
  }

  /** Runs of repeated values (RLE runs) between stretches of random ones (bit-packed runs). */
  private static int[] values(Random random, int count, int bitWidth) {
    long bound = 1L << bitWidth;
    int[] values = new int[count];
    int i = 0;
    while (i < count) {
      int length = Math.min(count - i, 1 + random.nextInt(random.nextBoolean() ? 40 : 300));
      boolean repeated = random.nextBoolean();
      int value = (int) (random.nextLong() & (bound - 1));
      for (int j = 0; j < length; j++) {
        values[i + j] = repeated ? value : (int) (random.nextLong() & (bound - 1));
      }
      i += length;
    }
    return values;
  }

  @Test
  void decodesWhatParquetEncodesForEveryBitWidthInChunksOfAnySize() throws IOException {
    Random random = new Random(42);
    for (int bitWidth = 0; bitWidth <= 32; bitWidth++) {
      int[] expected = values(random, 5000 + random.nextInt(100), bitWidth);
      byte[] encoded = encode(expected, bitWidth);
      // inside a larger array, as a page slice is
      byte[] page = new byte[encoded.length + 10];
      System.arraycopy(encoded, 0, page, 3, encoded.length);
      RleBitPackedDecoder decoder = new RleBitPackedDecoder(ByteBuffer.wrap(page, 3, encoded.length), bitWidth);
      int[] actual = new int[expected.length];
      int at = 0;
      while (at < actual.length) {
        int n = Math.min(actual.length - at, random.nextInt(3) == 0 ? 1 + random.nextInt(7) : random.nextInt(700));
        decoder.read(actual, at, n);
        at += n;
      }
      assertArrayEquals(expected, actual, "bit width " + bitWidth);
    }
  }

  @Test
  void readsDirectBuffersToo() throws IOException {
    int[] expected = values(new Random(7), 1000, 5);
    byte[] encoded = encode(expected, 5);
    ByteBuffer direct = ByteBuffer.allocateDirect(encoded.length).put(encoded).flip();
    int[] actual = new int[expected.length];
    new RleBitPackedDecoder(direct, 5).read(actual, 0, actual.length);
    assertArrayEquals(expected, actual);
  }

  @Test
  void failsClearlyWhenTheDataEndsBeforeItsValues() throws IOException {
    byte[] encoded = encode(new int[] {3, 3, 3, 3}, 2);
    RleBitPackedDecoder decoder = new RleBitPackedDecoder(ByteBuffer.wrap(encoded), 2);
    assertThrows(ParquetDecodingException.class, () -> decoder.read(new int[10], 0, 10));
  }
}
