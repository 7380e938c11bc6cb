package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.TableMetadata;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets or removes table properties, as one metadata-only commit (a new metadata version, no snapshot), as Iceberg's
 * {@code UpdateProperties} does. On a lost commit race the changes are applied again to the fresh metadata; a change
 * that leaves the properties as they are commits nothing.
 */
public final class UpdateProperties {
  private final TableOperations ops;
  /** By key: the value to set, or null to remove the property. */
  private final Map<String, String> changes = new LinkedHashMap<>();

  UpdateProperties(TableOperations ops) {
    this.ops = ops;
  }

  /** Sets property {@code key} to {@code value}. */
  public UpdateProperties set(String key, String value) {
    if (key == null || value == null) {
      throw new IllegalArgumentException("a table property needs a key and a value: " + key + " = " + value);
    }
    changes.put(key, value);
    return this;
  }

  /** Removes property {@code key} (nothing when the table does not have it). */
  public UpdateProperties remove(String key) {
    if (key == null) {
      throw new IllegalArgumentException("a table property to remove needs a key");
    }
    changes.put(key, null);
    return this;
  }

  /** Commits the changes; returns the metadata committed. */
  public TableMetadata commit() {
    return MetadataOnlyCommit.commit(ops, "properties", base -> {
      Map<String, String> properties = new HashMap<>(base.properties());
      changes.forEach((key, value) -> {
        if (value == null) {
          properties.remove(key);
        } else {
          properties.put(key, value);
        }
      });
      return properties.equals(base.properties()) ? base : MetadataChanges.setProperties(base, properties);
    });
  }
}
