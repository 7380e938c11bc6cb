package io.floe.engine.exec;

/**
 * The map from long keys to group ids of a {@link GroupTable} whose groups have one long key each (one integer key,
 * or {@link PackedKeys}). Dense keys, whose range is at most {@value #DENSITY} times their number, are looked up in
 * an array indexed by {@code key - base}, so sorted or clustered keys (TPC-H's order keys) touch memory in order;
 * other keys in open addressing over (key, id + 1) pairs. The index switches between the two as keys arrive.
 */
final class LongKeyIndex {
  private static final int DENSITY = 16;
  private static final int MIN_DIRECT = 1 << 12;
  private static final int MAX_DIRECT = 1 << 25;

  /** Hashed: (key, id + 1) pairs, id 0 marking an empty slot; null while direct. */
  private long[] pairs = new long[2 * 1024];
  /** Direct: id + 1 of key {@code base + i} at i, 0 when absent; null while hashed. */
  private int[] direct;
  private long base;
  private int size;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;

  /** The id of {@code key}; if it has none it gets {@code newId} (the caller's next group id), which is returned. */
  int groupOf(long key, int newId) {
    int[] array = direct;
    if (array != null) {
      long offset = key - base;
      if (offset >= 0 && offset < array.length) {
        int id = array[(int) offset];
        if (id != 0) {
          return id - 1;
        }
        array[(int) offset] = newId + 1;
        added(key);
        return newId;
      }
      min = Math.min(min, key);
      max = Math.max(max, key);
      reindex(false);
      return groupOf(key, newId);
    }
    long[] table = pairs;
    int mask = (table.length >> 1) - 1;
    int slot = GroupTable.spread(hash(key)) & mask;
    while (true) {
      long id = table[2 * slot + 1];
      if (id == 0) {
        table[2 * slot] = key;
        table[2 * slot + 1] = newId + 1;
        added(key);
        if (size * 2 > mask + 1) {
          reindex(key == min);
        }
        return newId;
      }
      if (table[2 * slot] == key) {
        return (int) id - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The id of {@code key}, or -1 if it has none. */
  int find(long key) {
    if (direct != null) {
      long offset = key - base;
      return offset >= 0 && offset < direct.length ? direct[(int) offset] - 1 : -1;
    }
    int mask = (pairs.length >> 1) - 1;
    int slot = GroupTable.spread(hash(key)) & mask;
    long id;
    while ((id = pairs[2 * slot + 1]) != 0) {
      if (pairs[2 * slot] == key) {
        return (int) id - 1;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private void added(long key) {
    size++;
    min = Math.min(min, key);
    max = Math.max(max, key);
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /**
   * Rebuilds the index for keys {@code min..max}: direct if they are dense enough (with room to grow, below when
   * {@code downwards}), else hashed with at most a quarter of the slots used.
   */
  private void reindex(boolean downwards) {
    long[] oldPairs = pairs;
    int[] oldDirect = direct;
    long oldBase = base;
    long range = max - min;
    boolean dense = range >= 0 && range < MAX_DIRECT && range + 1 <= Math.max(MIN_DIRECT, (long) DENSITY * (size + 1));
    if (dense) {
      int length = (int) Math.min(MAX_DIRECT, range + 1 + Math.max(MIN_DIRECT, (range + 1) / 2));
      long headroom = length - (range + 1);
      base = min;
      if (downwards || oldDirect != null && min < oldBase) {
        base = min - headroom > min ? Long.MIN_VALUE : min - headroom;
      }
      direct = new int[length];
      pairs = null;
    } else {
      direct = null;
      pairs = new long[2 * Integer.highestOneBit(Math.max(1024, 4 * (size + 1)) * 2 - 1)];
    }
    size = 0;
    if (oldDirect != null) {
      for (int i = 0; i < oldDirect.length; i++) {
        if (oldDirect[i] != 0) {
          put(oldBase + i, oldDirect[i] - 1);
        }
      }
    } else {
      for (int slot = 0; slot < oldPairs.length; slot += 2) {
        if (oldPairs[slot + 1] != 0) {
          put(oldPairs[slot], (int) oldPairs[slot + 1] - 1);
        }
      }
    }
  }

  /** Adds a key known to be absent. */
  private void put(long key, int id) {
    size++;
    if (direct != null) {
      direct[(int) (key - base)] = id + 1;
      return;
    }
    int mask = (pairs.length >> 1) - 1;
    int slot = GroupTable.spread(hash(key)) & mask;
    while (pairs[2 * slot + 1] != 0) {
      slot = (slot + 1) & mask;
    }
    pairs[2 * slot] = key;
    pairs[2 * slot + 1] = id + 1;
  }

  /** Approximate bytes held. */
  long memoryBytes() {
    return direct != null ? 4L * direct.length : 8L * pairs.length;
  }
}
