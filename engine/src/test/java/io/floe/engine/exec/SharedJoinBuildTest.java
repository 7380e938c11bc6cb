package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.expr.SqlStateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One table for all tasks of a broadcast join: built once, the other tasks drain their input and wait. */
@Timeout(30)
class SharedJoinBuildTest {
  private static SharedJoinBuild.Table table(int rows) {
    return new SharedJoinBuild.Table(Batch.empty(rows), null, new int[] {-1}, new int[0], new int[0]);
  }

  @Test
  void builtOnceWhileTheOtherTasksDrainTheirCopies() throws Exception {
    SharedJoinBuild shared = new SharedJoinBuild();
    AtomicInteger builds = new AtomicInteger();
    AtomicInteger drains = new AtomicInteger();
    CountDownLatch everyoneAsked = new CountDownLatch(4);
    ExecutorService tasks = Executors.newFixedThreadPool(4);
    try {
      List<Future<SharedJoinBuild.Table>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(tasks.submit(() -> shared.get(() -> {
          builds.incrementAndGet();
          everyoneAsked.countDown();
          try {
            assertTrue(everyoneAsked.await(10, TimeUnit.SECONDS), "the others ask while the table is built");
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return table(3);
        }, () -> {
          drains.incrementAndGet();
          everyoneAsked.countDown();
        })));
      }
      SharedJoinBuild.Table first = results.get(0).get();
      for (Future<SharedJoinBuild.Table> result : results) {
        assertSame(first, result.get());
      }
      assertEquals(1, builds.get());
      assertEquals(3, drains.get());
    } finally {
      tasks.shutdownNow();
    }
  }

  @Test
  void aFailedBuildFailsEveryTaskWithTheBuildersError() throws Exception {
    SharedJoinBuild shared = new SharedJoinBuild();
    SqlStateException overLimit = new SqlStateException("53200", "HashJoin (build side) is over the memory limit");
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch building = new CountDownLatch(1);
    ExecutorService tasks = Executors.newFixedThreadPool(2);
    try {
      Future<Throwable> builder = tasks.submit(() -> catching(() -> shared.get(() -> {
        building.countDown();
        try {
          waiting.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        throw overLimit;
      }, () -> { })));
      assertTrue(building.await(10, TimeUnit.SECONDS));
      Future<Throwable> follower = tasks.submit(() -> catching(() -> shared.get(() -> table(1), waiting::countDown)));
      assertSame(overLimit, builder.get());
      assertSame(overLimit, follower.get());
    } finally {
      tasks.shutdownNow();
    }
  }

  @Test
  void aWaitingTaskStopsWhenItsQueryIsCanceled() throws Exception {
    SharedJoinBuild shared = new SharedJoinBuild();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch building = new CountDownLatch(1);
    ExecutorService tasks = Executors.newFixedThreadPool(2);
    try {
      tasks.submit(() -> shared.get(() -> {
        building.countDown();
        try {
          release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return table(1);
      }, () -> { }));
      assertTrue(building.await(10, TimeUnit.SECONDS));
      AtomicReference<Thread> waiter = new AtomicReference<>();
      Future<Throwable> follower = tasks.submit(() -> {
        waiter.set(Thread.currentThread());
        return catching(() -> shared.get(() -> table(1), () -> { }));
      });
      while (waiter.get() == null || waiter.get().getState() != Thread.State.WAITING) {
        Thread.onSpinWait();
      }
      waiter.get().interrupt();
      Throwable canceled = follower.get();
      assertTrue(canceled instanceof SqlStateException s && s.sqlState().equals("57014"), String.valueOf(canceled));
      release.countDown();
    } finally {
      tasks.shutdownNow();
    }
  }

  private static Throwable catching(Runnable r) {
    try {
      r.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
