package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;
import java.util.function.Supplier;

/**
 * The hash table of a broadcast join, built once and probed by all of the join's tasks on this machine, as a
 * single-node engine shares one table between its threads. Every task receives the whole build side (the broadcast);
 * the first task to need the table builds it from its copy, the others drain their copies (so the broadcast never
 * stalls on a full queue) and wait for it. The table's memory is counted once, by the task that built it. A failed
 * build fails every task with the builder's exception.
 */
public final class SharedJoinBuild {
  /** A built table: the build side's rows and the structures that find them by key (unused ones null). */
  record Table(Batch build, LongKeyJoinTable longTable, int[] buckets, int[] chain, int[] buildHashes) {
  }

  private boolean claimed;
  private Table table;
  private RuntimeException failure;

  /**
   * The table: built by {@code build} when the calling task is the first to ask, else read once {@code drain} has
   * consumed the calling task's own copy of the build input and the builder has finished.
   */
  Table get(Supplier<Table> build, Runnable drain) {
    boolean builder;
    synchronized (this) {
      builder = !claimed;
      claimed = true;
    }
    if (builder) {
      try {
        Table built = build.get();
        publish(built, null);
        return built;
      } catch (RuntimeException e) {
        publish(null, e);
        throw e;
      } catch (Error e) {
        publish(null, new IllegalStateException("the join's build side failed: " + e, e));
        throw e;
      }
    }
    drain.run();
    synchronized (this) {
      while (table == null && failure == null) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SqlStateException("57014", "query canceled");
        }
      }
      if (failure != null) {
        throw failure;
      }
      return table;
    }
  }

  private synchronized void publish(Table built, RuntimeException failed) {
    table = built;
    failure = failed;
    notifyAll();
  }
}
