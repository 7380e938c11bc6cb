package io.floe.catalog;

import java.util.Arrays;

/** A table's name in a catalog: its namespace and its name within it. */
public record TableIdentifier(Namespace namespace, String name) {
  public TableIdentifier {
    if (namespace == null) {
      throw new IllegalArgumentException("the namespace of a table identifier must not be null");
    }
    if (name == null) {
      throw new IllegalArgumentException("the name of a table identifier must not be null");
    }
  }

  public static TableIdentifier of(Namespace namespace, String name) {
    return new TableIdentifier(namespace, name);
  }

  /** {@code of("a", "b", "t")} is table {@code t} in namespace {@code a.b}. */
  public static TableIdentifier of(String... namespaceAndName) {
    if (namespaceAndName.length == 0) {
      throw new IllegalArgumentException("a table identifier needs at least a name");
    }
    String[] levels = Arrays.copyOf(namespaceAndName, namespaceAndName.length - 1);
    return new TableIdentifier(Namespace.of(levels), namespaceAndName[namespaceAndName.length - 1]);
  }

  @Override
  public String toString() {
    return Names.describe(this);
  }
}
