package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An open-addressing hash table from key values to dense group ids 0..n-1. A group's key is the row that first
 * had it: the table keeps those batches' key columns (not boxed values) and the row index.
 */
final class GroupTable {
  private final int[] keys;
  private final List<Column[]> keyBatches = new ArrayList<>();
  private int[] slots = new int[1024];
  private int[] groupHash = new int[256];
  private int[] groupBatch = new int[256];
  private int[] groupRow = new int[256];
  private int groups;
  private long keyBytes;

  GroupTable(int[] keys) {
    this.keys = keys.clone();
    Arrays.fill(slots, -1);
  }

  int size() {
    return groups;
  }

  /** The group id of each row of {@code batch}, adding groups for new keys. */
  int[] groupIds(Batch batch) {
    int n = batch.size();
    int[] ids = new int[n];
    if (keys.length == 0) {
      if (groups == 0) {
        groups = 1;
      }
      return ids;
    }
    Column[] cols = new Column[keys.length];
    for (int k = 0; k < keys.length; k++) {
      cols[k] = batch.column(keys[k]);
    }
    int[] hashes = Keys.hashes(batch, keys);
    int batchIndex = -1;
    for (int r = 0; r < n; r++) {
      int h = hashes[r];
      int mask = slots.length - 1;
      int slot = spread(h) & mask;
      int g;
      while ((g = slots[slot]) != -1) {
        if (groupHash[g] == h && sameKey(g, cols, r)) {
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (g == -1) {
        if (batchIndex < 0) {
          keyBatches.add(cols);
          batchIndex = keyBatches.size() - 1;
          for (Column c : cols) {
            keyBytes += c.memoryBytes();
          }
        }
        g = add(h, batchIndex, r);
        slots[slot] = g;
        if (groups * 2 > slots.length) {
          rehash();
        }
      }
      ids[r] = g;
    }
    return ids;
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

  private int add(int hash, int batch, int row) {
    if (groups == groupHash.length) {
      int capacity = groups * 2;
      groupHash = Arrays.copyOf(groupHash, capacity);
      groupBatch = Arrays.copyOf(groupBatch, capacity);
      groupRow = Arrays.copyOf(groupRow, capacity);
    }
    groupHash[groups] = hash;
    groupBatch[groups] = batch;
    groupRow[groups] = row;
    return groups++;
  }

  private void rehash() {
    int[] next = new int[slots.length * 2];
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
    Column[] out = new Column[keys.length];
    for (int k = 0; k < keys.length; k++) {
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
    return 4L * slots.length + 12L * groupHash.length + keyBytes;
  }
}
