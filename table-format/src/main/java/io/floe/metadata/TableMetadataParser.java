package io.floe.metadata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.floe.io.FileIO;
import io.floe.io.OutputFile;
import io.floe.io.PositionOutputStream;
import io.floe.partition.PartitionSpec;
import io.floe.types.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Table metadata files (format version 2) as JSON, exactly as in the Iceberg spec and as Iceberg 1.12 writes them
 * (a table without snapshots has {@code "current-snapshot-id":-1}). Reads format versions 1 and 2, including the
 * v1-only {@code schema} and {@code partition-spec} fields when the newer lists are missing; writes version 2.
 */
public final class TableMetadataParser {
  /** Metadata files read lately, so that reading an unchanged file again does not parse it again. */
  private static final ParsedMetadataFiles PARSED = new ParsedMetadataFiles(32L << 20);

  private static final int SUPPORTED_WRITE_VERSION = 2;
  private static final int MAX_READ_VERSION = 2;

  private TableMetadataParser() {
  }

  /** Serializes format-version-2 metadata to compact JSON. */
  public static String toJson(TableMetadata metadata) {
    if (metadata.formatVersion() != SUPPORTED_WRITE_VERSION) {
      throw new UnsupportedOperationException("not supported: writing table metadata of format version "
          + metadata.formatVersion() + " (Floe writes version 2) for table " + metadata.location());
    }
    if (metadata.tableUuid() == null) {
      throw new IllegalArgumentException("table " + metadata.location() + " has no table-uuid, which v2 requires");
    }
    return JsonIO.generate(gen -> write(metadata, gen));
  }

  private static void write(TableMetadata m, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("format-version", m.formatVersion());
    gen.writeStringField("table-uuid", m.tableUuid());
    gen.writeStringField("location", m.location());
    gen.writeNumberField("last-sequence-number", m.lastSequenceNumber());
    gen.writeNumberField("last-updated-ms", m.lastUpdatedMs());
    gen.writeNumberField("last-column-id", m.lastColumnId());
    gen.writeNumberField("current-schema-id", m.currentSchemaId());
    gen.writeArrayFieldStart("schemas");
    for (Schema s : m.schemas()) {
      SchemaParser.toJson(s, gen);
    }
    gen.writeEndArray();
    gen.writeNumberField("default-spec-id", m.defaultSpecId());
    gen.writeArrayFieldStart("partition-specs");
    for (PartitionSpec s : m.specs()) {
      PartitionSpecParser.toJson(s, gen);
    }
    gen.writeEndArray();
    gen.writeNumberField("last-partition-id", m.lastPartitionId());
    gen.writeNumberField("default-sort-order-id", m.defaultSortOrderId());
    gen.writeArrayFieldStart("sort-orders");
    for (SortOrder o : m.sortOrders()) {
      SortOrderParser.toJson(o, gen);
    }
    gen.writeEndArray();
    gen.writeObjectFieldStart("properties");
    for (Map.Entry<String, String> e : new TreeMap<>(m.properties()).entrySet()) {
      gen.writeStringField(e.getKey(), e.getValue());
    }
    gen.writeEndObject();
    gen.writeNumberField("current-snapshot-id", m.currentSnapshotId() == null ? -1L : m.currentSnapshotId());
    gen.writeObjectFieldStart("refs");
    for (Map.Entry<String, SnapshotRef> e : new TreeMap<>(m.refs()).entrySet()) {
      gen.writeFieldName(e.getKey());
      SnapshotParser.toJson(e.getValue(), gen);
    }
    gen.writeEndObject();
    gen.writeArrayFieldStart("snapshots");
    for (Snapshot s : m.snapshots()) {
      SnapshotParser.toJson(s, gen);
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("statistics");
    for (StatisticsFile f : m.statistics()) {
      StatisticsParser.toJson(f, gen);
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("partition-statistics");
    for (PartitionStatisticsFile f : m.partitionStatistics()) {
      StatisticsParser.toJson(f, gen);
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("snapshot-log");
    for (SnapshotLogEntry e : m.snapshotLog()) {
      gen.writeStartObject();
      gen.writeNumberField("timestamp-ms", e.timestampMs());
      gen.writeNumberField("snapshot-id", e.snapshotId());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("metadata-log");
    for (MetadataLogEntry e : m.metadataLog()) {
      gen.writeStartObject();
      gen.writeNumberField("timestamp-ms", e.timestampMs());
      gen.writeStringField("metadata-file", e.metadataFile());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  /**
   * Writes the metadata as a new file: serialized first, then written in one go through {@link OutputFile#create()}.
   * A {@link java.nio.file.FileAlreadyExistsException} (another writer created this version first) propagates.
   */
  public static void write(TableMetadata metadata, OutputFile out) throws IOException {
    byte[] bytes = toJson(metadata).getBytes(StandardCharsets.UTF_8);
    try (PositionOutputStream stream = out.create()) {
      stream.write(bytes);
    }
  }

  /**
   * Reads a metadata file ({@code .gz.metadata.json} and {@code .metadata.json.gz} names are gunzipped).
   * A missing or unreadable file gives an {@link UncheckedIOException}, bad content an
   * {@link InvalidMetadataException}; both name the file.
   */
  public static TableMetadata read(FileIO io, String location) {
    byte[] bytes = MetadataFileContent.read(io, location, "table metadata file");
    return PARSED.get(location, bytes, () -> fromJson(location, new String(bytes, StandardCharsets.UTF_8)));
  }

  /** Parses metadata JSON read from {@code metadataFileLocation}, which error messages name. */
  public static TableMetadata fromJson(String metadataFileLocation, String json) {
    String file = "table metadata file " + metadataFileLocation;
    try {
      return parse(metadataFileLocation, JsonIO.parse(json, "the content"));
    } catch (InvalidMetadataException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidMetadataException("invalid " + file + ": " + e.getMessage(), e);
    } catch (UnsupportedOperationException e) {
      throw new UnsupportedOperationException(e.getMessage() + " (in " + file + ")", e);
    }
  }

  private static TableMetadata parse(String metadataFileLocation, JsonNode node) {
    JsonFields.object(node, "the content");
    String ctx = "the table metadata";
    int formatVersion = JsonFields.requiredInt(node, "format-version", ctx);
    if (formatVersion < 1 || formatVersion > MAX_READ_VERSION) {
      throw new InvalidMetadataException("unsupported format version " + formatVersion
          + " (Floe reads format versions 1 and 2)");
    }
    boolean v2 = formatVersion >= 2;
    String tableUuid = v2 ? JsonFields.requiredString(node, "table-uuid", ctx)
        : JsonFields.optionalString(node, "table-uuid", ctx);
    String location = JsonFields.requiredString(node, "location", ctx);
    long lastSequenceNumber = v2 ? JsonFields.requiredLong(node, "last-sequence-number", ctx) : 0L;
    long lastUpdatedMs = JsonFields.requiredLong(node, "last-updated-ms", ctx);
    int lastColumnId = JsonFields.requiredInt(node, "last-column-id", ctx);

    List<Schema> schemas = new ArrayList<>();
    int currentSchemaId;
    if (node.hasNonNull("schemas")) {
      for (JsonNode s : JsonFields.requiredArray(node, "schemas", ctx)) {
        schemas.add(SchemaParser.fromJson(s));
      }
      Integer current = JsonFields.optionalInt(node, "current-schema-id", ctx);
      if (current == null) {
        if (v2 || schemas.size() != 1) {
          throw new InvalidMetadataException("missing required field 'current-schema-id' in " + ctx);
        }
        current = schemas.get(0).schemaId();
      }
      currentSchemaId = current;
    } else if (node.hasNonNull("schema")) {
      Schema legacy = SchemaParser.fromJson(node.get("schema"));
      schemas.add(legacy);
      currentSchemaId = legacy.schemaId();
    } else {
      throw new InvalidMetadataException("missing required field 'schemas' in " + ctx);
    }
    Schema currentSchema = find(schemas, currentSchemaId);

    List<PartitionSpec> specs = new ArrayList<>();
    int defaultSpecId;
    if (node.hasNonNull("partition-specs")) {
      for (JsonNode s : JsonFields.requiredArray(node, "partition-specs", ctx)) {
        specs.add(bind(PartitionSpecParser.unbound(s), currentSchema, schemas));
      }
      defaultSpecId = JsonFields.requiredInt(node, "default-spec-id", ctx);
    } else if (node.hasNonNull("partition-spec")) {
      Integer id = JsonFields.optionalInt(node, "default-spec-id", ctx);
      defaultSpecId = id == null ? 0 : id;
      specs.add(bind(PartitionSpecParser.unboundFields(defaultSpecId, node.get("partition-spec")), currentSchema,
          schemas));
    } else {
      throw new InvalidMetadataException("missing required field 'partition-specs' in " + ctx);
    }
    if (specs.stream().noneMatch(s -> s.specId() == defaultSpecId)) {
      throw new InvalidMetadataException("default-spec-id " + defaultSpecId + " is not among the partition specs");
    }
    Integer lastPartitionId = v2 ? Integer.valueOf(JsonFields.requiredInt(node, "last-partition-id", ctx))
        : JsonFields.optionalInt(node, "last-partition-id", ctx);
    if (lastPartitionId == null) {
      lastPartitionId = specs.stream().mapToInt(PartitionSpec::lastAssignedFieldId)
          .max().orElse(PartitionSpec.FIRST_FIELD_ID - 1);
    }

    List<SortOrder> sortOrders = new ArrayList<>();
    int defaultSortOrderId;
    if (node.hasNonNull("sort-orders") || v2) {
      for (JsonNode o : JsonFields.requiredArray(node, "sort-orders", ctx)) {
        sortOrders.add(SortOrderParser.fromJson(o));
      }
      defaultSortOrderId = JsonFields.requiredInt(node, "default-sort-order-id", ctx);
    } else {
      sortOrders.add(SortOrder.unsorted());
      defaultSortOrderId = 0;
    }

    Map<String, String> properties = JsonFields.stringMap(node, "properties", ctx);
    Long currentSnapshotId = JsonFields.optionalLong(node, "current-snapshot-id", ctx);
    if (currentSnapshotId != null && currentSnapshotId == -1L) {
      currentSnapshotId = null;
    }
    List<Snapshot> snapshots = new ArrayList<>();
    if (node.hasNonNull("snapshots")) {
      for (JsonNode s : JsonFields.requiredArray(node, "snapshots", ctx)) {
        snapshots.add(SnapshotParser.fromJson(s, formatVersion));
      }
    }
    if (currentSnapshotId != null) {
      long id = currentSnapshotId;
      if (snapshots.stream().noneMatch(s -> s.snapshotId() == id)) {
        throw new InvalidMetadataException("current-snapshot-id " + id + " is not among the snapshots");
      }
    }

    Map<String, SnapshotRef> refs = new LinkedHashMap<>();
    if (node.hasNonNull("refs")) {
      JsonNode refsNode = JsonFields.object(node.get("refs"), "field 'refs'");
      for (Map.Entry<String, JsonNode> e : refsNode.properties()) {
        refs.put(e.getKey(), SnapshotParser.refFromJson(e.getKey(), e.getValue()));
      }
    } else if (currentSnapshotId != null) {
      refs.put(SnapshotRef.MAIN, SnapshotRef.branch(currentSnapshotId));
    }

    List<SnapshotLogEntry> snapshotLog = new ArrayList<>();
    if (node.hasNonNull("snapshot-log")) {
      for (JsonNode e : JsonFields.requiredArray(node, "snapshot-log", ctx)) {
        snapshotLog.add(new SnapshotLogEntry(
            JsonFields.requiredLong(e, "timestamp-ms", "a snapshot-log entry"),
            JsonFields.requiredLong(e, "snapshot-id", "a snapshot-log entry")));
      }
    }
    List<MetadataLogEntry> metadataLog = new ArrayList<>();
    if (node.hasNonNull("metadata-log")) {
      for (JsonNode e : JsonFields.requiredArray(node, "metadata-log", ctx)) {
        metadataLog.add(new MetadataLogEntry(
            JsonFields.requiredLong(e, "timestamp-ms", "a metadata-log entry"),
            JsonFields.requiredString(e, "metadata-file", "a metadata-log entry")));
      }
    }

    List<StatisticsFile> statistics = new ArrayList<>();
    if (node.hasNonNull("statistics")) {
      for (JsonNode e : JsonFields.requiredArray(node, "statistics", ctx)) {
        statistics.add(StatisticsParser.fromJson(e));
      }
    }
    List<PartitionStatisticsFile> partitionStatistics = new ArrayList<>();
    if (node.hasNonNull("partition-statistics")) {
      for (JsonNode e : JsonFields.requiredArray(node, "partition-statistics", ctx)) {
        partitionStatistics.add(StatisticsParser.partitionFromJson(e));
      }
    }

    return new TableMetadata(metadataFileLocation, formatVersion, tableUuid, location, lastSequenceNumber,
        lastUpdatedMs, lastColumnId, schemas, currentSchemaId, specs, defaultSpecId, lastPartitionId, sortOrders,
        defaultSortOrderId, properties, currentSnapshotId, snapshots, refs, snapshotLog, metadataLog, statistics,
        partitionStatistics);
  }

  private static Schema find(List<Schema> schemas, int schemaId) {
    for (Schema s : schemas) {
      if (s.schemaId() == schemaId) {
        return s;
      }
    }
    throw new InvalidMetadataException("current-schema-id " + schemaId + " is not among the schemas");
  }

  /**
   * Binds a spec to the current schema, or, when its source columns were dropped since, to the newest schema that
   * still has them.
   */
  private static PartitionSpec bind(PartitionSpecParser.UnboundSpec spec, Schema current, List<Schema> schemas) {
    if (spec.fitsSchema(current)) {
      return spec.bind(current);
    }
    for (int i = schemas.size() - 1; i >= 0; i--) {
      if (spec.fitsSchema(schemas.get(i))) {
        return spec.bind(schemas.get(i));
      }
    }
    return spec.bind(current);
  }
}
