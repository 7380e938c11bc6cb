package io.floe.partition;

/** The 32-bit x86 variant of MurmurHash3 with seed 0, as the spec's bucket transform requires. */
final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {
  }

  /** The hash of a long's 8 little-endian bytes. */
  static int hashLong(long value) {
    int h = mixH1(0, mixK1((int) value));
    h = mixH1(h, mixK1((int) (value >>> 32)));
    return fmix(h, 8);
  }

  /** The hash of {@code length} bytes of {@code data} from {@code offset}. */
  static int hashBytes(byte[] data, int offset, int length) {
    int h = 0;
    int blocks = length / 4;
    for (int i = 0; i < blocks; i++) {
      int p = offset + i * 4;
      int k = (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF) << 16 | (data[p + 3] & 0xFF) << 24;
      h = mixH1(h, mixK1(k));
    }
    int tail = offset + blocks * 4;
    int k = 0;
    switch (length & 3) {
      case 3:
        k ^= (data[tail + 2] & 0xFF) << 16;
        // fall through
      case 2:
        k ^= (data[tail + 1] & 0xFF) << 8;
        // fall through
      case 1:
        k ^= data[tail] & 0xFF;
        h ^= mixK1(k);
        break;
      default:
        break;
    }
    return fmix(h, length);
  }

  private static int mixK1(int k) {
    k *= C1;
    k = Integer.rotateLeft(k, 15);
    return k * C2;
  }

  private static int mixH1(int h, int k) {
    h ^= k;
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  private static int fmix(int h, int length) {
    h ^= length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
