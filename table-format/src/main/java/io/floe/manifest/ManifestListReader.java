package io.floe.manifest;

import io.floe.io.FileIO;
import io.floe.metadata.InvalidMetadataException;
import io.floe.types.ByteBuffers;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads a snapshot's manifest list (v1 or v2, written by any Iceberg engine) by field id. v1 lists lack content and
 * sequence numbers: content is data and both sequence numbers are 0, as the spec says.
 */
public final class ManifestListReader {
  private static final String WHAT = "manifest list";

  private ManifestListReader() {
  }

  public static List<ManifestFile> read(FileIO io, String manifestListLocation) {
    return ManifestCache.SHARED.get(new ManifestCache.Key(manifestListLocation, -1, -1, -1, -1),
        () -> readFile(io, manifestListLocation), ManifestCache::weigh);
  }

  private static List<ManifestFile> readFile(FileIO io, String manifestListLocation) {
    String file = WHAT + " " + manifestListLocation;
    return AvroFiles.readAll(io, manifestListLocation, WHAT, schema -> {
      AvroFields fields = AvroFields.of(schema, ManifestSchemas.MANIFEST_FILE_IDS, file);
      Schema partitions = fields.schema(ManifestSchemas.PARTITIONS);
      AvroFields summaryFields = partitions == null ? null
          : AvroFields.of(partitions.getElementType(), ManifestSchemas.FIELD_SUMMARY_IDS, file);
      return record -> {
        try {
          return manifest(record, fields, summaryFields, manifestListLocation);
        } catch (InvalidMetadataException | UnsupportedOperationException e) {
          throw e;
        } catch (RuntimeException e) {
          throw new InvalidMetadataException(file + " has an invalid entry: " + e, e);
        }
      };
    });
  }

  private static ManifestFile manifest(GenericRecord r, AvroFields f, AvroFields summaryFields, String location) {
    String path = f.required(r, ManifestSchemas.MANIFEST_PATH, "manifest_path").toString();
    Integer content = (Integer) f.get(r, ManifestSchemas.MANIFEST_CONTENT);
    Long sequenceNumber = (Long) f.get(r, ManifestSchemas.MANIFEST_SEQUENCE_NUMBER);
    Long minSequenceNumber = (Long) f.get(r, ManifestSchemas.MIN_SEQUENCE_NUMBER);
    return new ManifestFile(path,
        (Long) f.required(r, ManifestSchemas.MANIFEST_LENGTH, "manifest_length"),
        (Integer) f.required(r, ManifestSchemas.PARTITION_SPEC_ID, "partition_spec_id"),
        content == null || content == 0 ? FileContent.DATA : FileContent.POSITION_DELETES,
        sequenceNumber == null ? 0L : sequenceNumber,
        minSequenceNumber == null ? 0L : minSequenceNumber,
        (Long) f.required(r, ManifestSchemas.ADDED_SNAPSHOT_ID, "added_snapshot_id"),
        count(r, f, ManifestSchemas.ADDED_FILES_COUNT, "added_files_count", path, location).intValue(),
        count(r, f, ManifestSchemas.EXISTING_FILES_COUNT, "existing_files_count", path, location).intValue(),
        count(r, f, ManifestSchemas.DELETED_FILES_COUNT, "deleted_files_count", path, location).intValue(),
        count(r, f, ManifestSchemas.ADDED_ROWS_COUNT, "added_rows_count", path, location).longValue(),
        count(r, f, ManifestSchemas.EXISTING_ROWS_COUNT, "existing_rows_count", path, location).longValue(),
        count(r, f, ManifestSchemas.DELETED_ROWS_COUNT, "deleted_rows_count", path, location).longValue(),
        summaries(f.get(r, ManifestSchemas.PARTITIONS), summaryFields));
  }

  private static Number count(GenericRecord r, AvroFields f, int id, String name, String manifest, String location) {
    Object value = f.get(r, id);
    if (value == null) {
      throw new UnsupportedOperationException("not supported: manifest " + manifest + " in " + WHAT + " " + location
          + " has no " + name);
    }
    return (Number) value;
  }

  private static List<FieldSummary> summaries(Object value, AvroFields fields) {
    if (value == null || fields == null) {
      return null;
    }
    List<FieldSummary> summaries = new ArrayList<>();
    for (Object element : (Collection<?>) value) {
      GenericRecord s = (GenericRecord) element;
      summaries.add(new FieldSummary(
          (Boolean) fields.required(s, ManifestSchemas.CONTAINS_NULL, "contains_null"),
          (Boolean) fields.get(s, ManifestSchemas.CONTAINS_NAN),
          copy(fields.get(s, ManifestSchemas.LOWER_BOUND)),
          copy(fields.get(s, ManifestSchemas.UPPER_BOUND))));
    }
    return summaries;
  }

  private static ByteBuffer copy(Object value) {
    return value == null ? null : ByteBuffers.copy((ByteBuffer) value);
  }
}
