package io.floe.engine.exec;

/**
 * The build keys of a hash join as a filter for its probe rows ("dynamic filtering" in Trino, a join's runtime
 * filter in DuckDB and Spark): a blocked Bloom filter over the keys' {@link Keys#hashes}, filled by the join's tasks
 * once each has built its table, then read by {@link JoinKeyFilterOperator} below the probe side's exchange, which
 * drops rows whose key is surely not on the build side before they are sent, repartitioned and probed. It may let
 * through rows without a match (a false positive costs only the probe); it never drops a row with one.
 *
 * <p>Until all {@code parts} tasks have added their keys the filter is not {@link #ready()} and lets every row
 * through. A filter whose bits came out too full to reject much (a build side far larger than estimated) also lets
 * every row through.
 */
public final class JoinKeyFilter {
  /** Bits per estimated build key: with two bits per key in one word, about 3% false positives. */
  private static final int BITS_PER_KEY = 16;
  private static final int MIN_WORDS = 64;
  /** 4 MiB of bits: about 2M build keys at the intended false-positive rate. */
  private static final int MAX_WORDS = 1 << 19;
  /** A filter with more of its bits set than this lets too much through to pay for itself. */
  private static final double MAX_FILL = 0.4;

  private final long[] words;
  private final int wordShift;
  private final int parts;
  private int partsAdded;
  private volatile boolean ready;
  private volatile boolean effective;

  private JoinKeyFilter(int wordCount, int parts) {
    this.words = new long[wordCount];
    this.wordShift = 32 - Integer.numberOfTrailingZeros(wordCount);
    this.parts = parts;
  }

  /** A filter for a build side of about {@code buildRows} rows, built by {@code parts} tasks. */
  public static JoinKeyFilter forBuild(double buildRows, int parts) {
    long wanted = (long) Math.min((double) MAX_WORDS, Math.max(MIN_WORDS, buildRows * BITS_PER_KEY / 64));
    int wordCount = Integer.highestOneBit((int) Math.max(MIN_WORDS, wanted - 1)) << 1;
    return new JoinKeyFilter(Math.min(MAX_WORDS, wordCount), parts);
  }

  /**
   * Adds the keys of one task's build rows, given their {@code hashes} ({@link Keys#hashes} of the key columns);
   * rows where {@code nullKey} is true (a null key, which matches nothing) are left out ({@code nullKey} may be
   * null). The filter is ready once every part was added.
   */
  public synchronized void add(int[] hashes, int rows, boolean[] nullKey) {
    for (int r = 0; r < rows; r++) {
      if (nullKey == null || !nullKey[r]) {
        int h = hashes[r];
        words[word(h)] |= bits(h);
      }
    }
    if (++partsAdded == parts) {
      long set = 0;
      for (long w : words) {
        set += Long.bitCount(w);
      }
      effective = set <= MAX_FILL * 64.0 * words.length;
      ready = true;
    }
  }

  /** Whether every task added its keys. */
  public boolean ready() {
    return ready;
  }

  /** Whether the filter is ready and selective enough to apply. */
  boolean applies() {
    return ready && effective;
  }

  /** Whether a row whose key hashes to {@code hash} may have a match (false: surely none). Only once ready. */
  boolean mightContain(int hash) {
    long b = bits(hash);
    return (words[word(hash)] & b) == b;
  }

  private int word(int hash) {
    return (hash * 0x9E3779B9) >>> wordShift;
  }

  private static long bits(int hash) {
    int x = GroupTable.spread(hash);
    return 1L << (x & 63) | 1L << ((x >>> 6) & 63);
  }

  /** The bytes the filter holds. */
  long memoryBytes() {
    return 8L * words.length;
  }
}
