package io.floe.engine.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared task threads: reused across exchanges, stopped and awaited per exchange, no interrupt left behind. */
class TaskThreadsTest {
  @Test
  void theThreadsOfAFinishedExchangeRunALaterOnesWork() throws Exception {
    // a thread counts its work finished just before it goes back to the pool: an exchange started right after may
    // still find none idle, so a few exchanges run one after the other, each checked against all earlier ones
    Set<Thread> earlier = ConcurrentHashMap.newKeySet();
    boolean reused = false;
    for (int round = 0; round < 20 && !reused; round++) {
      Set<Thread> ran = ConcurrentHashMap.newKeySet();
      TaskThreads exchange = new TaskThreads();
      for (int i = 0; i < 4; i++) {
        exchange.execute(() -> ran.add(Thread.currentThread()));
      }
      assertTrue(exchange.awaitTermination(10, TimeUnit.SECONDS));
      reused = ran.stream().anyMatch(earlier::contains);
      earlier.addAll(ran);
    }
    assertTrue(reused, "an idle thread of a finished exchange ran work of a later one");
  }

  @Test
  void stoppingInterruptsRunningWorkWaitsForItAndDropsLaterWork() throws Exception {
    TaskThreads group = new TaskThreads();
    CountDownLatch started = new CountDownLatch(2);
    AtomicInteger interrupted = new AtomicInteger();
    AtomicBoolean closedAfterInterrupt = new AtomicBoolean();
    for (int i = 0; i < 2; i++) {
      group.execute(() -> {
        started.countDown();
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          interrupted.incrementAndGet();
          sleepQuietly(200); // closing its operators takes a while: the exchange waits for it
          closedAfterInterrupt.set(true);
        }
      });
    }
    assertTrue(started.await(10, TimeUnit.SECONDS));
    group.shutdownNow();
    assertTrue(group.awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(2, interrupted.get());
    assertTrue(closedAfterInterrupt.get(), "awaited until the interrupted work finished");
    AtomicBoolean ran = new AtomicBoolean();
    group.execute(() -> ran.set(true));
    assertTrue(group.awaitTermination(10, TimeUnit.SECONDS));
    assertFalse(ran.get(), "work given after the stop does not run");
  }

  @Test
  void workDroppedByTheStopRunsItsDropHandlerInstead() throws Exception {
    TaskThreads group = new TaskThreads();
    group.shutdownNow();
    AtomicBoolean ran = new AtomicBoolean();
    AtomicBoolean closed = new AtomicBoolean();
    group.execute(() -> ran.set(true), () -> closed.set(true));
    assertTrue(group.awaitTermination(10, TimeUnit.SECONDS));
    assertFalse(ran.get(), "work given after the stop does not run");
    assertTrue(closed.get(), "what the dropped work would have closed is closed");
  }

  @Test
  void anInterruptedCloserStillWaitsForTheWorkAndKeepsItsInterrupt() throws Exception {
    TaskThreads group = new TaskThreads();
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    group.execute(() -> {
      awaitQuietly(release);
      finished.set(true);
    });
    Thread closer = Thread.currentThread();
    Thread.currentThread().interrupt(); // interrupted before it waits
    Thread canceler = new Thread(() -> {
      sleepQuietly(100);
      closer.interrupt(); // and (most likely) again while it waits
      sleepQuietly(100);
      release.countDown();
    });
    canceler.start();
    boolean none = group.awaitTermination(10, TimeUnit.SECONDS);
    boolean interrupted = Thread.interrupted();
    canceler.join();
    assertTrue(none);
    assertTrue(finished.get(), "waited until the work finished");
    assertTrue(interrupted, "the interrupt is kept");
  }

  @Test
  void anInterruptOfOneExchangesWorkDoesNotReachTheThreadsNextWork() throws Exception {
    for (int round = 0; round < 20; round++) {
      TaskThreads one = new TaskThreads();
      one.execute(() -> Thread.currentThread().interrupt()); // left set when the work ends
      assertTrue(one.awaitTermination(10, TimeUnit.SECONDS));
      TaskThreads two = new TaskThreads();
      AtomicBoolean sawInterrupt = new AtomicBoolean();
      two.execute(() -> sawInterrupt.set(Thread.currentThread().isInterrupted()));
      assertTrue(two.awaitTermination(10, TimeUnit.SECONDS));
      assertFalse(sawInterrupt.get(), "round " + round);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
