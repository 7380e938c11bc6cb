package io.floe.view;

import io.floe.types.Schema;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What CREATE VIEW defines: the columns of the view's rows, its SQL in one dialect, the namespace single-part names
 * of the SQL resolve in, the view's properties (a {@code comment}, ...) and the version's summary
 * ({@code engine-name}, ...).
 */
public record ViewDefinition(Schema schema, SqlViewRepresentation sql, List<String> defaultNamespace,
    Map<String, String> properties, Map<String, String> summary) {
  public ViewDefinition {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(sql, "sql");
    defaultNamespace = List.copyOf(defaultNamespace);
    properties = Map.copyOf(properties);
    summary = Map.copyOf(summary);
  }
}
