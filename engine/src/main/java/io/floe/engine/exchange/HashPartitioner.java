package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Keys;

/** Splits a batch into per-partition batches by the hash of key columns (equal keys share a partition). */
final class HashPartitioner {
  private final int[] keys;
  private final int partitions;

  HashPartitioner(int[] keys, int partitions) {
    this.keys = keys.clone();
    this.partitions = partitions;
  }

  /** One batch per partition, null where a partition receives no rows. */
  Batch[] split(Batch batch) {
    int n = batch.size();
    int[] partition = new int[n];
    int[] counts = new int[partitions];
    int[] hashes = Keys.hashes(batch, keys);
    for (int r = 0; r < n; r++) {
      int p = Math.floorMod(hashes[r] * 0x9E3779B9, partitions);
      partition[r] = p;
      counts[p]++;
    }
    int[][] rows = new int[partitions][];
    for (int p = 0; p < partitions; p++) {
      rows[p] = new int[counts[p]];
    }
    int[] fill = new int[partitions];
    for (int r = 0; r < n; r++) {
      int p = partition[r];
      rows[p][fill[p]++] = r;
    }
    Batch[] out = new Batch[partitions];
    for (int p = 0; p < partitions; p++) {
      if (counts[p] > 0) {
        out[p] = batch.select(rows[p], counts[p]);
      }
    }
    return out;
  }
}
