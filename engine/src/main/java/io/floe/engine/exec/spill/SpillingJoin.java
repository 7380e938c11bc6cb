package io.floe.engine.exec.spill;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Cancellation;
import io.floe.engine.exec.Keys;
import io.floe.engine.exec.MemoryAccount;
import io.floe.engine.exec.Operator;
import java.util.List;

/**
 * The disk phase of a hash join whose build side did not fit its memory (a grace hash join): the build rows go to
 * {@value #PARTITIONS} partition files by a hash of their join key ({@link SpillPartitions#partitionOf}, mixed with the
 * partitioning level), then the probe rows to {@value #PARTITIONS} more by the same hash, so a row's matches all lie in
 * the partition pair of its key. Each pair is then joined by a fresh in-memory join ({@link PairJoin}; it keeps its own
 * unmatched-row bookkeeping and may spill its pair again one level below), one pair after the other, and the pair's
 * files are deleted once it is done. {@link #close()} deletes whatever files are left.
 */
public final class SpillingJoin implements Operator {
  /** Partition files one spilling join writes per side. */
  public static final int PARTITIONS = 16;

  /** Joins one pair of partitions: build rows and probe rows whose keys hash alike. */
  public interface PairJoin {
    Operator join(Operator build, Operator probe);
  }

  /** Which unmatched rows the join emits: a pair with no rows on the other side is skipped if none are. */
  public enum Unmatched {
    NONE, PROBE, BUILD, BOTH;

    boolean build() {
      return this == BUILD || this == BOTH;
    }

    boolean probe() {
      return this == PROBE || this == BOTH;
    }
  }

  private final int level;
  private final int[] buildKeys;
  private final int[] probeKeys;
  private final Unmatched unmatched;
  private final Operator probeInput;
  private final MemoryAccount memory;
  private final PairJoin pairJoin;
  private final SpillPartitions build;
  private final SpillPartitions probe;
  /** No rows of the build side's columns: the build input of a pair whose build partition is empty. */
  private Batch buildTemplate;
  /** No rows of the probe side's columns (null if the probe input was empty). */
  private Batch probeTemplate;
  private boolean probePartitioned;
  private int nextPair;
  private Operator pair;

  /**
   * A join at partitioning {@code level} whose rows are keyed by {@code buildKeys} and {@code probeKeys}, emitting
   * {@code unmatched} rows, reading {@code probeInput} to its end at the first {@link #next()}, holding its write
   * buffers on {@code memory} and joining pairs with {@code pairJoin}.
   */
  public SpillingJoin(Spilling spilling, int level, int[] buildKeys, int[] probeKeys, Unmatched unmatched,
      Operator probeInput, MemoryAccount memory, PairJoin pairJoin) {
    this.level = level;
    this.buildKeys = buildKeys.clone();
    this.probeKeys = probeKeys.clone();
    this.unmatched = unmatched;
    this.probeInput = probeInput;
    this.memory = memory;
    this.pairJoin = pairJoin;
    this.build = new SpillPartitions(spilling, PARTITIONS, "join-build");
    this.probe = new SpillPartitions(spilling, PARTITIONS, "join-probe");
  }

  /** The memory the write buffers of one side's partitions take, held from the join's decision to spill on. */
  public static long bufferBytes() {
    return SpillPartitions.bufferBytes(PARTITIONS);
  }

  /**
   * Writes the build rows to their partitions: {@code held} (the batches read before the join ran out of memory; the
   * list is emptied) and the rest of {@code buildInput}; {@code memory} then holds only the write buffers, kept for
   * the probe side's partitions and released once those are written.
   */
  public void partitionBuild(List<Batch> held, Operator buildInput) {
    buildTemplate = held.get(0).select(new int[0], 0);
    for (Batch batch : held) {
      write(build, batch, buildKeys);
    }
    held.clear();
    // the rows went to disk; the write buffers stay held (never released and taken again: another task could take them)
    memory.releaseTo(bufferBytes());
    Batch batch;
    while ((batch = buildInput.next()) != null) {
      Cancellation.check();
      write(build, batch, buildKeys);
    }
    build.finish();
  }

  @Override
  public Batch next() {
    if (!probePartitioned) {
      partitionProbe();
      probePartitioned = true;
    }
    while (true) {
      if (pair != null) {
        Batch batch = pair.next();
        if (batch != null) {
          return batch;
        }
        pair.close();
        pair = null;
        build.delete(nextPair - 1);
        probe.delete(nextPair - 1);
      }
      while (nextPair < PARTITIONS && skipped(nextPair)) {
        nextPair++;
      }
      if (nextPair == PARTITIONS) {
        return null;
      }
      int p = nextPair++;
      Operator buildRows = build.isEmpty(p) ? single(buildTemplate) : build.read(p);
      Operator probeRows = probe.isEmpty(p) ? single(probeTemplate) : probe.read(p);
      pair = pairJoin.join(buildRows, probeRows);
    }
  }

  /** Whether pair {@code p} yields no rows: both sides empty, or one is and the other's unmatched rows are dropped. */
  private boolean skipped(int p) {
    boolean noBuild = build.isEmpty(p);
    boolean noProbe = probe.isEmpty(p);
    return noBuild && noProbe || noBuild && !unmatched.probe() || noProbe && !unmatched.build();
  }

  private void partitionProbe() {
    Batch batch;
    while ((batch = probeInput.next()) != null) {
      Cancellation.check();
      if (probeTemplate == null) {
        probeTemplate = batch.select(new int[0], 0);
      }
      write(probe, batch, probeKeys);
    }
    probe.finish();
    memory.release();
  }

  private void write(SpillPartitions partitions, Batch batch, int[] keys) {
    partitions.write(batch, SpillPartitions.partitionOf(Keys.hashes(batch, keys), level, PARTITIONS));
    memory.hold(partitions.bufferBytes());
  }

  /**
   * {@code batch} (a batch without rows, giving an empty side's column types to the pair's join) and then the end;
   * no batch at all when it is null.
   */
  private static Operator single(Batch batch) {
    return new Operator() {
      private boolean done = batch == null;

      @Override
      public Batch next() {
        if (done) {
          return null;
        }
        done = true;
        return batch;
      }

      @Override
      public void close() {
      }
    };
  }

  /** Closes the pair being joined and deletes every partition file left (all of them, even if one step fails). */
  @Override
  public void close() {
    Operator current = pair;
    pair = null;
    SpillFiles.runAll(List.of(() -> {
      if (current != null) {
        current.close();
      }
    }, build::close, probe::close));
  }
}
