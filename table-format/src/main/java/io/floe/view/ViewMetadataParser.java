package io.floe.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.floe.io.FileIO;
import io.floe.metadata.InvalidMetadataException;
import io.floe.metadata.JsonFields;
import io.floe.metadata.JsonIO;
import io.floe.metadata.MetadataFileContent;
import io.floe.metadata.SchemaParser;
import io.floe.types.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads and writes view metadata files (JSON, as the Iceberg view spec lays them out). */
public final class ViewMetadataParser {
  private ViewMetadataParser() {
  }

  public static String toJson(ViewMetadata metadata) {
    return JsonIO.generate(gen -> {
      gen.writeStartObject();
      gen.writeStringField("view-uuid", metadata.uuid());
      gen.writeNumberField("format-version", ViewMetadata.FORMAT_VERSION);
      gen.writeStringField("location", metadata.location());
      gen.writeArrayFieldStart("schemas");
      for (Schema schema : metadata.schemas()) {
        SchemaParser.toJson(schema, gen);
      }
      gen.writeEndArray();
      gen.writeNumberField("current-version-id", metadata.currentVersionId());
      gen.writeArrayFieldStart("versions");
      for (ViewVersion version : metadata.versions()) {
        writeVersion(version, gen);
      }
      gen.writeEndArray();
      gen.writeArrayFieldStart("version-log");
      for (ViewHistoryEntry entry : metadata.versionLog()) {
        gen.writeStartObject();
        gen.writeNumberField("timestamp-ms", entry.timestampMs());
        gen.writeNumberField("version-id", entry.versionId());
        gen.writeEndObject();
      }
      gen.writeEndArray();
      JsonIO.writeStringMap(gen, "properties", metadata.properties());
      gen.writeEndObject();
    });
  }

  private static void writeVersion(ViewVersion version, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("version-id", version.versionId());
    gen.writeNumberField("schema-id", version.schemaId());
    gen.writeNumberField("timestamp-ms", version.timestampMs());
    gen.writeObjectFieldStart("summary");
    for (Map.Entry<String, String> e : new TreeMap<>(version.summary()).entrySet()) {
      gen.writeStringField(e.getKey(), e.getValue());
    }
    gen.writeEndObject();
    gen.writeArrayFieldStart("representations");
    for (SqlViewRepresentation sql : version.representations()) {
      gen.writeStartObject();
      gen.writeStringField("type", "sql");
      gen.writeStringField("sql", sql.sql());
      gen.writeStringField("dialect", sql.dialect());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    if (version.defaultCatalog() != null) {
      gen.writeStringField("default-catalog", version.defaultCatalog());
    }
    gen.writeArrayFieldStart("default-namespace");
    for (String level : version.defaultNamespace()) {
      gen.writeString(level);
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  /** Reads a view metadata file; a missing file or bad content fails naming the file. */
  public static ViewMetadata read(FileIO io, String location) {
    byte[] bytes = MetadataFileContent.read(io, location, "view metadata file");
    return fromJson(location, new String(bytes, StandardCharsets.UTF_8));
  }

  /** Parses view metadata JSON read from {@code location}, which error messages name. */
  public static ViewMetadata fromJson(String location, String json) {
    String file = "view metadata file " + location;
    try {
      return parse(JsonIO.parse(json, "the content"));
    } catch (InvalidMetadataException | IllegalArgumentException e) {
      throw new InvalidMetadataException("invalid " + file + ": " + e.getMessage(), e);
    }
  }

  private static ViewMetadata parse(JsonNode node) {
    JsonFields.object(node, "view metadata");
    int format = JsonFields.requiredInt(node, "format-version", "view metadata");
    if (format != ViewMetadata.FORMAT_VERSION) {
      throw new UnsupportedOperationException("not supported: view format version " + format
          + " (Floe reads version " + ViewMetadata.FORMAT_VERSION + ")");
    }
    List<Schema> schemas = new ArrayList<>();
    for (JsonNode schema : JsonFields.requiredArray(node, "schemas", "view metadata")) {
      schemas.add(SchemaParser.fromJson(schema));
    }
    List<ViewVersion> versions = new ArrayList<>();
    for (JsonNode version : JsonFields.requiredArray(node, "versions", "view metadata")) {
      versions.add(parseVersion(version));
    }
    List<ViewHistoryEntry> log = new ArrayList<>();
    for (JsonNode entry : JsonFields.requiredArray(node, "version-log", "view metadata")) {
      log.add(new ViewHistoryEntry(JsonFields.requiredLong(entry, "timestamp-ms", "version-log entry"),
          JsonFields.requiredInt(entry, "version-id", "version-log entry")));
    }
    return new ViewMetadata(JsonFields.requiredString(node, "view-uuid", "view metadata"),
        JsonFields.requiredString(node, "location", "view metadata"),
        JsonFields.requiredInt(node, "current-version-id", "view metadata"), versions, log, schemas,
        JsonFields.stringMap(node, "properties", "view metadata"));
  }

  private static ViewVersion parseVersion(JsonNode node) {
    JsonFields.object(node, "view version");
    int id = JsonFields.requiredInt(node, "version-id", "view version");
    String context = "view version " + id;
    List<SqlViewRepresentation> representations = new ArrayList<>();
    for (JsonNode r : JsonFields.requiredArray(node, "representations", context)) {
      String type = JsonFields.requiredString(r, "type", context + " representation");
      if (type.equals("sql")) {
        representations.add(new SqlViewRepresentation(JsonFields.requiredString(r, "sql", context),
            JsonFields.requiredString(r, "dialect", context)));
      } // other types are for other engines (the spec defines only sql so far)
    }
    List<String> namespace = new ArrayList<>();
    for (JsonNode level : JsonFields.requiredArray(node, "default-namespace", context)) {
      if (!level.isTextual()) {
        throw new InvalidMetadataException("default-namespace of " + context + " must hold strings, not " + level);
      }
      namespace.add(level.asText());
    }
    return new ViewVersion(id, JsonFields.requiredInt(node, "schema-id", context),
        JsonFields.requiredLong(node, "timestamp-ms", context), JsonFields.stringMap(node, "summary", context),
        representations, JsonFields.optionalString(node, "default-catalog", context), namespace);
  }
}
