package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The long-key index gives each key one id as it switches between its direct array (dense keys: ascending,
 * descending, clustered) and its hashed pairs (sparse keys, extremes), checked against a map.
 */
class LongKeyIndexTest {
  private final LongKeyIndex index = new LongKeyIndex();
  private final Map<Long, Integer> expected = new HashMap<>();

  private void add(long key) {
    Integer id = expected.get(key);
    int next = expected.size();
    int got = index.groupOf(key, next);
    if (id == null) {
      expected.put(key, next);
      id = next;
    }
    assertEquals(id.intValue(), got, "id of " + key);
  }

  @Test
  void denseSparseAndExtremeKeysKeepTheirIds() {
    Random random = new Random(11);
    for (long k = 1; k < 200_000; k += 1 + random.nextInt(4)) { // ascending, repeated: direct, growing upwards
      add(k);
      add(k - random.nextInt(3));
    }
    for (long k = 0; k > -100_000; k -= 1 + random.nextInt(3)) { // descending below the range
      add(k);
    }
    for (int i = 0; i < 50_000; i++) { // revisits
      add(random.nextInt(300_000) - 100_000);
    }
    add(Long.MAX_VALUE); // sparse: hashed
    add(Long.MIN_VALUE);
    for (int i = 0; i < 100_000; i++) {
      add(random.nextLong() >> random.nextInt(64));
      add(random.nextInt(300_000) - 100_000);
    }
  }

  @Test
  void keysNearTheLongExtremesGoDirect() {
    for (long k = Long.MIN_VALUE + 5000; k > Long.MIN_VALUE; k--) {
      add(k);
    }
    for (long k = Long.MIN_VALUE; k < Long.MIN_VALUE + 9000; k += 2) {
      add(k);
    }
    for (long k = Long.MAX_VALUE; k > Long.MAX_VALUE - 9000; k -= 3) {
      add(k);
    }
  }
}
