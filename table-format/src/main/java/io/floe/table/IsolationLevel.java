package io.floe.table;

import io.floe.metadata.TableMetadata;
import java.util.Locale;

/** Conflict validation of overwrites and deletes; see {@link TableProperties#ISOLATION_LEVEL}. */
public enum IsolationLevel {
  SERIALIZABLE, SNAPSHOT;

  static IsolationLevel of(TableMetadata metadata) {
    String v = metadata.property(TableProperties.ISOLATION_LEVEL, "serializable");
    try {
      return valueOf(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("table property " + TableProperties.ISOLATION_LEVEL + " must be serializable or snapshot, not '" + v + "'", e);
    }
  }
}
