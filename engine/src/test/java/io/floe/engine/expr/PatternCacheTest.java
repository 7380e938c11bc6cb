package io.floe.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PatternCacheTest {
  @Test
  void compilesEachPatternOnceAndStartsOverWhenFull() {
    AtomicInteger compiles = new AtomicInteger();
    PatternCache<List<String>> cache = new PatternCache<>(p -> {
      compiles.incrementAndGet();
      return new ArrayList<>(List.of(p));
    });
    List<String> a = cache.of("a%");
    assertSame(a, cache.of("a%"));
    assertEquals(1, compiles.get());
    for (int i = 1; i < PatternCache.MAX_CACHED; i++) {
      cache.of("p" + i);
    }
    assertSame(a, cache.of("a%"), "a full cache still holds what it has");
    assertEquals(PatternCache.MAX_CACHED, compiles.get());
    cache.of("one more");
    assertEquals(List.of("a%"), cache.of("a%"));
    assertEquals(PatternCache.MAX_CACHED + 2, compiles.get(), "past the cap the cache started over");
  }
}
