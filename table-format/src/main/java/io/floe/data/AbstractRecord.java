package io.floe.data;

import java.util.Objects;

/**
 * The value semantics every {@link Record} implementation shares: records are equal when they have the same size and
 * equal values position by position, whatever their classes, and hash and print as the list of their values.
 */
public abstract class AbstractRecord implements Record {
  @Override
  public final boolean equals(Object o) {
    if (!(o instanceof Record r) || r.size() != size()) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      if (!Objects.equals(get(i), r.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The hash of the values in order, as {@link java.util.List#hashCode} computes it. */
  @Override
  public final int hashCode() {
    int hash = 1;
    for (int i = 0; i < size(); i++) {
      hash = 31 * hash + Objects.hashCode(get(i));
    }
    return hash;
  }

  /** The values in order, as in {@code [1, a, null]}. */
  @Override
  public final String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(get(i));
    }
    return sb.append(']').toString();
  }
}
