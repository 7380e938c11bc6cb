package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The other side of a skew-salted join: waits for the heavy keys the salted side found, then hash-partitions its
 * rows, replicating each row of a heavy key to all K sub-partitions of that key.
 */
public final class ReplicatedDistribution implements Distribution {
  private final int[] keys;
  private final HeavyKeys heavyKeys;
  private Map<List<Object>, Integer> heavy;
  private HashPartitioner partitioner;
  private boolean[] homes;

  public ReplicatedDistribution(int[] keys, HeavyKeys heavyKeys) {
    this.keys = keys.clone();
    this.heavyKeys = heavyKeys;
  }

  @Override
  public void route(Batch batch, TaskSink out) {
    if (heavy == null) {
      heavy = heavyKeys.await();
      partitioner = new HashPartitioner(keys, out.tasks());
      homes = HeavyKeys.homes(heavy, partitioner, keys, out.tasks());
    }
    HeavyKeys.route(batch, partitioner, keys, heavy, homes, (row, home, salts, rows) -> {
      for (int s = 0; s < salts; s++) {
        rows.add((home + s) % rows.tasks(), row);
      }
    }, out);
  }

  @Override
  public void abort(Throwable cause) {
    heavyKeys.fail(cause);
  }

  @Override
  public String describe() {
    return "repartition by " + Arrays.toString(keys) + ", rows of heavy keys replicated to their salted partitions";
  }
}
