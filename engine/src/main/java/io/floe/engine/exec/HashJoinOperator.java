package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import io.floe.engine.expr.VectorExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * A hash join: builds a hash table over the right input's equi-join keys, probes it with the left input's batches
 * and applies the residual (non-equi) condition to the candidate pairs. Supports INNER, LEFT, RIGHT, FULL, SEMI
 * and ANTI; without equi keys every pair is a candidate (a nested-loop join). A key that is null never matches
 * unless its equality is null-safe (IS NOT DISTINCT FROM).
 */
public final class HashJoinOperator implements Operator {
  private static final int PAIR_CHUNK = 65_536;

  private final Operator left;
  private final Operator right;
  private final JoinRelType type;
  private final int[] leftKeys;
  private final int[] rightKeys;
  private final boolean[] nullSafe;
  private final VectorExpr residual;
  private final int leftWidth;
  private final int rightWidth;
  private final ArrayDeque<Batch> pending = new ArrayDeque<>();

  private Object[][] build;
  private int buildRows;
  private Map<List<Object>, int[]> table;
  private boolean[] rightMatched;
  private boolean probeDone;

  public HashJoinOperator(Operator left, Operator right, JoinRelType type, int[] leftKeys, int[] rightKeys,
      boolean[] nullSafe, VectorExpr residual, int leftWidth, int rightWidth) {
    this.left = left;
    this.right = right;
    this.type = type;
    this.leftKeys = leftKeys.clone();
    this.rightKeys = rightKeys.clone();
    this.nullSafe = nullSafe.clone();
    this.residual = residual;
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
  }

  @Override
  public Batch next() {
    if (table == null) {
      buildTable();
    }
    while (pending.isEmpty()) {
      if (probeDone) {
        return null;
      }
      Batch probe = left.next();
      if (probe == null) {
        probeDone = true;
        emitUnmatchedRight();
      } else {
        probe(probe);
      }
    }
    return pending.poll();
  }

  private void buildTable() {
    List<Batch> batches = new ArrayList<>();
    Batch b;
    int rows = 0;
    while ((b = right.next()) != null) {
      batches.add(b);
      rows += b.size();
    }
    build = new Object[rightWidth][rows];
    int offset = 0;
    for (Batch batch : batches) {
      for (int c = 0; c < rightWidth; c++) {
        System.arraycopy(batch.columns()[c], 0, build[c], offset, batch.size());
      }
      offset += batch.size();
    }
    buildRows = rows;
    rightMatched = new boolean[rows];
    Map<List<Object>, List<Integer>> lists = new HashMap<>();
    for (int r = 0; r < rows; r++) {
      List<Object> key = key(build, rightKeys, r);
      if (key != null) {
        lists.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
    }
    table = new HashMap<>(lists.size() * 2);
    for (Map.Entry<List<Object>, List<Integer>> e : lists.entrySet()) {
      table.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
    }
  }

  private List<Object> key(Object[][] cols, int[] keys, int r) {
    Object[] key = new Object[keys.length];
    for (int k = 0; k < keys.length; k++) {
      Object v = cols[keys[k]][r];
      if (v == null && !nullSafe[k]) {
        return null;
      }
      key[k] = Values.key(v);
    }
    return Arrays.asList(key);
  }

  private void probe(Batch probe) {
    boolean[] leftMatched = new boolean[probe.size()];
    int[] pairLeft = new int[PAIR_CHUNK];
    int[] pairRight = new int[PAIR_CHUNK];
    int pairs = 0;
    int[] all = null;
    if (leftKeys.length == 0) {
      all = new int[buildRows];
      for (int i = 0; i < buildRows; i++) {
        all[i] = i;
      }
    }
    for (int r = 0; r < probe.size(); r++) {
      int[] matches;
      if (all != null) {
        matches = all;
      } else {
        List<Object> key = key(probe.columns(), leftKeys, r);
        matches = key == null ? null : table.get(key);
      }
      if (matches == null) {
        continue;
      }
      for (int m : matches) {
        if (pairs == PAIR_CHUNK) {
          flushPairs(probe, pairLeft, pairRight, pairs, leftMatched);
          pairs = 0;
        }
        pairLeft[pairs] = r;
        pairRight[pairs] = m;
        pairs++;
      }
    }
    flushPairs(probe, pairLeft, pairRight, pairs, leftMatched);
    if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
      boolean want = type == JoinRelType.SEMI;
      int[] rows = new int[probe.size()];
      int count = 0;
      for (int r = 0; r < probe.size(); r++) {
        if (leftMatched[r] == want) {
          rows[count++] = r;
        }
      }
      if (count > 0) {
        pending.add(probe.select(rows, count));
      }
    } else if (type == JoinRelType.LEFT || type == JoinRelType.FULL) {
      int[] rows = new int[probe.size()];
      int count = 0;
      for (int r = 0; r < probe.size(); r++) {
        if (!leftMatched[r]) {
          rows[count++] = r;
        }
      }
      if (count > 0) {
        Batch l = probe.select(rows, count);
        Object[][] cols = Arrays.copyOf(l.columns(), leftWidth + rightWidth);
        for (int c = leftWidth; c < cols.length; c++) {
          cols[c] = new Object[count];
        }
        pending.add(new Batch(count, cols));
      }
    }
  }

  private void flushPairs(Batch probe, int[] pairLeft, int[] pairRight, int pairs, boolean[] leftMatched) {
    if (pairs == 0) {
      return;
    }
    Object[][] cols = new Object[leftWidth + rightWidth][];
    Batch l = probe.select(pairLeft, pairs);
    System.arraycopy(l.columns(), 0, cols, 0, leftWidth);
    for (int c = 0; c < rightWidth; c++) {
      Object[] src = build[c];
      Object[] dst = new Object[pairs];
      for (int i = 0; i < pairs; i++) {
        dst[i] = src[pairRight[i]];
      }
      cols[leftWidth + c] = dst;
    }
    Batch joined = new Batch(pairs, cols);
    int[] keep = new int[pairs];
    int count = 0;
    Object[] ok = residual == null ? null : residual.eval(joined);
    for (int i = 0; i < pairs; i++) {
      if (ok == null || Boolean.TRUE.equals(ok[i])) {
        keep[count++] = i;
        leftMatched[pairLeft[i]] = true;
        rightMatched[pairRight[i]] = true;
      }
    }
    if (count > 0 && type != JoinRelType.SEMI && type != JoinRelType.ANTI) {
      pending.add(count == pairs ? joined : joined.select(keep, count));
    }
  }

  private void emitUnmatchedRight() {
    if (type != JoinRelType.RIGHT && type != JoinRelType.FULL) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    for (int r = 0; r < buildRows; r++) {
      if (!rightMatched[r]) {
        Object[] row = new Object[leftWidth + rightWidth];
        for (int c = 0; c < rightWidth; c++) {
          row[leftWidth + c] = build[c][r];
        }
        rows.add(row);
      }
    }
    if (!rows.isEmpty()) {
      pending.add(Batch.ofRows(rows, leftWidth + rightWidth));
    }
  }

  @Override
  public void close() {
    left.close();
    right.close();
  }
}
