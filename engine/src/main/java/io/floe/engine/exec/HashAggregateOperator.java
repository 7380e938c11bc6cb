package io.floe.engine.exec;

import io.floe.engine.exec.spill.SpillPartitions;
import io.floe.engine.exec.spill.Spilling;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Groups its input by key columns in a hash table of typed keys ({@link GroupTable}) and computes the aggregates
 * for all groups of a batch at once in typed loops ({@link GroupAggregator}; DISTINCT aggregates keep a set of
 * seen (group, value) pairs). Without group keys it returns exactly one row, also for empty input.
 *
 * <p>With {@link Spilling}, once its groups would take more than its share of the query's memory it keeps the
 * groups it has and writes the rows of keys without a group to {@value #PARTITIONS} partition files by a hash of
 * their key (hybrid hash aggregation): a group's rows all go to the table or all to one partition, in input order.
 * It outputs the groups in memory, frees them, then aggregates each partition in turn the same way (with another
 * hash, so a partition that still does not fit is partitioned again, up to {@value #MAX_LEVEL} levels).
 */
public final class HashAggregateOperator implements Operator {
  /** Partition files one spilling aggregation writes. */
  private static final int PARTITIONS = 16;
  /** Levels of partitioning after which a partition that does not fit fails the query. */
  private static final int MAX_LEVEL = 8;

  private final Operator input;
  private final int[] keys;
  private final List<AggregateSpec> aggregates;
  private final BufferAllocator allocator;
  private final Spilling spilling;
  private final int level;
  private final MemoryAccount memory;
  private boolean built;
  private AggregateTable table;
  private SpillPartitions partitions;
  private int nextPartition;
  private HashAggregateOperator partition;

  public HashAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates) {
    this(input, keys, aggregates, null, null, 0);
  }

  /** A hash aggregate whose groups count against the query's memory limit on {@code allocator}. */
  public HashAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates,
      BufferAllocator allocator) {
    this(input, keys, aggregates, allocator, null, 0);
  }

  /**
   * A hash aggregate whose groups count against the query's memory limit on {@code allocator}, spilling the rows of
   * new keys as {@code spilling} says once its groups would not fit (null: never spills, fails over the limit).
   */
  public HashAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates,
      BufferAllocator allocator, Spilling spilling) {
    this(input, keys, aggregates, allocator, spilling, 0);
  }

  private HashAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates,
      BufferAllocator allocator, Spilling spilling, int level) {
    this.memory = new MemoryAccount(allocator, "HashAggregate");
    this.input = input;
    this.keys = keys.clone();
    this.aggregates = List.copyOf(aggregates);
    this.allocator = allocator;
    this.spilling = spilling;
    this.level = level;
  }

  @Override
  public Batch next() {
    if (!built) {
      build();
      built = true;
    }
    if (table != null) {
      Batch batch = table.nextOutput();
      if (batch != null) {
        return batch;
      }
      table = null;
      memory.release();
    }
    return partitions == null ? null : nextFromPartitions();
  }

  /** The groups of the spilled partitions, one partition after the other. */
  private Batch nextFromPartitions() {
    while (true) {
      if (partition != null) {
        Batch batch = partition.next();
        if (batch != null) {
          return batch;
        }
        partition.close();
        partition = null;
        partitions.delete(nextPartition - 1);
      }
      while (nextPartition < partitions.count() && partitions.isEmpty(nextPartition)) {
        nextPartition++;
      }
      if (nextPartition == partitions.count()) {
        partitions.close();
        partitions = null;
        return null;
      }
      partition = new HashAggregateOperator(partitions.read(nextPartition++), keys, aggregates, allocator, spilling,
          level + 1);
    }
  }

  private void build() {
    table = new AggregateTable(keys, aggregates);
    Batch batch;
    while ((batch = input.next()) != null) {
      Cancellation.check();
      // room for the groups' arrays to double once more and for the partitions' write buffers
      if (partitions == null && spills() && table.size() > 0 && !memory.tryHoldSpillable(
          2 * table.memoryBytes() + SpillPartitions.bufferBytes(PARTITIONS), spilling.tasks())) {
        // the groups so far stay; the rows of new keys go to disk from now on
        partitions = new SpillPartitions(spilling, PARTITIONS);
      }
      if (partitions != null) {
        Batch newKeys = table.addExisting(batch);
        if (newKeys != null) {
          partitions.write(newKeys, partitionOfRows(newKeys));
        }
        memory.hold(table.memoryBytes() + partitions.bufferBytes());
        continue;
      }
      table.add(batch);
      memory.hold(table.memoryBytes());
    }
    if (partitions != null) {
      partitions.finish();
    }
    if (keys.length == 0) {
      table.addTheGlobalGroup();
    }
  }

  /** Whether this aggregation may still spill: spilling is on, it has keys and is not partitioned too deep. */
  private boolean spills() {
    return spilling != null && keys.length > 0 && level < MAX_LEVEL;
  }

  /** The partition of each row: a hash of its key, mixed with this level so a partition splits again below. */
  private int[] partitionOfRows(Batch batch) {
    return SpillPartitions.partitionOf(Keys.hashes(batch, keys), level, PARTITIONS);
  }

  @Override
  public void close() {
    try {
      if (partition != null) {
        partition.close();
      }
    } finally {
      try {
        if (partitions != null) {
          partitions.close();
        }
      } finally {
        memory.close();
        input.close();
      }
    }
  }
}
