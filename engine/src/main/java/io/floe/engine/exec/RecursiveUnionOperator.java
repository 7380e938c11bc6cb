package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A recursive query: the seed's rows, then the step's rows run again and again over the rows the previous round
 * added (its {@link WorkTable}), until a round adds none. UNION (not ALL) keeps only rows not seen before, which
 * also ends a recursion over a cycle. The rows of the current and the previous round and UNION's table of seen rows
 * count against the query's memory limit; a recursion past {@link #MAX_ROUNDS} rounds fails with SQLState 54000.
 */
public final class RecursiveUnionOperator implements Operator {
  /** The most rounds a recursion may take before it is taken to be endless. */
  public static final int MAX_ROUNDS = 100_000;

  private final Operator seed;
  private final Supplier<Operator> step;
  private final WorkTable workTable;
  private final GroupTable seen;
  private final MemoryAccount memory;
  private final List<Batch> added = new ArrayList<>();
  private long addedBytes;
  /** What the working table holds: the previous round's rows, which the current round reads. */
  private long previousRoundBytes;
  private Operator current;
  private int rounds;

  /**
   * @param step a new operator for one round of the recursive step (reading {@code workTable})
   * @param all UNION ALL (keep every row) rather than UNION
   */
  public RecursiveUnionOperator(Operator seed, Supplier<Operator> step, WorkTable workTable, boolean all,
      int width, BufferAllocator allocator) {
    this.seed = seed;
    this.step = step;
    this.workTable = workTable;
    this.seen = all ? null : new GroupTable(IntStream.range(0, width).toArray());
    this.memory = new MemoryAccount(allocator, "RecursiveUnion " + workTable.name());
    this.current = seed;
  }

  @Override
  public Batch next() {
    while (current != null) {
      Batch batch = current.next();
      if (batch != null) {
        Batch kept = seen == null ? batch : unseen(batch);
        if (kept != null) {
          added.add(kept);
          addedBytes += kept.memoryBytes();
          memory.hold(addedBytes + previousRoundBytes + seenBytes());
          return kept;
        }
        continue;
      }
      if (current != seed) {
        current.close();
      }
      current = null;
      if (!added.isEmpty()) {
        if (++rounds > MAX_ROUNDS) {
          throw new SqlStateException("54000", "recursive query " + workTable.name() + " did not end after "
              + MAX_ROUNDS + " rounds");
        }
        workTable.set(added);
        added.clear();
        previousRoundBytes = addedBytes;
        addedBytes = 0;
        current = step.get();
      }
    }
    return null;
  }

  /** The rows of {@code batch} not seen before (each once), or null when there are none. */
  private Batch unseen(Batch batch) {
    int nextNew = seen.size();
    int[] ids = seen.groupIds(batch);
    int[] rows = new int[batch.size()];
    int count = 0;
    for (int r = 0; r < ids.length; r++) {
      if (ids[r] == nextNew) {
        rows[count++] = r;
        nextNew++;
      }
    }
    if (count == 0) {
      return null;
    }
    return count == batch.size() ? batch : batch.select(rows, count);
  }

  private long seenBytes() {
    return seen == null ? 0 : seen.memoryBytes();
  }

  @Override
  public void close() {
    if (current != null && current != seed) {
      current.close();
    }
    seed.close();
    memory.close();
  }
}
