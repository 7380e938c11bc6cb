package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The salted (large, outer-preserving) side of a skew-salted join: holds back its first rows as a sample, decides
 * the heavy keys ({@link HeavyKeys}), then hash-partitions like {@link HashDistribution} except that the rows of a
 * heavy key go round-robin to K sub-partitions. Each row still reaches exactly one task.
 */
public final class SaltedDistribution implements Distribution {
  private final int[] keys;
  private final SkewSettings settings;
  private final HeavyKeys heavyKeys;
  private final List<Batch> held = new ArrayList<>();
  private final Map<List<Object>, Integer> counts = new HashMap<>();
  private long sampled;
  private Map<List<Object>, Integer> heavy;
  private HashPartitioner partitioner;
  private boolean[] homes;
  private long nextSalt;

  public SaltedDistribution(int[] keys, SkewSettings settings, HeavyKeys heavyKeys) {
    this.keys = keys.clone();
    this.settings = settings;
    this.heavyKeys = heavyKeys;
  }

  @Override
  public void route(Batch batch, TaskSink out) {
    if (heavy != null) {
      send(batch, out);
      return;
    }
    held.add(batch);
    for (int r = 0; r < batch.size() && sampled < settings.sampleRows(); r++, sampled++) {
      counts.merge(HeavyKeys.keyOf(batch, r, keys), 1, Integer::sum);
    }
    if (sampled >= settings.sampleRows()) {
      release(out);
    }
  }

  @Override
  public void finish(TaskSink out) {
    if (heavy == null) {
      release(out);
    }
  }

  private void release(TaskSink out) {
    heavyKeys.decide(counts, Math.max(1, sampled), out.tasks(), settings.minKeyShare());
    heavy = heavyKeys.await();
    counts.clear();
    for (Batch b : held) {
      send(b, out);
    }
    held.clear();
  }

  private void send(Batch batch, TaskSink out) {
    if (partitioner == null) {
      partitioner = new HashPartitioner(keys, out.tasks());
      homes = HeavyKeys.homes(heavy, partitioner, keys, out.tasks());
    }
    HeavyKeys.route(batch, partitioner, keys, heavy, homes, (row, home, salts, rows) ->
        rows.add((int) ((home + nextSalt++ % salts) % rows.tasks()), row), out);
  }

  @Override
  public void abort(Throwable cause) {
    heavyKeys.fail(cause);
  }

  @Override
  public String describe() {
    return "salted repartition by " + Arrays.toString(keys) + " (heavy keys sampled from the first "
        + settings.sampleRows() + " rows)";
  }
}
