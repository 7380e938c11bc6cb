package io.floe.engine.exec;

import io.floe.engine.exec.spill.SpillPartitions;
import io.floe.engine.exec.spill.Spilling;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The rows of a subplan that several parts of one plan read (a WITH query or view referenced twice, which Calcite
 * plans as one shared node): computed once, by whichever {@link #reader()} is read first while the others wait, held
 * in memory (accounted on the query's allocator) and replayed to every reader. Batches are values no operator
 * modifies, so the readers share them. Rows that would take more than the memory a spilling operator may take go to
 * one spill file instead, which each reader reads from its start; without spilling, they fail the query with 53200
 * naming this result.
 *
 * <p>The rows (or the file) are released when every reader is closed, or by {@link #close()} (the query's end),
 * whichever comes first; the subplan's operators are closed once its last row was read, or by then if it never ran.
 */
public final class SharedResult implements AutoCloseable {
  private final Operator input;
  private final MemoryAccount memory;
  private final Spilling spilling;
  private List<Batch> rows;
  private SpillPartitions spilled;
  private RuntimeException failure;
  private int openReaders;
  private boolean computed;
  private boolean closed;

  /** The shared rows of {@code input}, named {@code name} in errors ("SharedResult of ..."), held in memory. */
  public SharedResult(Operator input, BufferAllocator allocator, String name) {
    this(input, allocator, name, null);
  }

  /** As {@link #SharedResult(Operator, BufferAllocator, String)}, spilling as {@code spilling} says (null: never). */
  public SharedResult(Operator input, BufferAllocator allocator, String name, Spilling spilling) {
    this.input = input;
    this.memory = new MemoryAccount(allocator, name);
    this.spilling = spilling;
  }

  /** A new reader of all the rows, from the first. */
  public synchronized Operator reader() {
    openReaders++;
    return new Reader();
  }

  /**
   * A reader's source of the rows, computed by the first caller (the others wait for it): the rows in memory, or a
   * new reader of the spill file. A failure reaches every reader.
   */
  private synchronized Operator rows() {
    if (closed) {
      throw new IllegalStateException("shared result read after it was closed");
    }
    if (!computed) {
      computed = true;
      try (input) {
        compute();
      } catch (RuntimeException e) {
        failure = e;
        rows = null;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return spilled != null ? spilled.read(0) : new ReplayedBatches(rows);
  }

  private void compute() {
    List<Batch> batches = new ArrayList<>();
    int[] onePartition = new int[0];
    long bytes = 0;
    for (Batch batch = input.next(); batch != null; batch = input.next()) {
      if (spilled != null) {
        onePartition = writeSpilled(batch, onePartition);
        continue;
      }
      bytes += batch.memoryBytes();
      // a result that can spill holds its write buffer from the start, so spilling needs no memory it does not hold
      boolean fits = spilling == null ? holdAll(bytes)
          : memory.tryHoldSpillable(bytes + SpillPartitions.bufferBytes(1), spilling.tasks());
      if (fits) {
        batches.add(batch);
        continue;
      }
      // over its share: what is held and the rest go to one file, through a write buffer held instead
      spilled = new SpillPartitions(spilling, 1, "shared");
      batches.add(batch);
      for (Batch held : batches) {
        onePartition = writeSpilled(held, onePartition);
      }
      batches = null;
      memory.releaseTo(SpillPartitions.bufferBytes(1));
    }
    if (spilled != null) {
      spilled.finish();
      memory.release();
    } else {
      rows = batches;
    }
  }

  /** Holds {@code bytes} in all, failing with 53200 over the limit. */
  private boolean holdAll(long bytes) {
    memory.hold(bytes);
    return true;
  }

  private int[] writeSpilled(Batch batch, int[] onePartition) {
    int[] partitions = onePartition.length >= batch.size() ? onePartition : new int[batch.size()];
    spilled.write(batch, partitions);
    return partitions;
  }

  private synchronized void readerClosed() {
    if (--openReaders == 0) {
      close();
    }
  }

  /** Releases the rows and deletes the spill file (and closes the subplan if it never ran). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    rows = null;
    try {
      if (spilled != null) {
        spilled.close();
      }
    } finally {
      memory.close();
      if (!computed) {
        computed = true;
        input.close();
      }
    }
  }

  /** One reader's position in the shared rows. */
  private final class Reader implements Operator {
    private Operator source;
    private boolean readerClosed;

    @Override
    public Batch next() {
      if (source == null) {
        source = rows();
      }
      return source.next();
    }

    @Override
    public void close() {
      if (!readerClosed) {
        readerClosed = true;
        try {
          if (source != null) {
            source.close();
          }
        } finally {
          source = null;
          readerClosed();
        }
      }
    }
  }
}
