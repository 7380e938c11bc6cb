package io.floe.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** Threads for the many small file reads and deletes of maintenance (waiting on I/O more than computing). */
final class IoPool {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(
      Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(r, "floe-maintenance-io");
        t.setDaemon(true);
        return t;
      });

  private IoPool() {
  }

  /** {@code fn} applied to every item, in parallel, results in the items' order; the first failure is rethrown. */
  static <T, R> List<R> map(Collection<T> items, Function<T, R> fn) {
    List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(CompletableFuture.supplyAsync(() -> fn.apply(item), POOL));
    }
    List<R> results = new ArrayList<>(items.size());
    RuntimeException failure = null;
    for (CompletableFuture<R> f : futures) {
      try {
        results.add(f.join());
      } catch (CompletionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException re ? re : e;
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }
}
