package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import java.util.Arrays;

/** Repartitions rows by the hash of key columns: equal keys reach the same task. */
public final class HashDistribution implements Distribution {
  private final int[] keys;
  private HashPartitioner partitioner;

  public HashDistribution(int[] keys) {
    this.keys = keys.clone();
  }

  @Override
  public void route(Batch batch, TaskSink out) {
    if (partitioner == null) {
      partitioner = new HashPartitioner(keys, out.tasks());
    }
    Batch[] parts = partitioner.split(batch);
    for (int t = 0; t < parts.length; t++) {
      if (parts[t] != null) {
        out.send(t, parts[t]);
      }
    }
  }

  @Override
  public String describe() {
    return "repartition by " + Arrays.toString(keys);
  }
}
