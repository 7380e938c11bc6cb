package io.floe.engine.exec;

import java.util.Arrays;

/** A set of (group id, long value) pairs in open addressing with linear probing; group ids are non-negative. */
final class GroupValueSet {
  /** Receives the pairs of the set. */
  interface PairConsumer {
    void accept(int group, long value);
  }

  private int[] groups = new int[1024];
  private long[] values = new long[1024];
  private int size;

  GroupValueSet() {
    Arrays.fill(groups, -1);
  }

  /** Adds the pair; whether it was new. */
  boolean add(int group, long value) {
    if (2 * (size + 1) > groups.length) {
      rehash();
    }
    int mask = groups.length - 1;
    int slot = hash(group, value) & mask;
    while (groups[slot] >= 0) {
      if (groups[slot] == group && values[slot] == value) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    groups[slot] = group;
    values[slot] = value;
    size++;
    return true;
  }

  private static int hash(int group, long value) {
    long h = (value ^ ((long) group << 32 | group)) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }

  private void rehash() {
    int[] oldGroups = groups;
    long[] oldValues = values;
    groups = new int[oldGroups.length * 2];
    values = new long[oldValues.length * 2];
    Arrays.fill(groups, -1);
    size = 0;
    for (int i = 0; i < oldGroups.length; i++) {
      if (oldGroups[i] >= 0) {
        add(oldGroups[i], oldValues[i]);
      }
    }
  }

  /** The number of pairs held. */
  int size() {
    return size;
  }

  void forEach(PairConsumer consumer) {
    for (int i = 0; i < groups.length; i++) {
      if (groups[i] >= 0) {
        consumer.accept(groups[i], values[i]);
      }
    }
  }

  long memoryBytes() {
    return 12L * groups.length;
  }
}
