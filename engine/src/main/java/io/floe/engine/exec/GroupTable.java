package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An open-addressing hash table from key values to dense group ids 0..n-1. When every key column is a
 * {@link LongColumn} (integers, dates, decimals up to 18 digits) the table stores each group's key values in a
 * flat {@code long[]} and compares raw longs; otherwise a group's key is the row that first had it: the table
 * keeps those batches' key columns (not boxed values) and the row index. A long-keyed table switches to the
 * general form if a later batch's key columns are of another type, kind or scale.
 */
final class GroupTable {
  private final int[] keys;
  private final int width;
  private int[] slots = new int[1024];
  private int[] groupHash = new int[256];
  private int groups;
  private long keyBytes;

  /** Long keys: kinds and scales of the key columns (null once the table is general), values and nulls. */
  private LongColumn[] longKinds;
  private boolean decided;
  private long[] groupLongs;
  private boolean[] groupNulls;
  /**
   * One long key: the lookup table itself holds (key, group id + 1) pairs, 0 marking an empty slot, so a lookup
   * touches one array; the NULL key's group ({@code nullGroup}) is kept apart. Null once the table is general.
   */
  private long[] longSlots;
  private int nullGroup = -1;

  /** General keys: the key columns of the batches that added groups, and each group's batch and row. */
  private final List<Column[]> keyBatches = new ArrayList<>();
  private int[] groupBatch;
  private int[] groupRow;

  GroupTable(int[] keys) {
    this.keys = keys.clone();
    this.width = keys.length;
    Arrays.fill(slots, -1);
  }

  int size() {
    return groups;
  }

  /** The group id of each row of {@code batch}, adding groups for new keys. */
  int[] groupIds(Batch batch) {
    int n = batch.size();
    int[] ids = new int[n];
    if (width == 0) {
      if (groups == 0) {
        groups = 1;
      }
      return ids;
    }
    Column[] cols = new Column[width];
    for (int k = 0; k < width; k++) {
      cols[k] = batch.column(keys[k]);
    }
    int[] hashes = Keys.hashes(batch, keys);
    if (!decided) {
      decideLayout(cols);
    }
    if (longKinds != null && !matchesLongKinds(cols)) {
      convertToGeneral();
    }
    if (longSlots != null) {
      singleLongGroupIds((LongColumn) cols[0], hashes, n, ids);
    } else if (longKinds != null) {
      longGroupIds(cols, hashes, n, ids);
    } else {
      generalGroupIds(cols, hashes, n, ids);
    }
    return ids;
  }

  private void decideLayout(Column[] cols) {
    decided = true;
    LongColumn[] kinds = new LongColumn[width];
    for (int k = 0; k < width; k++) {
      if (!(cols[k] instanceof LongColumn l)) {
        groupBatch = new int[groupHash.length];
        groupRow = new int[groupHash.length];
        return;
      }
      kinds[k] = new LongColumn(new long[0], null, 0, l.kind(), l.scale());
    }
    longKinds = kinds;
    groupLongs = new long[groupHash.length * width];
    groupNulls = new boolean[groupHash.length * width];
    if (width == 1) {
      longSlots = new long[2 * slots.length];
    }
  }

  private boolean matchesLongKinds(Column[] cols) {
    for (int k = 0; k < width; k++) {
      if (!(cols[k] instanceof LongColumn l) || !l.sameKind(longKinds[k])) {
        return false;
      }
    }
    return true;
  }

  private void longGroupIds(Column[] cols, int[] hashes, int n, int[] ids) {
    long[][] values = new long[width][];
    boolean[][] nulls = new boolean[width][];
    for (int k = 0; k < width; k++) {
      LongColumn l = (LongColumn) cols[k];
      values[k] = l.values();
      nulls[k] = l.nulls();
    }
    KeyMatch match = (g, r) -> sameLongKey(g, values, nulls, r);
    for (int r = 0; r < n; r++) {
      int h = hashes[r];
      int slot = findSlot(h, r, match);
      int g = slots[slot];
      if (g == -1) {
        g = addGroup(h);
        int base = g * width;
        for (int k = 0; k < width; k++) {
          boolean isNull = nulls[k] != null && nulls[k][r];
          groupNulls[base + k] = isNull;
          groupLongs[base + k] = isNull ? 0 : values[k][r];
        }
        occupy(slot, g);
      }
      ids[r] = g;
    }
  }

  private void singleLongGroupIds(LongColumn column, int[] hashes, int n, int[] ids) {
    long[] values = column.values();
    boolean[] nulls = column.nulls();
    for (int r = 0; r < n; r++) {
      if (nulls != null && nulls[r]) {
        if (nullGroup < 0) {
          nullGroup = addGroup(hashes[r]);
          groupNulls[nullGroup] = true;
          groupLongs[nullGroup] = 0;
        }
        ids[r] = nullGroup;
        continue;
      }
      long v = values[r];
      long[] table = longSlots;
      int mask = (table.length >> 1) - 1;
      int slot = spread(hashes[r]) & mask;
      int g;
      while (true) {
        long id = table[2 * slot + 1];
        if (id == 0) {
          g = addGroup(hashes[r]);
          groupLongs[g] = v;
          groupNulls[g] = false;
          table[2 * slot] = v;
          table[2 * slot + 1] = g + 1;
          if (groups * 2 > mask + 1) {
            growLongSlots();
          }
          break;
        }
        if (table[2 * slot] == v) {
          g = (int) id - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      ids[r] = g;
    }
  }

  private void growLongSlots() {
    long[] next = new long[longSlots.length * 2];
    int mask = (next.length >> 1) - 1;
    for (int g = 0; g < groups; g++) {
      if (g != nullGroup) {
        int slot = spread(groupHash[g]) & mask;
        while (next[2 * slot + 1] != 0) {
          slot = (slot + 1) & mask;
        }
        next[2 * slot] = groupLongs[g];
        next[2 * slot + 1] = g + 1;
      }
    }
    longSlots = next;
  }

  private boolean sameLongKey(int g, long[][] values, boolean[][] nulls, int r) {
    int base = g * width;
    for (int k = 0; k < width; k++) {
      boolean isNull = nulls[k] != null && nulls[k][r];
      if (isNull != groupNulls[base + k] || !isNull && groupLongs[base + k] != values[k][r]) {
        return false;
      }
    }
    return true;
  }

  /** Moves the long keys kept so far into one key batch of the general form. */
  private void convertToGeneral() {
    Column[] kept = keyColumns(0, groups);
    if (longSlots != null) {
      // the single-key table kept no slots of the general form: index the groups by their hashes
      rebuildSlots(Math.max(slots.length, longSlots.length >> 1));
      longSlots = null;
    }
    longKinds = null;
    groupLongs = null;
    groupNulls = null;
    groupBatch = new int[groupHash.length];
    groupRow = new int[groupHash.length];
    keyBatches.add(kept);
    for (Column c : kept) {
      keyBytes += c.memoryBytes();
    }
    for (int g = 0; g < groups; g++) {
      groupRow[g] = g;
    }
  }

  private void generalGroupIds(Column[] cols, int[] hashes, int n, int[] ids) {
    int batchIndex = -1;
    KeyMatch match = (g, r) -> sameKey(g, cols, r);
    for (int r = 0; r < n; r++) {
      int h = hashes[r];
      int slot = findSlot(h, r, match);
      int g = slots[slot];
      if (g == -1) {
        if (batchIndex < 0) {
          keyBatches.add(cols);
          batchIndex = keyBatches.size() - 1;
          for (Column c : cols) {
            keyBytes += c.memoryBytes();
          }
        }
        g = addGroup(h);
        groupBatch[g] = batchIndex;
        groupRow[g] = r;
        occupy(slot, g);
      }
      ids[r] = g;
    }
  }

  /** Whether group {@code g}'s stored key equals row {@code r}'s key in the batch being looked up. */
  private interface KeyMatch {
    boolean matches(int g, int r);
  }

  /** The slot holding the group of row {@code r} (hash {@code h}), or the empty slot where that group belongs. */
  private int findSlot(int h, int r, KeyMatch match) {
    int mask = slots.length - 1;
    int slot = spread(h) & mask;
    int g;
    while ((g = slots[slot]) != -1) {
      if (groupHash[g] == h && match.matches(g, r)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Puts new group {@code g} in its empty {@code slot}, growing the table when it is half full. */
  private void occupy(int slot, int g) {
    slots[slot] = g;
    if (groups * 2 > slots.length) {
      rehash();
    }
  }

  private boolean sameKey(int g, Column[] cols, int r) {
    Column[] stored = keyBatches.get(groupBatch[g]);
    int row = groupRow[g];
    for (int k = 0; k < cols.length; k++) {
      boolean nullA = stored[k].isNull(row);
      boolean nullB = cols[k].isNull(r);
      if (nullA || nullB) {
        if (nullA != nullB) {
          return false;
        }
      } else if (!Keys.equal(stored[k], row, cols[k], r)) {
        return false;
      }
    }
    return true;
  }

  /** Adds group number {@code groups} with hash {@code hash}, growing the per-group arrays geometrically. */
  private int addGroup(int hash) {
    if (groups == groupHash.length) {
      int capacity = groups * 2;
      groupHash = Arrays.copyOf(groupHash, capacity);
      if (longKinds != null) {
        groupLongs = Arrays.copyOf(groupLongs, capacity * width);
        groupNulls = Arrays.copyOf(groupNulls, capacity * width);
      } else {
        groupBatch = Arrays.copyOf(groupBatch, capacity);
        groupRow = Arrays.copyOf(groupRow, capacity);
      }
    }
    groupHash[groups] = hash;
    return groups++;
  }

  private void rehash() {
    rebuildSlots(slots.length * 2);
  }

  private void rebuildSlots(int capacity) {
    int[] next = new int[capacity];
    Arrays.fill(next, -1);
    int mask = next.length - 1;
    for (int g = 0; g < groups; g++) {
      int slot = spread(groupHash[g]) & mask;
      while (next[slot] != -1) {
        slot = (slot + 1) & mask;
      }
      next[slot] = g;
    }
    slots = next;
  }

  /** Spreads a hash over the slot bits (the exchange partitions by the same hash). */
  static int spread(int h) {
    int x = h * 0x85EBCA6B;
    return x ^ (x >>> 15);
  }

  /** The key columns of groups {@code from..to}. */
  Column[] keyColumns(int from, int to) {
    Column[] out = new Column[width];
    int n = to - from;
    for (int k = 0; k < width; k++) {
      if (longKinds != null) {
        long[] values = new long[n];
        boolean[] nulls = null;
        for (int g = from; g < to; g++) {
          values[g - from] = groupLongs[g * width + k];
          if (groupNulls[g * width + k]) {
            nulls = nulls == null ? new boolean[n] : nulls;
            nulls[g - from] = true;
          }
        }
        out[k] = new LongColumn(values, nulls, n, longKinds[k].kind(), longKinds[k].scale());
        continue;
      }
      ColumnBuilder builder = new ColumnBuilder();
      for (int g = from; g < to; g++) {
        builder.append(keyBatches.get(groupBatch[g])[k], groupRow[g]);
      }
      out[k] = builder.build();
    }
    return out;
  }

  /** Approximate bytes held: the table and the kept key columns. */
  long memoryBytes() {
    long perGroup = longKinds != null ? 9L * width : groupBatch != null ? 8 : 0;
    return 4L * slots.length + (longSlots == null ? 0 : 8L * longSlots.length) + (4L + perGroup) * groupHash.length
        + keyBytes;
  }
}
