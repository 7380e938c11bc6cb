package io.floe.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.exchange.Distribution;
import io.floe.engine.exchange.ExchangeStats;
import io.floe.engine.exchange.FragmentExchange;
import io.floe.engine.exchange.SkewSettings;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.HashJoinOperator;
import io.floe.engine.exec.Operator;
import io.floe.engine.exec.ValuesOperator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.calcite.rel.core.JoinRelType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every join type through the distribution {@link JoinDistribution} chooses when the right side is the large,
 * skewed one (half its rows on key 3; keys 40..49 of the right side have no left match, keys 50..59 of the left
 * none on the right): the same rows as the serial hash join. RIGHT and INNER salt the right side here; FULL is
 * never salted.
 */
class SaltedJoinDistributionTest {
  private static final int TASKS = 4;

  @ParameterizedTest
  @EnumSource(value = JoinRelType.class, names = {"INNER", "LEFT", "RIGHT", "FULL", "SEMI", "ANTI"})
  void saltedJoinGivesTheSerialJoinsRows(JoinRelType type) {
    List<Object[]> left = new ArrayList<>();
    for (long i = 0; i < 600; i++) {
      long key = i % 60 < 40 ? i % 60 : i % 60 + 10;
      left.add(new Object[] {key, "l" + i});
    }
    List<Object[]> right = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      right.add(new Object[] {i % 2 == 0 ? 3L : i % 50, i});
    }
    DistributionSettings settings = new DistributionSettings(TASKS, 0, new SkewSettings(true, 1000, 0.1), true);
    JoinDistribution distribution = JoinDistribution.choose(type, left.size(), right.size(), settings);
    JoinDistribution.Salted expected = switch (type) {
      case INNER, RIGHT -> JoinDistribution.Salted.RIGHT;
      case FULL -> JoinDistribution.Salted.NONE;
      default -> JoinDistribution.Salted.LEFT;
    };
    assertEquals(expected, distribution.salted());
    int[] keys = {0};
    ExchangeStats stats = new ExchangeStats("join", TASKS);
    AtomicInteger decided = new AtomicInteger();
    Operator distributed = new FragmentExchange(List.of(batches(left), batches(right)),
        distribution.distributions(keys, keys, settings, decided::incrementAndGet), TASKS,
        receivers -> join(type, receivers.get(0), receivers.get(1)), stats);
    List<String> actual = rows(distributed);
    List<String> serial = rows(join(type, batches(left), batches(right)));
    assertTrue(serial.size() > 0);
    assertEquals(serial, actual);
    assertEquals(expected == JoinDistribution.Salted.NONE ? 0 : 1, decided.get(),
        "the callback runs once a salted join's heavy keys are decided");
    if (expected == JoinDistribution.Salted.RIGHT) {
      assertTrue(stats.skew() <= 2.0, "salted right side: " + stats);
    }
  }

  /**
   * Each side made by 3 producers (as a leaf's tasks are): the salted side's producers share one sample, decided once,
   * whether the heavy key's rows come from one producer or all, and even when some producers have no rows.
   */
  @ParameterizedTest
  @EnumSource(value = JoinRelType.class, names = {"INNER", "LEFT", "RIGHT", "SEMI", "ANTI"})
  void saltedSidesOfSeveralProducersShareOneSample(JoinRelType type) {
    List<Object[]> left = new ArrayList<>();
    for (long i = 0; i < 600; i++) {
      left.add(new Object[] {i % 60, "l" + i});
    }
    List<Object[]> right = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      right.add(new Object[] {i % 2 == 0 ? 3L : i % 50, i});
    }
    DistributionSettings settings = new DistributionSettings(TASKS, 0, new SkewSettings(true, 1000, 0.1), true);
    JoinDistribution distribution = JoinDistribution.choose(type, left.size(), right.size(), settings);
    assertTrue(distribution.salted() != JoinDistribution.Salted.NONE);
    int producers = 3;
    int[] keys = {0};
    AtomicInteger decided = new AtomicInteger();
    List<IntFunction<Distribution>> perProducer = distribution.perProducer(keys, keys, settings,
        decided::incrementAndGet, producers);
    // the left side's rows all come from producer 1 (producers 0 and 2 have none); the right side's are dealt out
    List<List<Object[]>> leftShares = List.of(List.of(), left, List.of());
    List<List<Object[]>> rightShares = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      List<Object[]> share = new ArrayList<>();
      for (int r = p; r < right.size(); r += producers) {
        share.add(right.get(r));
      }
      rightShares.add(share);
    }
    ExchangeStats stats = new ExchangeStats("join", TASKS);
    Operator distributed = new FragmentExchange(List.of(
        new FragmentExchange.Input(producers, p -> batches(leftShares.get(p)), perProducer.get(0)),
        new FragmentExchange.Input(producers, p -> batches(rightShares.get(p)), perProducer.get(1))),
        TASKS, receivers -> join(type, receivers.get(0), receivers.get(1)), stats);
    List<String> actual = rows(distributed);
    List<String> serial = rows(join(type, batches(left), batches(right)));
    assertTrue(serial.size() > 0);
    assertEquals(serial, actual);
    assertEquals(1, decided.get(), "one decision for all producers");
    if (distribution.salted() == JoinDistribution.Salted.RIGHT) {
      assertTrue(stats.skew() <= 2.0, "salted right side: " + stats);
    }
  }

  private static Operator join(JoinRelType type, Operator left, Operator right) {
    return new HashJoinOperator(left, right, type, new int[] {0}, new int[] {0}, new boolean[] {false}, null, 2, 2);
  }

  /** The rows in batches of 1,000. */
  private static Operator batches(List<Object[]> rows) {
    List<Operator> parts = new ArrayList<>();
    for (int start = 0; start < rows.size(); start += 1000) {
      parts.add(new ValuesOperator(rows.subList(start, Math.min(rows.size(), start + 1000)), 2));
    }
    return new io.floe.engine.exec.UnionOperator(parts);
  }

  private static List<String> rows(Operator op) {
    List<String> rows = new ArrayList<>();
    try (op) {
      Batch b;
      while ((b = op.next()) != null) {
        for (int r = 0; r < b.size(); r++) {
          rows.add(Arrays.toString(b.row(r)));
        }
      }
    }
    rows.sort(null);
    return rows;
  }
}
