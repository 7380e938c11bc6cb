package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The rows of a subplan that several parts of one plan read (a WITH query or view referenced twice, which Calcite
 * plans as one shared node): computed once, by whichever {@link #reader()} is read first while the others wait, held
 * in memory (accounted on the query's allocator: over the limit the query fails with 53200 naming this result) and
 * replayed to every reader. Batches are values no operator modifies, so the readers share them.
 *
 * <p>The rows are released when every reader is closed, or by {@link #close()} (the query's end), whichever comes
 * first; the subplan's operators are closed once its last row was read, or by then if it never ran.
 */
public final class SharedResult implements AutoCloseable {
  private final Operator input;
  private final MemoryAccount memory;
  private List<Batch> rows;
  private RuntimeException failure;
  private int openReaders;
  private boolean computed;
  private boolean closed;

  /** The shared rows of {@code input}, named {@code name} in errors ("SharedResult of ..."). */
  public SharedResult(Operator input, BufferAllocator allocator, String name) {
    this.input = input;
    this.memory = new MemoryAccount(allocator, name);
  }

  /** A new reader of all the rows, from the first. */
  public synchronized Operator reader() {
    openReaders++;
    return new Reader();
  }

  /** The rows, computed by the first caller (the others wait for it); a failure reaches every reader. */
  private synchronized List<Batch> rows() {
    if (closed) {
      throw new IllegalStateException("shared result read after it was closed");
    }
    if (!computed) {
      computed = true;
      List<Batch> batches = new ArrayList<>();
      try (input) {
        long bytes = 0;
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
          bytes += batch.memoryBytes();
          memory.hold(bytes);
          batches.add(batch);
        }
      } catch (RuntimeException e) {
        failure = e;
      }
      rows = failure == null ? batches : null;
    }
    if (failure != null) {
      throw failure;
    }
    return rows;
  }

  private synchronized void readerClosed() {
    if (--openReaders == 0) {
      close();
    }
  }

  /** Releases the rows (and closes the subplan if it never ran); readers may not read afterwards. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    rows = null;
    memory.close();
    if (!computed) {
      computed = true;
      input.close();
    }
  }

  /** One reader's position in the shared rows. */
  private final class Reader implements Operator {
    private List<Batch> batches;
    private int next;
    private boolean readerClosed;

    @Override
    public Batch next() {
      if (batches == null) {
        batches = rows();
      }
      return next < batches.size() ? batches.get(next++) : null;
    }

    @Override
    public void close() {
      if (!readerClosed) {
        readerClosed = true;
        batches = null;
        readerClosed();
      }
    }
  }
}
