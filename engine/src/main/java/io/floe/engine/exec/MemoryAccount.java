package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;
import java.util.Locale;
import org.apache.arrow.memory.AllocationReservation;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What one buffering operator holds (hash tables, build sides, sorted rows), reserved on the query's Arrow
 * allocator, so the query's memory limit covers it as it covers the scans' Arrow buffers. Growing past the limit
 * fails the query with SQLState 53200 naming the operator. Closing releases the reservation.
 */
public final class MemoryAccount implements AutoCloseable {
  /** SQLState of a query that exceeded its memory limit (insufficient resources: out of memory). */
  public static final String OUT_OF_MEMORY = "53200";

  private final BufferAllocator parent;
  private final String operator;
  private BufferAllocator allocator;
  private AllocationReservation reservation;
  private long reserved;

  /** An account of {@code operator} (as named in errors, e.g. "HashJoin (build side)") on {@code allocator}. */
  public MemoryAccount(BufferAllocator allocator, String operator) {
    this.parent = allocator;
    this.operator = operator;
  }

  /** Records that the operator now holds {@code bytes} in total; fails if that is over the query's limit. */
  public void hold(long bytes) {
    if (parent == null || bytes <= reserved) {
      return;
    }
    if (reservation == null) {
      // a child allocator named after the operator, so a failure elsewhere can name the largest holder
      allocator = parent.newChildAllocator(operator, 0, Long.MAX_VALUE);
      reservation = allocator.newReservation();
    }
    if (!reservation.add(bytes - reserved)) {
      throw exceeded(allocator, operator, bytes - reserved);
    }
    reserved = bytes;
  }

  /** The error of {@code operator} failing to get {@code wanted} more bytes on {@code allocator}. */
  public static SqlStateException exceeded(BufferAllocator allocator, String operator, long wanted) {
    BufferAllocator query = allocator;
    while (query.getParentAllocator() != null && query.getLimit() == Long.MAX_VALUE) {
      query = query.getParentAllocator();
    }
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

  @Override
  public void close() {
    if (reservation != null) {
      reservation.close();
      allocator.close();
      reservation = null;
      allocator = null;
      reserved = 0;
    }
  }
}
