package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import io.floe.engine.expr.Values;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The heavy-hitter join keys found by sampling the salted side of a join, shared by that side's producers (which
 * sample their first rows into one sample and decide once it is full, or once all of them finished) and the other
 * side's producers (which wait for them): each heavy key maps to its number of salted sub-partitions K (2..tasks).
 * Keys are compared after {@link Values#key} normalization, as in hash partitioning.
 */
public final class HeavyKeys {
  private final CompletableFuture<Map<List<Object>, Integer>> decided = new CompletableFuture<>();
  private final SkewSettings settings;
  private final Map<List<Object>, Integer> counts = new HashMap<>();
  private long sampled;
  private int sampling;

  /**
   * The heavy keys of a join whose salted side has {@code saltedProducers} producers, sampled as {@code settings}
   * say.
   */
  public HeavyKeys(SkewSettings settings, int saltedProducers) {
    this.settings = settings;
    this.sampling = saltedProducers;
  }

  /**
   * Adds the keys of {@code batch}'s rows to the shared sample, up to the sample's size in all; the producer that
   * fills it decides. Returns whether the heavy keys are decided (by this call or an earlier one).
   */
  synchronized boolean sample(Batch batch, int[] keys, int tasks) {
    if (decided.isDone()) {
      return true;
    }
    for (int r = 0; r < batch.size() && sampled < settings.sampleRows(); r++, sampled++) {
      counts.merge(keyOf(batch, r, keys), 1, Integer::sum);
    }
    if (sampled >= settings.sampleRows()) {
      decide(tasks);
    }
    return decided.isDone();
  }

  /** A producer of the salted side ran out of rows before the sample was full: the last one decides from it. */
  synchronized void producerFinished(int tasks) {
    if (--sampling <= 0 && !decided.isDone()) {
      decide(tasks);
    }
  }

  /** The key of row {@code r} of {@code batch}: the normalized values of the key columns. */
  static List<Object> keyOf(Batch batch, int r, int[] keys) {
    Object[] row = batch.row(r);
    Object[] key = new Object[keys.length];
    for (int k = 0; k < keys.length; k++) {
      key[k] = Values.key(row[keys[k]]);
    }
    return Arrays.asList(key);
  }

  /** Decides the heavy keys from the per-key counts of the sampled rows. */
  private void decide(int tasks) {
    Map<List<Object>, Integer> heavy = new HashMap<>();
    for (Map.Entry<List<Object>, Integer> e : counts.entrySet()) {
      double share = e.getValue() / (double) Math.max(1, sampled);
      int salts = (int) Math.min(tasks, Math.ceil(2 * share * tasks));
      if (share >= settings.minKeyShare() && salts >= 2) {
        heavy.put(e.getKey(), salts);
      }
    }
    counts.clear();
    decided.complete(Map.copyOf(heavy));
  }

  /** Runs {@code action} once the heavy keys are decided (at once if they are; never if sampling failed). */
  public void whenDecided(Runnable action) {
    decided.thenRun(action);
  }

  void fail(Throwable cause) {
    decided.completeExceptionally(cause);
  }

  /** Waits for the decision. */
  Map<List<Object>, Integer> await() {
    try {
      return decided.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalTransport.CancellationException();
    } catch (ExecutionException e) {
      throw new LocalTransport.CancellationException();
    }
  }

  /** The decision if made: heavy keys and their sub-partition counts (empty before). */
  public Map<List<Object>, Integer> decidedKeys() {
    return decided.isDone() && !decided.isCompletedExceptionally() ? decided.join() : Map.of();
  }

  /** Which hash partitions are the home of a heavy key (only their rows need a per-row check). */
  static boolean[] homes(Map<List<Object>, Integer> heavy, HashPartitioner partitioner, int[] keys, int tasks) {
    boolean[] homes = new boolean[tasks];
    int width = Arrays.stream(keys).max().orElse(-1) + 1;
    for (List<Object> key : heavy.keySet()) {
      Object[] row = new Object[width];
      for (int k = 0; k < keys.length; k++) {
        row[keys[k]] = key.get(k);
      }
      Batch[] parts = partitioner.split(Batch.ofRows(List.<Object[]>of(row), width));
      for (int p = 0; p < parts.length; p++) {
        homes[p] |= parts[p] != null;
      }
    }
    return homes;
  }

  /**
   * Splits {@code batch} by hash partition and routes each row: a row of an ordinary key goes to its partition p;
   * a row of a heavy key with K salts goes to partitions p..p+K-1 (mod tasks) as {@code targets} chooses. Only the
   * partitions in {@code homes} can hold heavy keys.
   */
  static void route(Batch batch, HashPartitioner partitioner, int[] keys, Map<List<Object>, Integer> heavy,
      boolean[] homes, SaltTargets targets, Distribution.TaskSink out) {
    Batch[] parts = partitioner.split(batch);
    int tasks = out.tasks();
    for (int p = 0; p < parts.length; p++) {
      Batch part = parts[p];
      if (part == null) {
        continue;
      }
      if (!homes[p]) {
        out.send(p, part);
        continue;
      }
      TaskRows rows = new TaskRows(tasks, part.size());
      for (int r = 0; r < part.size(); r++) {
        Integer salts = heavy.get(keyOf(part, r, keys));
        if (salts == null) {
          rows.add(p, r);
        } else {
          targets.add(r, p, salts, rows);
        }
      }
      for (int t = 0; t < tasks; t++) {
        if (rows.counts[t] > 0) {
          out.send(t, part.select(rows.rows[t], rows.counts[t]));
        }
      }
    }
  }

  /** Chooses the task(s) of one row of a heavy key whose home partition is {@code home}. */
  interface SaltTargets {
    void add(int row, int home, int salts, TaskRows rows);
  }

  /** The rows of one batch each task receives (a row may go to several tasks). */
  static final class TaskRows {
    private final int[][] rows;
    private final int[] counts;

    private TaskRows(int tasks, int batchSize) {
      this.rows = new int[tasks][batchSize];
      this.counts = new int[tasks];
    }

    int tasks() {
      return counts.length;
    }

    void add(int task, int row) {
      rows[task][counts[task]++] = row;
    }
  }
}
