package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One producer's share of the salted (large, outer-preserving) side of a skew-salted join: holds back its rows while
 * they go into the sample all producers of the side share ({@link HeavyKeys}), until the heavy keys are decided,
 * then hash-partitions like {@link HashDistribution} except that the rows of a heavy key go round-robin to K
 * sub-partitions. Each row still reaches exactly one task.
 */
public final class SaltedDistribution implements Distribution {
  private final int[] keys;
  private final SkewSettings settings;
  private final HeavyKeys heavyKeys;
  private final List<Batch> held = new ArrayList<>();
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
    if (heavyKeys.sample(batch, keys, out.tasks())) {
      release(out);
    }
  }

  @Override
  public void finish(TaskSink out) {
    if (heavy == null) {
      // the last producer to finish decides if the sample is not full; the others wait for the decision
      heavyKeys.producerFinished(out.tasks());
      release(out);
    }
  }

  private void release(TaskSink out) {
    heavy = heavyKeys.await();
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
