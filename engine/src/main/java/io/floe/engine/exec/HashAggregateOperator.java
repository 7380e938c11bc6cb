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
 *
 * <p>It reserves before it grows: before each batch, room for the table to grow by {@value #GROWTH} times and for the
 * batch's rows, and always the partitions' write buffers, so deciding to spill needs no memory it does not hold yet.
 * The levels share one {@link MemoryAccount}, kept from the first level's spill to the last partition.
 */
public final class HashAggregateOperator implements Operator {
  /** Partition files one spilling aggregation writes. */
  private static final int PARTITIONS = 16;
  /** Levels of partitioning after which a partition that does not fit fails the query. */
  private static final int MAX_LEVEL = 8;
  /** How much a table may grow with one batch: several of its arrays can double at once (3.4 times measured). */
  private static final int GROWTH = 4;

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
    this(input, keys, aggregates, null, null);
  }

  /** A hash aggregate whose groups count against the query's memory limit on {@code allocator}. */
  public HashAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates,
      BufferAllocator allocator) {
    this(input, keys, aggregates, allocator, null);
  }

  /**
   * A hash aggregate whose groups count against the query's memory limit on {@code allocator}, spilling the rows of
   * new keys as {@code spilling} says once its groups would not fit (null: never spills, fails over the limit).
   */
  public HashAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates,
      BufferAllocator allocator, Spilling spilling) {
    this(input, keys, aggregates, allocator, spilling, 0, new MemoryAccount(allocator, "HashAggregate"));
  }

  /** The aggregate of one spilled partition at {@code level} (above 0), holding on the first level's account. */
  private HashAggregateOperator(Operator input, int[] keys, List<AggregateSpec> aggregates,
      BufferAllocator allocator, Spilling spilling, int level, MemoryAccount memory) {
    this.memory = memory;
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
      if (partitions == null && level == 0) {
        memory.release();
      }
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
        if (level == 0) {
          memory.release();
        }
        return null;
      }
      partition = new HashAggregateOperator(partitions.read(nextPartition++), keys, aggregates, allocator, spilling,
          level + 1, memory);
    }
  }

  private void build() {
    table = new AggregateTable(keys, aggregates);
    // what spilling takes is held from the first batch on: the partitions' write buffers
    long spillBuffers = spills() ? SpillPartitions.bufferBytes(PARTITIONS) : 0;
    Batch batch;
    while ((batch = input.next()) != null) {
      Cancellation.check();
      // reserve first, then grow: room for the table's arrays to double (some twice) and for the batch's keys
      if (partitions == null && spills() && table.size() > 0 && !memory.tryHoldSpillable(
          GROWTH * table.memoryBytes() + batch.memoryBytes() + spillBuffers, spilling.tasks())) {
        // the groups so far stay, held with the buffers since the last batch; the rows of new keys go to disk
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
      memory.hold(table.memoryBytes() + spillBuffers);
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
        if (level == 0) {
          memory.close();
        }
        input.close();
      }
    }
  }
}
