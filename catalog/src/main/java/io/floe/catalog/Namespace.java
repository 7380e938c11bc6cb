package io.floe.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A namespace: a path of levels, e.g. {@code [sales, eu]}. The empty namespace is the catalog's root. Levels are
 * kept verbatim; each catalog says which levels it accepts (see its Javadoc).
 */
public record Namespace(List<String> levels) {
  private static final Namespace EMPTY = new Namespace(List.of());

  public Namespace {
    if (levels == null) {
      throw new IllegalArgumentException("namespace levels must not be null");
    }
    for (String level : levels) {
      if (level == null) {
        throw new IllegalArgumentException("a namespace level must not be null: " + levels);
      }
    }
    levels = List.copyOf(levels);
  }

  public static Namespace of(String... levels) {
    return new Namespace(Arrays.asList(levels));
  }

  /** The catalog's root. */
  public static Namespace empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return levels.isEmpty();
  }

  public int length() {
    return levels.size();
  }

  public String level(int i) {
    return levels.get(i);
  }

  /** The last level; fails on the root. */
  public String lastLevel() {
    if (isEmpty()) {
      throw new IllegalStateException("the root namespace has no levels");
    }
    return levels.get(levels.size() - 1);
  }

  /** The enclosing namespace (the root for a one-level namespace); fails on the root. */
  public Namespace parent() {
    if (isEmpty()) {
      throw new IllegalStateException("the root namespace has no parent");
    }
    return new Namespace(levels.subList(0, levels.size() - 1));
  }

  /** This namespace with one more level. */
  public Namespace child(String level) {
    List<String> l = new ArrayList<>(levels);
    l.add(level);
    return new Namespace(l);
  }

  /** Whether {@code other} is this namespace or lies below it. */
  public boolean contains(Namespace other) {
    return other.levels.size() >= levels.size() && other.levels.subList(0, levels.size()).equals(levels);
  }

  @Override
  public String toString() {
    return Names.describe(this);
  }
}
