package io.floe.engine.dml;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import io.floe.engine.expr.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a MERGE's source, held in memory and hashed on the ON condition's equality keys (rows with a NULL
 * key are not indexed, as {@code =} never holds for NULL); records which source rows matched a target row.
 */
final class MergeSource {
  private static final int[] NONE = new int[0];
  private final Batch rows;
  private final int[] keys;
  private final Map<List<Object>, int[]> index = new HashMap<>();
  private final int[] all;
  private final BitSet matched = new BitSet();

  private MergeSource(Batch rows, int[] keys) {
    this.rows = rows;
    this.keys = keys;
    this.all = new int[rows.size()];
    Map<List<Object>, List<Integer>> groups = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      all[r] = r;
      List<Object> key = key(rows, keys, r);
      if (key != null && keys.length > 0) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
    }
    groups.forEach((k, v) -> index.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** Runs {@code source} to the end and indexes its rows on columns {@code keys}. */
  static MergeSource load(Operator source, int width, int[] keys) {
    List<Batch> batches = new ArrayList<>();
    int total = 0;
    try (source) {
      Batch b;
      while ((b = source.next()) != null) {
        batches.add(b);
        total += b.size();
      }
    }
    Object[][] columns = new Object[width][total];
    int at = 0;
    for (Batch b : batches) {
      for (int c = 0; c < width; c++) {
        System.arraycopy(b.column(c).toArray(), 0, columns[c], at, b.size());
      }
      at += b.size();
    }
    return new MergeSource(Batch.ofArrays(total, columns), keys);
  }

  Batch rows() {
    return rows;
  }

  /** The source rows whose keys equal the values of {@code targetKeys} in row {@code row} of {@code target}. */
  int[] candidates(Batch target, int[] targetKeys, int row) {
    if (keys.length == 0) {
      return all;
    }
    List<Object> key = key(target, targetKeys, row);
    int[] found = key == null ? null : index.get(key);
    return found == null ? NONE : found;
  }

  private static List<Object> key(Batch batch, int[] keyColumns, int row) {
    Object[] key = new Object[keyColumns.length];
    for (int k = 0; k < keyColumns.length; k++) {
      Object v = batch.column(keyColumns[k]).get(row);
      if (v == null) {
        return null;
      }
      key[k] = Values.key(v);
    }
    return Arrays.asList(key);
  }

  synchronized void markMatched(int sourceRow) {
    matched.set(sourceRow);
  }

  /** The source rows no target row matched. */
  synchronized int[] unmatched() {
    int[] out = new int[rows.size() - matched.cardinality()];
    int n = 0;
    for (int r = matched.nextClearBit(0); r < rows.size(); r = matched.nextClearBit(r + 1)) {
      out[n++] = r;
    }
    return out;
  }
}
