package io.floe.catalog;

import java.util.Map;

/** The checks every catalog applies to namespace levels, table names and properties; each catalog adds its own. */
public final class NameRules {
  private NameRules() {
  }

  /**
   * Refuses what no catalog can hold: an empty name, a NUL character (PostgreSQL cannot store it, file systems
   * cannot name a file with it) and broken UTF-16 (an unpaired surrogate has no UTF-8 form).
   */
  public static void checkCommon(String name, String what) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("invalid " + what + " '': a name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\0') {
        throw new IllegalArgumentException("invalid " + what + " " + Names.describe(name)
            + ": it contains a NUL character (at position " + i + ")");
      }
      if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("invalid " + what + " " + Names.describe(name)
            + ": it contains an unpaired UTF-16 surrogate (at position " + i + ")");
      }
    }
  }

  /** Checks every level of a namespace with {@link #checkCommon}. */
  public static void checkNamespace(Namespace namespace) {
    for (String level : namespace.levels()) {
      checkCommon(level, "namespace level in " + namespace);
    }
  }

  /** A table needs a namespace: the root holds only namespaces. */
  public static void checkTable(TableIdentifier id) {
    if (id.namespace().isEmpty()) {
      throw new IllegalArgumentException("invalid table identifier " + id
          + ": a table must be in a namespace (the root holds only namespaces)");
    }
    checkNamespace(id.namespace());
    checkCommon(id.name(), "table name in namespace " + id.namespace());
  }

  /** Refuses a null map, null keys and null values; {@code owner} (e.g. "namespace a") is named in the message. */
  public static void checkProperties(Map<String, String> properties, String owner) {
    if (properties == null) {
      throw new IllegalArgumentException("the properties of " + owner + " must not be null");
    }
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException("property " + Names.describe(String.valueOf(e.getKey())) + " of " + owner
            + (e.getKey() == null ? " has a null key" : " has a null value"));
      }
    }
  }
}
