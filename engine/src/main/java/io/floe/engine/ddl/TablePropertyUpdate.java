package io.floe.engine.ddl;

import io.floe.commit.CommitFailedException;
import io.floe.commit.TableOperations;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.TableMetadata;
import io.floe.table.Table;
import java.util.HashMap;
import java.util.Map;

/**
 * Sets table properties as a metadata-only commit (a new metadata version, no snapshot), re-applied to the fresh
 * metadata when a concurrent commit wins the race.
 */
final class TablePropertyUpdate {
  private static final int ATTEMPTS = 4;

  private TablePropertyUpdate() {
  }

  static void set(Table table, Map<String, String> changes) {
    TableOperations ops = table.operations();
    for (int attempt = 1; ; attempt++) {
      TableMetadata base = attempt == 1 ? ops.current() : ops.refresh();
      Map<String, String> properties = new HashMap<>(base.properties());
      properties.putAll(changes);
      if (properties.equals(base.properties())) {
        return;
      }
      TableMetadata updated = MetadataChanges.setProperties(base, properties);
      try {
        ops.commit(base, updated);
        return;
      } catch (CommitFailedException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
