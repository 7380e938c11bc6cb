package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An open-addressing hash table from key values to dense group ids 0..n-1. One {@link LongColumn} key, or keys
 * that {@link PackedKeys} encodes losslessly into one long (short strings, small-range integers, dates,
 * decimals, booleans), are looked up as one long in a table of (key, group id) pairs. Other keys that are all
 * {@link LongColumn}s (integers, dates, decimals up to 18 digits) are stored in a flat {@code long[]} and compared
 * as raw longs; otherwise a group's key is the row that first had it: the table keeps those batches' key columns
 * (not boxed values) and the row index. Packed keys get a wider layout when a batch's keys are out of range and
 * leave packing (the groups so far are re-inserted, keeping their ids) when they no longer fit in 64 bits; a
 * long-keyed table switches to the general form if a later batch's key columns are of another type, kind or scale.
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
   * One long key per group (one integer key, or packed keys): the index from key to group id; one integer key's
   * NULL group ({@code nullGroup}) is kept apart. Null in the other layouts.
   */
  private LongKeyIndex longIndex;
  private int nullGroup = -1;
  /** Packed keys: their layout (null when not packed; groupLongs then holds one packed key per group). */
  private PackedKeys packed;
  private boolean packingAllowed = true;
  private long[] packedRows = new long[0];

  /** General keys: the key columns of the batches that added groups, and each group's batch and row. */
  private final List<Column[]> keyBatches = new ArrayList<>();
  private int[] groupBatch;
  private int[] groupRow;

  GroupTable(int[] keys) {
    this.keys = keys.clone();
    this.width = keys.length;
    Arrays.fill(slots, -1);
  }

  /** Whether the groups' keys are packed into one long each (for tests). */
  boolean packed() {
    return packed != null;
  }

  int size() {
    return groups;
  }

  /** The group id of each row of {@code batch}, adding groups for new keys. */
  int[] groupIds(Batch batch) {
    return ids(batch, true);
  }

  /**
   * The group id of each row of {@code batch} whose key has a group, -1 for the others; adds no group (a spilling
   * aggregation keeps its groups and writes the rows of new keys to disk).
   */
  int[] existingGroupIds(Batch batch) {
    return ids(batch, false);
  }

  private int[] ids(Batch batch, boolean insert) {
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
    addKeys(cols, n, ids, insert);
    return ids;
  }

  private void addKeys(Column[] cols, int n, int[] ids, boolean insert) {
    if (!decided) {
      decideLayout(cols, n);
    }
    if (packed != null) {
      PackedKeys layout = packed.fitting(cols, n);
      if (layout == null) {
        leavePacking();
        if (!decided) {
          decideLayout(cols, n);
        }
      } else if (layout != packed) {
        repack(layout);
      }
    }
    if (packed != null) {
      packedGroupIds(cols, n, ids, insert);
      return;
    }
    if (longKinds != null && !matchesLongKinds(cols)) {
      convertToGeneral();
    }
    if (longIndex != null) {
      singleLongGroupIds((LongColumn) cols[0], n, ids, insert);
      return;
    }
    int[] hashes = Keys.hashes(new Batch(n, cols), identity(width));
    if (longKinds != null) {
      longGroupIds(cols, hashes, n, ids, insert);
    } else {
      generalGroupIds(cols, hashes, n, ids, insert);
    }
  }

  /**
   * Keys of (group, values) pairs, for a table keyed by all its columns ({@link #ofAllColumns}): rows
   * {@code rows[0..count)} as column 0, each row's group {@code ids[r]}, then the columns {@code args} at those rows.
   */
  static Batch groupAndValues(int[] ids, int[] rows, int count, Column... args) {
    long[] groups = new long[count];
    for (int i = 0; i < count; i++) {
      groups[i] = ids[rows[i]];
    }
    Column[] keys = new Column[args.length + 1];
    keys[0] = new LongColumn(groups, null, count, LongColumn.Kind.INTEGER, 0);
    for (int a = 0; a < args.length; a++) {
      keys[a + 1] = args[a].select(rows, count);
    }
    return new Batch(count, keys);
  }

  /** A table keyed by all of the {@code width} columns of its batches. */
  static GroupTable ofAllColumns(int width) {
    return new GroupTable(identity(width));
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private void decideLayout(Column[] cols, int n) {
    decided = true;
    boolean oneLong = width == 1 && cols[0] instanceof LongColumn;
    packed = packingAllowed && !oneLong ? PackedKeys.plan(cols, n) : null;
    if (packed != null) {
      groupLongs = new long[groupHash.length];
      longIndex = new LongKeyIndex();
      return;
    }
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
      longIndex = new LongKeyIndex();
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

  private void longGroupIds(Column[] cols, int[] hashes, int n, int[] ids, boolean insert) {
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
      if (g == -1 && insert) {
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

  private void packedGroupIds(Column[] cols, int n, int[] ids, boolean insert) {
    if (packedRows.length < n) {
      packedRows = new long[n];
    }
    long[] rows = packedRows;
    packed.encode(cols, n, rows);
    long previous = 0;
    int previousGroup = -1;
    for (int r = 0; r < n; r++) {
      long v = rows[r];
      if (v != previous || previousGroup < 0) {
        previous = v;
        previousGroup = insert ? longGroup(v) : longIndex.find(v);
      }
      ids[r] = previousGroup;
    }
  }

  /** Re-encodes the groups' packed keys in a wider {@code layout}. */
  private void repack(PackedKeys layout) {
    longIndex = new LongKeyIndex();
    for (int g = 0; g < groups; g++) {
      long v = layout.repack(groupLongs[g], packed);
      groupLongs[g] = v;
      longIndex.groupOf(v, g);
    }
    packed = layout;
  }

  /** Drops packing: re-inserts the groups so far (ids 0..n-1 in order) in the layout their key columns call for. */
  private void leavePacking() {
    Column[] kept = keyColumns(0, groups);
    int count = groups;
    packed = null;
    packingAllowed = false;
    decided = false;
    longIndex = null;
    groupLongs = null;
    groups = 0;
    Arrays.fill(slots, -1);
    if (count > 0) {
      addKeys(kept, count, new int[count], true);
    }
  }

  /** The group of long key {@code v}, added if new. */
  private int longGroup(long v) {
    int g = longIndex.groupOf(v, groups);
    if (g == groups) {
      addGroup(0);
      groupLongs[g] = v;
    }
    return g;
  }

  private void singleLongGroupIds(LongColumn column, int n, int[] ids, boolean insert) {
    long[] values = column.values();
    boolean[] nulls = column.nulls();
    for (int r = 0; r < n; r++) {
      if (nulls != null && nulls[r]) {
        if (nullGroup < 0 && insert) {
          nullGroup = addGroup(0);
          groupNulls[nullGroup] = true;
          groupLongs[nullGroup] = 0;
        }
        ids[r] = nullGroup;
        continue;
      }
      long v = values[r];
      if (r > 0 && v == values[r - 1] && (nulls == null || !nulls[r - 1])) {
        ids[r] = ids[r - 1];
        continue;
      }
      ids[r] = insert ? longGroup(v) : longIndex.find(v);
    }
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
    if (longIndex != null) {
      // the one-key table kept neither hashes nor slots of the general form
      System.arraycopy(Keys.hashes(new Batch(groups, kept), identity(width)), 0, groupHash, 0, groups);
      rebuildSlots(Math.max(slots.length, Integer.highestOneBit(Math.max(1, groups) * 4)));
      longIndex = null;
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

  private void generalGroupIds(Column[] cols, int[] hashes, int n, int[] ids, boolean insert) {
    int batchIndex = -1;
    KeyMatch match = (g, r) -> sameKey(g, cols, r);
    for (int r = 0; r < n; r++) {
      int h = hashes[r];
      int slot = findSlot(h, r, match);
      int g = slots[slot];
      if (g == -1 && insert) {
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
      if (packed != null) {
        groupLongs = Arrays.copyOf(groupLongs, capacity);
      } else if (longKinds != null) {
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
    if (packed != null) {
      return packed.decode(groupLongs, from, to);
    }
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
    long perGroup = packed != null ? 8 : longKinds != null ? 9L * width : groupBatch != null ? 8 : 0;
    return 4L * slots.length + 8L * packedRows.length + (longIndex == null ? 0 : longIndex.memoryBytes()) + (4L + perGroup) * groupHash.length
        + keyBytes;
  }
}
