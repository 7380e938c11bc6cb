package io.floe.view;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a view (immutable): its SQL in one or more dialects, the schema of its rows, and the namespace
 * (and catalog, null: the view's own) that single-part names in the SQL resolve in.
 */
public record ViewVersion(int versionId, int schemaId, long timestampMs, Map<String, String> summary,
    List<SqlViewRepresentation> representations, String defaultCatalog, List<String> defaultNamespace) {
  public ViewVersion {
    summary = Map.copyOf(summary);
    representations = List.copyOf(representations);
    defaultNamespace = List.copyOf(defaultNamespace);
  }

  /** The SQL of {@code dialect} (compared ignoring case), if this version has it. */
  public Optional<SqlViewRepresentation> sql(String dialect) {
    return representations.stream().filter(r -> r.dialect().equalsIgnoreCase(dialect)).findFirst();
  }

  /** The SQL of {@code dialect}, else the first representation's (another engine's), else null. */
  public SqlViewRepresentation sqlPreferring(String dialect) {
    return sql(dialect).orElse(representations.isEmpty() ? null : representations.get(0));
  }

  /** Whether this version defines the same view as {@code other} (all but the id, the time and the summary). */
  boolean sameDefinition(ViewVersion other) {
    return schemaId == other.schemaId && representations.equals(other.representations)
        && defaultNamespace.equals(other.defaultNamespace)
        && Objects.equals(defaultCatalog, other.defaultCatalog);
  }
}
