package io.floe.metadata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Snapshots and snapshot refs as JSON, as in the Iceberg spec (Appendix C). */
public final class SnapshotParser {
  private static final String OPERATION = "operation";

  private SnapshotParser() {
  }

  /** Writes a v2 snapshot; the summary's {@code operation} comes first, the other keys sorted. */
  public static void toJson(Snapshot snapshot, JsonGenerator gen) throws IOException {
    if (snapshot.operation() == null) {
      throw new IllegalArgumentException("snapshot " + snapshot.snapshotId() + " has no 'operation' in its summary");
    }
    gen.writeStartObject();
    gen.writeNumberField("sequence-number", snapshot.sequenceNumber());
    gen.writeNumberField("snapshot-id", snapshot.snapshotId());
    if (snapshot.parentSnapshotId() != null) {
      gen.writeNumberField("parent-snapshot-id", snapshot.parentSnapshotId());
    }
    gen.writeNumberField("timestamp-ms", snapshot.timestampMs());
    gen.writeObjectFieldStart("summary");
    gen.writeStringField(OPERATION, snapshot.operation());
    for (Map.Entry<String, String> e : new TreeMap<>(snapshot.summary()).entrySet()) {
      if (!e.getKey().equals(OPERATION)) {
        gen.writeStringField(e.getKey(), e.getValue());
      }
    }
    gen.writeEndObject();
    gen.writeStringField("manifest-list", snapshot.manifestList());
    if (snapshot.schemaId() != null) {
      gen.writeNumberField("schema-id", snapshot.schemaId());
    }
    gen.writeEndObject();
  }

  /**
   * Reads a snapshot of a table of this format version: v1 snapshots may lack the sequence number (0) and the
   * summary; v1 snapshots that list manifests inline instead of a manifest list are not supported.
   */
  public static Snapshot fromJson(JsonNode node, int formatVersion) {
    JsonFields.object(node, "snapshot");
    long snapshotId = JsonFields.requiredLong(node, "snapshot-id", "a snapshot");
    String context = "snapshot " + snapshotId;
    long sequenceNumber = formatVersion >= 2
        ? JsonFields.requiredLong(node, "sequence-number", context)
        : 0L;
    Long parent = JsonFields.optionalLong(node, "parent-snapshot-id", context);
    long timestampMs = JsonFields.requiredLong(node, "timestamp-ms", context);
    String manifestList;
    if (formatVersion >= 2 || !node.has("manifests")) {
      manifestList = JsonFields.requiredString(node, "manifest-list", context);
    } else {
      throw new UnsupportedOperationException("not supported: " + context
          + " lists its manifests inline ('manifests') instead of a manifest list");
    }
    if (formatVersion >= 2) {
      JsonFields.required(node, "summary", context);
    }
    Map<String, String> summary = JsonFields.stringMap(node, "summary", context);
    if (node.has("summary") && !summary.containsKey(OPERATION)) {
      throw new InvalidMetadataException("missing required field 'operation' in the summary of " + context);
    }
    Integer schemaId = JsonFields.optionalInt(node, "schema-id", context);
    return new Snapshot(sequenceNumber, snapshotId, parent, timestampMs, manifestList, summary, schemaId);
  }

  public static void toJson(SnapshotRef ref, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("snapshot-id", ref.snapshotId());
    gen.writeStringField("type", ref.type().name().toLowerCase(Locale.ROOT));
    if (ref.minSnapshotsToKeep() != null) {
      gen.writeNumberField("min-snapshots-to-keep", ref.minSnapshotsToKeep());
    }
    if (ref.maxSnapshotAgeMs() != null) {
      gen.writeNumberField("max-snapshot-age-ms", ref.maxSnapshotAgeMs());
    }
    if (ref.maxRefAgeMs() != null) {
      gen.writeNumberField("max-ref-age-ms", ref.maxRefAgeMs());
    }
    gen.writeEndObject();
  }

  public static SnapshotRef refFromJson(String name, JsonNode node) {
    String context = "ref '" + name + "'";
    JsonFields.object(node, context);
    long snapshotId = JsonFields.requiredLong(node, "snapshot-id", context);
    String type = JsonFields.requiredString(node, "type", context);
    SnapshotRef.Type refType = switch (type.toLowerCase(Locale.ROOT)) {
      case "branch" -> SnapshotRef.Type.BRANCH;
      case "tag" -> SnapshotRef.Type.TAG;
      default -> throw new InvalidMetadataException("unknown type '" + type + "' of " + context);
    };
    return new SnapshotRef(snapshotId, refType,
        JsonFields.optionalInt(node, "min-snapshots-to-keep", context),
        JsonFields.optionalLong(node, "max-snapshot-age-ms", context),
        JsonFields.optionalLong(node, "max-ref-age-ms", context));
  }
}
