package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

/**
 * The build keys of a hash join as a filter for its probe rows ("dynamic filtering" in Trino, a join's runtime
 * filter in DuckDB and Spark), filled by the join's tasks once each has built its table, then tested by
 * {@link JoinKeyFilterRows} on the probe side's producers (in a {@link JoinKeyFilterOperator} below the exchange, or
 * in a scan's {@link ScanFilter}), which drop rows whose key is surely not on the build side before they are sent,
 * repartitioned and probed. It never drops a row with a match. Two forms:
 * <ul>
 *   <li>a join on one integer, date or decimal key whose build values span at most 2^20 values, or at most 128
 *       values per key (and at most 8 MiB of bits), gets an exact bitmap over that range: a probe value is tested
 *       by subtracting the smallest build value and reading one bit, without hashing, and lets through only rows
 *       with a match;
 *   <li>any other join gets a blocked Bloom filter over the keys' {@link Keys#hashes} (16 bits per key, at most
 *       8 MiB), which may let through rows without a match (a false positive costs only the probe); also a join
 *       that would get a bitmap whose bits do not fit the query's memory limit, the Bloom filter being much smaller
 *       for a wide range.
 * </ul>
 *
 * <p>Until all {@code parts} tasks have added their keys the filter is not {@link #ready()}: it lets every row
 * through, unless it is awaited ({@link #appliesOnceReady()}). A Bloom filter whose bits came out too full to reject
 * much (more than 40% set: a build side of more than about 17M keys), or a filter with a part whose keys are
 * unknown, or whose bits (neither a bitmap's nor a Bloom filter's) did not fit the query's memory limit, also lets
 * every row through.
 */
public final class JoinKeyFilter {
  /**
   * One task's build keys: {@code rows} hashes, which rows have a null key (null: none), and the keys themselves
   * when the join has one key held as longs (else null).
   */
  private record Part(int[] hashes, int rows, boolean[] nullKey, LongColumn values) {
  }

  /** Bits per build key: with two bits per key in one word, about 3% false positives. */
  private static final int BITS_PER_KEY = 16;
  private static final int MIN_WORDS = 64;
  /** 8 MiB of bits: about 4M build keys at the intended false-positive rate. */
  private static final int MAX_WORDS = 1 << 20;
  /** A filter with more of its bits set than this lets too much through to pay for itself. */
  private static final double MAX_FILL = 0.4;
  /** The widest range of build values a bitmap covers, per build key (eight times a Bloom filter's bits). */
  private static final long BITMAP_BITS_PER_KEY = 128;
  /** Ranges this narrow always get a bitmap (128 KiB). */
  private static final long BITMAP_MIN_BITS = 1 << 20;
  /** The longest an awaited filter's probe side waits for the build side's last part. */
  private static final long MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final int parts;
  /** The parts added so far (until the last one sizes and fills the filter): their keys' hashes and values. */
  private final List<Part> added = new ArrayList<>();
  /** The Bloom filter's bits; null when the filter is a bitmap. */
  private long[] words;
  private int wordShift;
  /**
   * The bitmap: bit {@code k} is set when {@code base + k} is a build value; null when the filter is a Bloom filter.
   */
  private long[] bitmap;
  private long base;
  private long range;
  /** The kind and scale of the build values the bitmap holds, which a probe column must share to be tested. */
  private LongColumn.Kind valueKind;
  private int valueScale;
  /** The bytes of the bitmap the keys would have got had they fit the memory limit (0: none was refused). */
  private long unreservedBitmapBytes;
  private volatile boolean ready;
  private volatile boolean effective;
  /** Whether a part's keys are unknown (its build side spilled): the filter then lets every row through. */
  private boolean unknownKeys;

  private final int maxWords;
  /** Whether the probe side's producers wait for the last part before testing a row (see the constructor). */
  private volatile boolean awaited;

  /** A filter built by {@code parts} tasks (1 for a broadcast join's shared table), not awaited. */
  public JoinKeyFilter(int parts) {
    this(parts, MAX_WORDS, false);
  }

  /**
   * A filter built by {@code parts} tasks whose probe side, if {@code awaited}, waits for all of them (up to a
   * minute) before testing its first row, instead of letting the rows through unchecked: for joins whose probe side
   * starts once a task has built its table and whose build side needs nothing from the probe side (not a salted
   * join, whose build side waits for the probe side's sample of heavy keys).
   */
  public JoinKeyFilter(int parts, boolean awaited) {
    this(parts, MAX_WORDS, awaited);
  }

  /** A new, empty filter built by as many tasks as this one and awaited alike: for another set of the join's keys. */
  public JoinKeyFilter withSameParts() {
    return new JoinKeyFilter(parts, maxWords, awaited);
  }

  /** A filter of at most {@code maxWords} 64-bit words (a power of two). */
  JoinKeyFilter(int parts, int maxWords, boolean awaited) {
    this.parts = parts;
    this.maxWords = maxWords;
    this.awaited = awaited;
  }

  /**
   * Adds the keys of one task's build rows, given their {@code hashes} ({@link Keys#hashes} of the key columns);
   * rows where {@code nullKey} is true (a null key, which matches nothing) are left out ({@code nullKey} may be
   * null). The arrays are read, not changed, until the last part is added: then the filter is sized for all the
   * parts' rows, filled and ready.
   */
  public void add(int[] hashes, int rows, boolean[] nullKey) {
    add(hashes, rows, nullKey, null, bytes -> true);
  }

  /**
   * Like {@link #add(int[], int, boolean[])}, also given the keys themselves ({@code values}, the build rows' key
   * column) when the join has one key held as longs, else null, and where the last part's task holds the filter's
   * bits in its memory account: {@code reserve} is asked for their bytes. When a bitmap's do not fit the query's
   * memory limit it is asked for a Bloom filter's instead; when those do not fit either the filter is ready but
   * never applies (it lets every row through rather than fail the query).
   * Returns the bytes of bits this call reserved (0 unless it added the last part).
   */
  public synchronized long add(int[] hashes, int rows, boolean[] nullKey, LongColumn values, LongPredicate reserve) {
    added.add(new Part(hashes, rows, nullKey, values));
    if (added.size() < parts) {
      return 0;
    }
    long keys = added.stream().mapToLong(Part::rows).sum();
    long bytes = 0;
    if (!unknownKeys) {
      if (bitmapRange(keys)) {
        long bitmapBytes = 8L * ((range + 63) >>> 6);
        if (reserve.test(bitmapBytes)) {
          fillBitmap();
          bytes = bitmapBytes;
          // however full, a bitmap rejects every value outside its range: whether it pays is left to the trial
          effective = true;
        } else {
          unreservedBitmapBytes = bitmapBytes;
        }
      }
      if (bitmap == null) {
        // no bitmap, or one whose bits did not fit: the Bloom filter, much smaller for a wide range, if it fits
        int wordCount = bloomWords(keys);
        if (reserve.test(8L * wordCount)) {
          fill(wordCount);
          bytes = 8L * wordCount;
          effective = setBits(words) <= MAX_FILL * 64.0 * words.length;
        }
      }
    }
    added.clear();
    ready = true;
    notifyAll();
    return bytes;
  }

  /** The 64-bit words of a Bloom filter for {@code keys} keys: a power of two, at least 64, at most the maximum. */
  private int bloomWords(long keys) {
    long wanted = Math.max(MIN_WORDS, Math.min(maxWords, keys * BITS_PER_KEY / 64));
    return Math.min(maxWords, Integer.highestOneBit((int) wanted - 1) << 1);
  }

  /**
   * Whether the added keys get a bitmap: every part with rows has its key values, all of one kind and scale (a part
   * without rows, a task whose build side is empty, has none to give), and the range from the smallest to the
   * largest non-null value is narrow enough for {@code keys} keys; if so, sets {@link #base}, {@link #range} and the
   * values' kind.
   */
  private boolean bitmapRange(long keys) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    LongColumn first = null;
    for (Part part : added) {
      if (part.rows() == 0) {
        continue;
      }
      LongColumn column = part.values();
      if (first == null) {
        first = column;
      }
      if (column == null || !column.sameKind(first)) {
        return false;
      }
      long[] v = column.values();
      boolean[] nulls = part.nullKey();
      for (int r = 0; r < part.rows(); r++) {
        if (nulls == null || !nulls[r]) {
          min = Math.min(min, v[r]);
          max = Math.max(max, v[r]);
        }
      }
    }
    long span = max - min + 1;
    if (min > max || span <= 0 || span > 64L * maxWords
        || span > Math.max(BITMAP_MIN_BITS, BITMAP_BITS_PER_KEY * keys)) {
      return false;
    }
    base = min;
    range = span;
    valueKind = first.kind();
    valueScale = first.scale();
    return true;
  }

  /** Sets the bit of every added part's non-null key value. */
  private void fillBitmap() {
    bitmap = new long[(int) ((range + 63) >>> 6)];
    for (Part part : added) {
      if (part.rows() == 0) {
        continue;
      }
      long[] v = part.values().values();
      boolean[] nulls = part.nullKey();
      for (int r = 0; r < part.rows(); r++) {
        if (nulls == null || !nulls[r]) {
          long k = v[r] - base;
          bitmap[(int) (k >>> 6)] |= 1L << k;
        }
      }
    }
  }

  /** Sets the bits of every added part's keys in a filter of {@code wordCount} words. */
  private void fill(int wordCount) {
    words = new long[wordCount];
    wordShift = 32 - Integer.numberOfTrailingZeros(wordCount);
    for (Part part : added) {
      int[] h = part.hashes();
      boolean[] nulls = part.nullKey();
      for (int r = 0; r < part.rows(); r++) {
        if (nulls == null || !nulls[r]) {
          words[word(h[r])] |= bits(h[r]);
        }
      }
    }
  }

  private static long setBits(long[] words) {
    long set = 0;
    for (long w : words) {
      set += Long.bitCount(w);
    }
    return set;
  }

  /**
   * Adds a part whose keys are not known (a task whose build side spilled to disk instead of being held): once every
   * part is in, the filter is ready but never {@link #applies()}, letting every row through.
   */
  public synchronized void addUnknownKeys() {
    unknownKeys = true;
    add(new int[0], 0, null, null, bytes -> true);
  }

  /** Whether every task added its keys. */
  public boolean ready() {
    return ready;
  }

  /**
   * Makes the probe side wait for the filter from now on: a salted join's, once its heavy keys are decided and its
   * build side so no longer waits for the probe side's sample.
   */
  public void awaitFromNowOn() {
    awaited = true;
  }

  /** Whether the filter is ready and selective enough to apply. */
  boolean applies() {
    return ready && effective;
  }

  /**
   * Whether the filter applies, once every part is added if the filter is awaited (waiting at most
   * {@link #MAX_WAIT_NANOS}, and not once interrupted: the query is then ending).
   */
  boolean appliesOnceReady() {
    if (awaited && !ready) {
      synchronized (this) {
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        long left;
        while (!ready && (left = deadline - System.nanoTime()) > 0) {
          try {
            TimeUnit.NANOSECONDS.timedWait(this, left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
    }
    return applies();
  }

  /** Whether the filter tests probe keys by value and {@code column} holds values of the build keys' kind. */
  boolean testsValuesOf(Column column) {
    return bitmap != null && column instanceof LongColumn l && l.kind() == valueKind && l.scale() == valueScale;
  }

  /** Whether the filter tests probe keys by their {@link Keys#hashes} (a Bloom filter). */
  boolean testsHashes() {
    return words != null;
  }

  /** Whether {@code value} is a build key (exactly). Only once ready, and only where {@link #testsValuesOf}. */
  boolean containsValue(long value) {
    long k = value - base;
    return Long.compareUnsigned(k, range) < 0 && (bitmap[(int) (k >>> 6)] & 1L << k) != 0;
  }

  /** What the filter is, once ready: for EXPLAIN ANALYZE. */
  String describe() {
    if (bitmap != null) {
      return "a bitmap of the build keys' values " + base + ".." + (base + range - 1);
    }
    return "a Bloom filter of the build keys' hashes" + (unreservedBitmapBytes == 0 ? ""
        : " (a bitmap's " + unreservedBitmapBytes + " bytes did not fit the memory limit)");
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

}
