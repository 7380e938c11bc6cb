package io.floe.engine.exec;

/**
 * The build side of a hash join whose keys are all long columns: an open-addressing table (linear probing) holding,
 * per distinct key, the key values and the key's rows inline in one {@code long[]}, so a probe row costs one random
 * memory access in the common case (a chained table costs a bucket, a chain link, a stored hash and each key column
 * per candidate). A slot is {@code keyCount + 1} longs: the keys, then an entry {@code count << 32 | row} for a key
 * with one row, or {@code count << 32 | start} for a key whose rows are {@code groupRows[start, start + count)} (in
 * build order); entry 0 marks an empty slot. Rows with a null key are left out.
 */
final class LongKeyJoinTable {
  /** Rows whose slots are loaded together before they are looked up or inserted (see {@link #touch}). */
  static final int TOUCH_CHUNK = 512;
  /**
   * Tables up to this size stay in the processor's last-level cache, where a chained table does as well (see
   * {@link #outgrowsCache}); touching their slots first would only add a pass (a 4 MiB table probed 6M times took
   * ~35% longer with it, 24-64 MiB tables ~25% less).
   */
  private static final long CACHED_BYTES = 16L << 20;
  private final int keyCount;
  private final int stride;
  private final int mask;
  private final long[] slots;
  private final int[] groupRows;

  /**
   * Indexes the rows of the long key columns {@code keys} ({@code nulls[r]} true where row r has a null key, or
   * {@code nulls} null) by {@code hashes} (as {@link Keys#hashes} computes them, so probes of any column type find
   * their key).
   */
  LongKeyJoinTable(long[][] keys, boolean[] nulls, int[] hashes, int rows) {
    this.keyCount = keys.length;
    this.stride = keyCount + 1;
    int capacity = capacity(rows);
    this.mask = capacity - 1;
    this.slots = new long[capacity * stride];
    int[] slotOfRow = new int[rows];
    int grouped = 0;
    long[] touched = new long[TOUCH_CHUNK];
    for (int r = 0; r < rows; r++) {
      if (r % TOUCH_CHUNK == 0) {
        touch(hashes, r, Math.min(rows, r + TOUCH_CHUNK), touched);
      }
      if (nulls != null && nulls[r]) {
        slotOfRow[r] = -1;
        continue;
      }
      int at = find(keys, r, hashes[r]);
      int entry = at + keyCount;
      long old = slots[entry];
      if (old == 0) {
        for (int k = 0; k < keyCount; k++) {
          slots[at + k] = keys[k][r];
        }
        slots[entry] = 1L << 32 | r;
      } else {
        grouped += old >>> 32 == 1 ? 2 : 1;
        slots[entry] = old + (1L << 32);
      }
      slotOfRow[r] = at;
    }
    this.groupRows = new int[grouped];
    if (grouped > 0) {
      groupDuplicates(slotOfRow, rows);
    }
  }

  /** Lays out the rows of keys with several rows contiguously in {@link #groupRows}, in build order. */
  private void groupDuplicates(int[] slotOfRow, int rows) {
    int end = 0;
    for (int at = keyCount; at < slots.length; at += stride) {
      long count = slots[at] >>> 32;
      if (count > 1) {
        end += (int) count;
        slots[at] = count << 32 | end; // the end of the key's range; filled backwards below
      }
    }
    for (int r = rows - 1; r >= 0; r--) {
      int at = slotOfRow[r];
      if (at >= 0 && slots[at + keyCount] >>> 32 > 1) {
        long entry = slots[at + keyCount] - 1;
        slots[at + keyCount] = entry;
        groupRows[(int) entry] = r;
      }
    }
  }

  private static int capacity(int rows) {
    return Integer.highestOneBit(Math.max(16, rows * 2 - 1)) << 1;
  }

  /**
   * Whether a table of {@code rows} rows on {@code keyCount} keys would outgrow the last-level cache, where this
   * table's one miss per probe beats a chained table's several. A smaller chained table stays cached and its
   * compact bucket array answers a missing key faster (measured on TPC-H q21: its 75k-365k row builds probed mostly
   * by absent keys took 1.7x the probe time in this table).
   */
  static boolean outgrowsCache(int rows, int keyCount) {
    return 8L * capacity(rows) * (keyCount + 1) > CACHED_BYTES;
  }

  /** The offset of the slot holding row {@code r}'s keys, or of the empty slot where they would go. */
  private int find(long[][] keys, int r, int hash) {
    int slot = GroupTable.spread(hash) & mask;
    while (true) {
      int at = slot * stride;
      if (slots[at + keyCount] == 0 || keysAt(at, keys, r)) {
        return at;
      }
      slot = (slot + 1) & mask;
    }
  }

  private boolean keysAt(int at, long[][] keys, int r) {
    for (int k = 0; k < keyCount; k++) {
      if (slots[at + k] != keys[k][r]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the first slot of rows {@code from..to-1}'s hashes into {@code touched} (from index 0): independent loads
   * the processor overlaps, so the lookups that follow find the slots in cache instead of missing one at a time.
   */
  void touch(int[] hashes, int from, int to, long[] touched) {
    for (int r = from; r < to; r++) {
      touched[r - from] = slots[(GroupTable.spread(hashes[r]) & mask) * stride + keyCount];
    }
  }

  /** The entry of the key of row {@code r} of {@code keys} (long columns like the build side's), 0 if absent. */
  long lookup(long[][] keys, int r, int hash) {
    long key0 = keys[0][r];
    int slot = GroupTable.spread(hash) & mask;
    while (true) {
      int at = slot * stride;
      long entry = slots[at + keyCount];
      if (entry == 0) {
        return 0;
      }
      if (slots[at] == key0 && (keyCount == 1 || keysAt(at, keys, r))) {
        return entry;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Matches the build rows with a key equal to the probe row's: the build row and the probe row to compare. */
  interface RowMatch {
    boolean keysEqual(int buildRow);
  }

  /** The entry whose key {@code sameKey} accepts among those with hash slot of {@code hash}, 0 if none. */
  long lookup(int hash, RowMatch sameKey) {
    int slot = GroupTable.spread(hash) & mask;
    while (true) {
      long entry = slots[slot * stride + keyCount];
      if (entry == 0) {
        return 0;
      }
      if (sameKey.keysEqual(firstRow(entry))) {
        return entry;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** How many build rows an entry has (at least 1). */
  static int count(long entry) {
    return (int) (entry >>> 32);
  }

  /** The {@code i}th build row (in build order) of a non-empty entry. */
  int row(long entry, int i) {
    return count(entry) == 1 ? (int) entry : groupRows[(int) entry + i];
  }

  private int firstRow(long entry) {
    return row(entry, 0);
  }

  /** The bytes this table holds. */
  long memoryBytes() {
    return 8L * slots.length + 4L * groupRows.length;
  }
}
