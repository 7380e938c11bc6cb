package io.floe.engine.expr;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Patterns given per row (LIKE, SIMILAR TO or a regular expression whose pattern is a column) compiled once per
 * distinct text instead of once per row. It keeps at most {@link #MAX_CACHED} patterns and starts over when full,
 * so a column of unique patterns cannot grow it without bound; it is safe for the tasks that share one compiled
 * expression.
 */
final class PatternCache<T> {
  static final int MAX_CACHED = 1024;
  private final Function<String, T> compile;
  private final Map<String, T> compiled = new HashMap<>();

  /** A cache compiling pattern text with {@code compile}. */
  PatternCache(Function<String, T> compile) {
    this.compile = compile;
  }

  /** The compiled {@code pattern}. */
  synchronized T of(String pattern) {
    T found = compiled.get(pattern);
    if (found == null) {
      if (compiled.size() == MAX_CACHED) {
        compiled.clear();
      }
      found = compile.apply(pattern);
      compiled.put(pattern, found);
    }
    return found;
  }
}
