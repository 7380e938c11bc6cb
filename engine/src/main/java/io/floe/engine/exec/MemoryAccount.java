package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.apache.arrow.memory.AllocationReservation;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What one buffering operator holds (hash tables, build sides, sorted rows), reserved on the query's Arrow
 * allocator, so the query's memory limit covers it as it covers the scans' Arrow buffers. Growing past the limit
 * fails the query with SQLState 53200 naming the operator. Closing releases the reservation. It reserves the bytes
 * asked for, rounded up to an even number (Arrow rounds a reservation up to a power of two, which let an account hold
 * up to twice as much).
 *
 * <p>An operator that can spill decides and reserves in one step ({@link #tryHoldSpillable}: what it gets is held
 * before it grows) and, once it spilled, keeps what it holds ({@link #releaseTo} rather than {@link #release}) as the
 * floor its next rows, runs or partitions reuse, so the memory other tasks take in the meantime cannot fail it.
 */
public final class MemoryAccount implements AutoCloseable {
  /** SQLState of a query that exceeded its memory limit (insufficient resources: out of memory). */
  public static final String OUT_OF_MEMORY = "53200";
  /** Operators that can spill leave this share of the query's limit free for those that cannot (scans, hash tables). */
  private static final double UNSPILLABLE_SHARE = 0.25;

  private final BufferAllocator parent;
  private final String operator;
  private BufferAllocator allocator;
  /** What is held, newest first, in powers of two, so that part of it can be given back ({@link #releaseTo}). */
  private final Deque<AllocationReservation> reservations = new ArrayDeque<>();
  private long reserved;

  /** An account of {@code operator} (as named in errors, e.g. "HashJoin (build side)") on {@code allocator}. */
  public MemoryAccount(BufferAllocator allocator, String operator) {
    this.parent = allocator;
    this.operator = operator;
  }

  /** Records that the operator now holds {@code bytes} in total; fails if that is over the query's limit. */
  public void hold(long bytes) {
    if (!tryHold(bytes)) {
      throw exceeded(allocator, operator, bytes - reserved);
    }
  }

  /**
   * Records that the operator now holds {@code bytes} in total, if that fits the query's limit; returns false,
   * holding what it held before, if it does not (an operator that can spill then frees memory instead of failing).
   */
  public boolean tryHold(long bytes) {
    if (parent == null || bytes <= reserved) {
      return true;
    }
    if (allocator == null) {
      // a child allocator named after the operator, so a failure elsewhere can name the largest holder
      allocator = parent.newChildAllocator(operator, 0, Long.MAX_VALUE);
    }
    long more = even(bytes - reserved);
    if (!reserveExactly(more)) {
      return false;
    }
    reserved += more;
    return true;
  }

  /**
   * Reserves exactly {@code bytes} more (an even number), all or nothing: as reservations of powers of two, largest
   * first (Arrow rounds each reservation up to a power of two, and 1 byte up to 2, which would let an account hold up
   * to twice what it asked for).
   */
  private boolean reserveExactly(long bytes) {
    int added = 0;
    for (long rest = bytes; rest > 0; rest -= Long.highestOneBit(rest)) {
      AllocationReservation part = allocator.newReservation();
      if (!part.add(Long.highestOneBit(rest))) {
        part.close();
        for (; added > 0; added--) {
          reservations.pop().close();
        }
        return false;
      }
      reservations.push(part);
      added++;
    }
    return true;
  }

  /**
   * Like {@link #tryHold(long)} for an operator that can spill, one of {@code sharers} running at once (the tasks of
   * a parallel sort): also false when holding {@code bytes} would leave less than a quarter of the query's limit
   * free, which the operators that cannot spill may still need, or would take more than this operator's share of
   * the other three quarters.
   */
  public boolean tryHoldSpillable(long bytes, int sharers) {
    if (parent == null || bytes <= reserved) {
      return true;
    }
    BufferAllocator query = queryAllocator(parent);
    long spillable = (long) (query.getLimit() * (1 - UNSPILLABLE_SHARE));
    long free = query.getLimit() - query.getAllocatedMemory() - (bytes - reserved);
    return bytes <= spillable / sharers && free >= query.getLimit() - spillable && tryHold(bytes);
  }

  /**
   * Holds {@code bytes} in total for an operator that spills when {@code canSpill} (it can, and holds more than its
   * first batch): then {@link #tryHoldSpillable}, false when the operator should spill instead; otherwise
   * {@link #hold}, failing over the limit.
   */
  public boolean holdOrSpill(long bytes, boolean canSpill, int sharers) {
    if (!canSpill) {
      hold(bytes);
      return true;
    }
    return tryHoldSpillable(bytes, sharers);
  }

  /** The allocator whose limit is the query's: {@code allocator} or its nearest ancestor with a limit. */
  private static BufferAllocator queryAllocator(BufferAllocator allocator) {
    BufferAllocator query = allocator;
    while (query.getParentAllocator() != null && query.getLimit() == Long.MAX_VALUE) {
      query = query.getParentAllocator();
    }
    return query;
  }

  /** The error of {@code operator} failing to get {@code wanted} more bytes on {@code allocator}. */
  public static SqlStateException exceeded(BufferAllocator allocator, String operator, long wanted) {
    BufferAllocator query = queryAllocator(allocator);
    BufferAllocator largest = null;
    for (BufferAllocator child : query.getChildAllocators()) {
      if (largest == null || child.getAllocatedMemory() > largest.getAllocatedMemory()) {
        largest = child;
      }
    }
    String holder = largest == null ? "" : String.format(Locale.ROOT, "; the largest holder is %s with %s",
        largest.getName(), size(largest.getAllocatedMemory()));
    return new SqlStateException(OUT_OF_MEMORY, String.format(Locale.ROOT,
        "query exceeded its memory limit of %s in %s (%s held by the query%s%s)", size(query.getLimit()), operator,
        size(query.getAllocatedMemory()), wanted > 0 ? ", " + size(wanted) + " more requested" : "", holder));
  }

  private static String size(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, bytes % (1L << 20) == 0 ? "%.0f MiB" : "%.1f MiB", bytes / 1048576.0);
    }
    return bytes + " bytes";
  }

  /**
   * Gives back what is held beyond {@code bytes}, never letting go of those {@code bytes} in between (another task
   * cannot take them): what a spilled operator does that goes on with less, for example a sort merging its runs.
   * Keeps a little more when the smaller reservation cannot be taken before the larger one is given back.
   */
  public void releaseTo(long bytes) {
    if (bytes <= 0) {
      release();
      return;
    }
    bytes = even(bytes);
    while (!reservations.isEmpty() && reserved - reservations.peek().getSizeLong() >= bytes) {
      reserved -= reservations.peek().getSizeLong();
      reservations.pop().close();
    }
    if (reserved > bytes) {
      AllocationReservation last = reservations.pop();
      long below = reserved - last.getSizeLong();
      if (reserveExactly(bytes - below)) {
        last.close();
        reserved = bytes;
      } else {
        reservations.push(last);
      }
    }
  }

  private static long even(long bytes) {
    return (bytes + 1) & ~1L;
  }

  /** Releases everything held (the operator spilled it or is done with it); the account can hold again. */
  public void release() {
    close();
  }

  @Override
  public void close() {
    if (allocator != null) {
      while (!reservations.isEmpty()) {
        reservations.pop().close();
      }
      allocator.close();
      allocator = null;
      reserved = 0;
    }
  }
}
