package io.floe.metadata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The {@code statistics} and {@code partition-statistics} entries of table metadata as JSON (Iceberg spec). */
final class StatisticsParser {
  private static final String CONTEXT = "a statistics entry";
  private static final String BLOB_CONTEXT = "a statistics blob-metadata entry";
  private static final String PARTITION_CONTEXT = "a partition-statistics entry";

  private StatisticsParser() {
  }

  static void toJson(StatisticsFile file, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("snapshot-id", file.snapshotId());
    gen.writeStringField("statistics-path", file.path());
    gen.writeNumberField("file-size-in-bytes", file.fileSizeInBytes());
    gen.writeNumberField("file-footer-size-in-bytes", file.fileFooterSizeInBytes());
    if (file.keyMetadata() != null) {
      gen.writeStringField("key-metadata", file.keyMetadata());
    }
    gen.writeArrayFieldStart("blob-metadata");
    for (StatisticsFile.BlobMetadata blob : file.blobMetadata()) {
      gen.writeStartObject();
      gen.writeStringField("type", blob.type());
      gen.writeNumberField("snapshot-id", blob.sourceSnapshotId());
      gen.writeNumberField("sequence-number", blob.sourceSnapshotSequenceNumber());
      JsonIO.writeIntArray(gen, "fields", blob.fields());
      JsonIO.writeStringMap(gen, "properties", blob.properties());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  static void toJson(PartitionStatisticsFile file, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("snapshot-id", file.snapshotId());
    gen.writeStringField("statistics-path", file.path());
    gen.writeNumberField("file-size-in-bytes", file.fileSizeInBytes());
    gen.writeEndObject();
  }

  static StatisticsFile fromJson(JsonNode node) {
    JsonFields.object(node, CONTEXT);
    List<StatisticsFile.BlobMetadata> blobs = new ArrayList<>();
    for (JsonNode blob : JsonFields.requiredArray(node, "blob-metadata", CONTEXT)) {
      JsonFields.object(blob, BLOB_CONTEXT);
      blobs.add(new StatisticsFile.BlobMetadata(
          JsonFields.requiredString(blob, "type", BLOB_CONTEXT),
          JsonFields.requiredLong(blob, "snapshot-id", BLOB_CONTEXT),
          JsonFields.requiredLong(blob, "sequence-number", BLOB_CONTEXT),
          JsonFields.intList(blob, "fields", BLOB_CONTEXT),
          JsonFields.stringMap(blob, "properties", BLOB_CONTEXT)));
    }
    return new StatisticsFile(
        JsonFields.requiredLong(node, "snapshot-id", CONTEXT),
        JsonFields.requiredString(node, "statistics-path", CONTEXT),
        JsonFields.requiredLong(node, "file-size-in-bytes", CONTEXT),
        JsonFields.requiredLong(node, "file-footer-size-in-bytes", CONTEXT),
        JsonFields.optionalString(node, "key-metadata", CONTEXT),
        blobs);
  }

  static PartitionStatisticsFile partitionFromJson(JsonNode node) {
    JsonFields.object(node, PARTITION_CONTEXT);
    return new PartitionStatisticsFile(
        JsonFields.requiredLong(node, "snapshot-id", PARTITION_CONTEXT),
        JsonFields.requiredString(node, "statistics-path", PARTITION_CONTEXT),
        JsonFields.requiredLong(node, "file-size-in-bytes", PARTITION_CONTEXT));
  }
}
