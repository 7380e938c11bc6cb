package io.floe.view;

import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The metadata of a view, as the Iceberg view spec (format version 1) stores it in a view metadata file: the view's
 * versions (the current one and some before it), the schemas they use, the log of current-version changes and the
 * view's properties. Immutable; {@link #replace} gives the metadata of the next version.
 */
public record ViewMetadata(String uuid, String location, int currentVersionId, List<ViewVersion> versions,
    List<ViewHistoryEntry> versionLog, List<Schema> schemas, Map<String, String> properties) {
  /** How many versions a view keeps (Iceberg's property name and default). */
  public static final String VERSIONS_KEPT = "version.history.num-entries";
  public static final int DEFAULT_VERSIONS_KEPT = 10;
  public static final int FORMAT_VERSION = 1;

  public ViewMetadata {
    versions = List.copyOf(versions);
    versionLog = List.copyOf(versionLog);
    schemas = List.copyOf(schemas);
    properties = Map.copyOf(properties);
    if (version(versions, currentVersionId) == null) {
      throw new IllegalArgumentException("view " + location + " has no version " + currentVersionId
          + " (its current-version-id)");
    }
    Set<Integer> schemaIds = new HashSet<>();
    for (Schema schema : schemas) {
      schemaIds.add(schema.schemaId());
    }
    for (ViewVersion version : versions) {
      if (!schemaIds.contains(version.schemaId())) {
        throw new IllegalArgumentException("version " + version.versionId() + " of view " + location
            + " uses schema " + version.schemaId() + ", which the view does not have");
      }
    }
  }

  /** The metadata of a new view at {@code location}: version 1 defined by {@code definition}. */
  public static ViewMetadata create(String location, ViewDefinition definition, long nowMs) {
    Schema schema = new Schema(0, definition.schema().columns());
    ViewVersion first = version(1, 0, nowMs, definition);
    return new ViewMetadata(UUID.randomUUID().toString(), location, 1, List.of(first),
        List.of(new ViewHistoryEntry(nowMs, 1)), List.of(schema), definition.properties());
  }

  /**
   * This view with {@code definition} as its current version (CREATE OR REPLACE VIEW): a version defining the same
   * view again becomes current rather than being added twice. The view's properties become the definition's; the
   * oldest versions beyond {@value #VERSIONS_KEPT} go, with their log entries and unused schemas.
   */
  public ViewMetadata replace(ViewDefinition definition, long nowMs) {
    int schemaId = -1;
    int maxSchemaId = -1;
    for (Schema schema : schemas) {
      maxSchemaId = Math.max(maxSchemaId, schema.schemaId());
      if (schema.columns().equals(definition.schema().columns())) {
        schemaId = schema.schemaId();
      }
    }
    List<Schema> newSchemas = new ArrayList<>(schemas);
    if (schemaId < 0) {
      schemaId = maxSchemaId + 1;
      newSchemas.add(new Schema(schemaId, definition.schema().columns()));
    }
    int maxVersionId = 0;
    ViewVersion candidate = version(0, schemaId, nowMs, definition);
    ViewVersion same = null;
    for (ViewVersion v : versions) {
      maxVersionId = Math.max(maxVersionId, v.versionId());
      if (v.sameDefinition(candidate)) {
        same = v;
      }
    }
    List<ViewVersion> newVersions = new ArrayList<>(versions);
    int current;
    if (same != null) {
      current = same.versionId();
    } else {
      current = maxVersionId + 1;
      newVersions.add(version(current, schemaId, nowMs, definition));
    }
    List<ViewHistoryEntry> log = new ArrayList<>(versionLog);
    log.add(new ViewHistoryEntry(nowMs, current));
    return retained(current, newVersions, log, newSchemas, definition.properties());
  }

  /** The view with the newest versions its properties keep (and the current one), their log and their schemas. */
  private ViewMetadata retained(int current, List<ViewVersion> all, List<ViewHistoryEntry> log,
      List<Schema> allSchemas, Map<String, String> newProperties) {
    int kept = keptVersions(newProperties);
    List<ViewVersion> sorted = new ArrayList<>(all);
    sorted.sort((a, b) -> Integer.compare(b.versionId(), a.versionId()));
    List<ViewVersion> keep = new ArrayList<>();
    Set<Integer> keptIds = new HashSet<>();
    for (ViewVersion v : sorted) {
      if (keep.size() < kept || v.versionId() == current) {
        keep.add(v);
        keptIds.add(v.versionId());
      }
    }
    keep.sort((a, b) -> Integer.compare(a.versionId(), b.versionId()));
    Set<Integer> usedSchemas = new HashSet<>();
    for (ViewVersion v : keep) {
      usedSchemas.add(v.schemaId());
    }
    return new ViewMetadata(uuid, location, current, keep,
        log.stream().filter(e -> keptIds.contains(e.versionId())).toList(),
        allSchemas.stream().filter(s -> usedSchemas.contains(s.schemaId())).toList(), newProperties);
  }

  private static int keptVersions(Map<String, String> properties) {
    String value = properties.get(VERSIONS_KEPT);
    if (value == null) {
      return DEFAULT_VERSIONS_KEPT;
    }
    try {
      return Math.max(1, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("view property " + VERSIONS_KEPT + " must be a number, not '" + value + "'",
          e);
    }
  }

  private static ViewVersion version(int id, int schemaId, long nowMs, ViewDefinition definition) {
    return new ViewVersion(id, schemaId, nowMs, definition.summary(), List.of(definition.sql()), null,
        definition.defaultNamespace());
  }

  private static ViewVersion version(List<ViewVersion> versions, int id) {
    for (ViewVersion v : versions) {
      if (v.versionId() == id) {
        return v;
      }
    }
    return null;
  }

  /** The current version. */
  public ViewVersion currentVersion() {
    return version(versions, currentVersionId);
  }

  /** The schema of the current version's rows. */
  public Schema schema() {
    int id = currentVersion().schemaId();
    return schemas.stream().filter(s -> s.schemaId() == id).findFirst().orElseThrow();
  }
}
