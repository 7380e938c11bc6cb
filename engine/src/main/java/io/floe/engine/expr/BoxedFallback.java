package io.floe.engine.expr;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the batches an operator evaluated on boxed values, row at a time, because no typed kernel handled its
 * inputs (exotic types such as nested values or UUIDs, or columns that arrived boxed). Each operator is logged at
 * DEBUG the first time; tests assert that the TPC-H expressions never come here.
 */
public final class BoxedFallback {
  private static final Logger LOG = LoggerFactory.getLogger(BoxedFallback.class);
  private static final Map<String, LongAdder> BATCHES = new ConcurrentHashMap<>();

  private BoxedFallback() {
  }

  /** Records one batch of {@code operator} evaluated on boxed values. */
  static void record(String operator) {
    BATCHES.computeIfAbsent(operator, name -> {
      LOG.debug("{} evaluated row at a time on boxed values (no typed kernel for its inputs)", name);
      return new LongAdder();
    }).increment();
  }

  /** Batches evaluated on boxed values per operator since the JVM started. */
  public static Map<String, Long> counts() {
    Map<String, Long> out = new TreeMap<>();
    BATCHES.forEach((name, count) -> out.put(name, count.sum()));
    return out;
  }
}
