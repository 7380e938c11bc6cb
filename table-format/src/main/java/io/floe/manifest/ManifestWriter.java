package io.floe.manifest;

import io.floe.data.Metrics;
import io.floe.data.Record;
import io.floe.io.OutputFile;
import io.floe.metadata.PartitionSpecParser;
import io.floe.metadata.SchemaParser;
import io.floe.partition.PartitionSpec;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.StructType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericData;

/**
 * Writes one v2 manifest (Avro {@code manifest_entry} records) for one partition spec: a data manifest, or a delete
 * manifest of position and equality delete files ({@link #createDeletes}). New files are written with null sequence
 * numbers, to be inherited from the manifest list; existing and deleted entries keep theirs. {@link #close(long)}
 * returns the manifest's entry for a manifest list.
 */
public final class ManifestWriter {
  /**
   * The sequence number of a manifest written in a commit that is not yet assigned; {@link ManifestListWriter}
   * replaces it with the commit's sequence number.
   */
  public static final long UNASSIGNED_SEQUENCE_NUMBER = -1L;

  private final AvroAppender appender;
  private final PartitionSpec spec;
  private final long snapshotId;
  private final org.apache.avro.Schema entrySchema;
  private final org.apache.avro.Schema dataFileSchema;
  private final org.apache.avro.Schema partitionSchema;
  private final PartitionSummaryBuilder summaries;
  /** Whether this is a delete manifest (of delete files), else a data manifest. */
  private final boolean deletes;
  private int addedFiles;
  private int existingFiles;
  private int deletedFiles;
  private long addedRows;
  private long existingRows;
  private long deletedRows;
  private Long minExplicitSequenceNumber;
  private boolean hasInheritingEntries;
  private boolean hasLiveEntries;

  private ManifestWriter(OutputFile out, PartitionSpec spec, Schema tableSchema, long snapshotId, boolean deletes) {
    this.spec = spec;
    this.deletes = deletes;
    this.snapshotId = snapshotId;
    this.entrySchema = ManifestSchemas.manifestEntry(spec.partitionType());
    this.dataFileSchema = entrySchema.getField("data_file").schema();
    this.partitionSchema = dataFileSchema.getField("partition").schema();
    this.summaries = new PartitionSummaryBuilder(spec.partitionType());
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("schema", SchemaParser.toJson(tableSchema));
    metadata.put("schema-id", String.valueOf(tableSchema.schemaId()));
    metadata.put("partition-spec", PartitionSpecParser.fieldsToJson(spec));
    metadata.put("partition-spec-id", String.valueOf(spec.specId()));
    metadata.put("format-version", "2");
    metadata.put("content", deletes ? "deletes" : "data");
    this.appender = new AvroAppender(out, entrySchema, metadata);
  }

  /** Creates the manifest file (exclusively) for files of {@code spec}, written by snapshot {@code snapshotId}. */
  public static ManifestWriter create(OutputFile out, PartitionSpec spec, Schema tableSchema, long snapshotId) {
    return new ManifestWriter(out, spec, tableSchema, snapshotId, false);
  }

  /**
   * Creates a delete manifest (exclusively) for position and equality delete files of {@code spec}: Floe writes one
   * only to carry over or remove the delete files other engines wrote.
   */
  public static ManifestWriter createDeletes(OutputFile out, PartitionSpec spec, Schema tableSchema,
                                             long snapshotId) {
    return new ManifestWriter(out, spec, tableSchema, snapshotId, true);
  }

  /** Adds a new file: status ADDED, this writer's snapshot id, sequence numbers inherited (null). */
  public void add(DataFile file) {
    write(ManifestEntry.Status.ADDED, snapshotId, null, null, file);
  }

  /** Carries over a live file: status EXISTING, keeping the entry's snapshot id and sequence numbers. */
  public void existing(ManifestEntry entry) {
    requireSequenceNumbers(entry, "existing");
    write(ManifestEntry.Status.EXISTING, entry.snapshotId(), entry.sequenceNumber(), entry.fileSequenceNumber(),
        entry.file());
  }

  /** Records the removal of a file: status DELETED by {@code deletingSnapshotId}, keeping its sequence numbers. */
  public void delete(ManifestEntry entry, long deletingSnapshotId) {
    requireSequenceNumbers(entry, "deleted");
    write(ManifestEntry.Status.DELETED, deletingSnapshotId, entry.sequenceNumber(), entry.fileSequenceNumber(),
        entry.file());
  }

  private static void requireSequenceNumbers(ManifestEntry entry, String what) {
    if (entry.sequenceNumber() == null || entry.fileSequenceNumber() == null) {
      throw new IllegalArgumentException("an " + what + " entry must carry its data and file sequence numbers: "
          + entry.file().path());
    }
  }

  private void write(ManifestEntry.Status status, Long entrySnapshotId, Long sequenceNumber,
                     Long fileSequenceNumber, DataFile file) {
    if (file.specId() != spec.specId()) {
      throw new IllegalArgumentException("file " + file.path() + " has partition spec " + file.specId()
          + " but this manifest is for spec " + spec.specId());
    }
    if ((file.content() != FileContent.DATA) != deletes) {
      throw new IllegalArgumentException("a " + file.content() + " file cannot be written to a "
          + (deletes ? "delete" : "data") + " manifest: " + file.path());
    }
    GenericData.Record record = new GenericData.Record(entrySchema);
    record.put("status", status.id());
    record.put("snapshot_id", entrySnapshotId);
    record.put("sequence_number", sequenceNumber);
    record.put("file_sequence_number", fileSequenceNumber);
    record.put("data_file", dataFileRecord(file));
    appender.append(record);
    summaries.update(file.partition());

    switch (status) {
      case ADDED -> {
        addedFiles++;
        addedRows += file.recordCount();
      }
      case EXISTING -> {
        existingFiles++;
        existingRows += file.recordCount();
      }
      case DELETED -> {
        deletedFiles++;
        deletedRows += file.recordCount();
      }
      default -> throw new IllegalStateException("unknown status " + status);
    }
    if (status != ManifestEntry.Status.DELETED) {
      hasLiveEntries = true;
      if (sequenceNumber == null) {
        hasInheritingEntries = true;
      } else if (minExplicitSequenceNumber == null || sequenceNumber < minExplicitSequenceNumber) {
        minExplicitSequenceNumber = sequenceNumber;
      }
    }
  }

  private GenericData.Record dataFileRecord(DataFile file) {
    GenericData.Record r = new GenericData.Record(dataFileSchema);
    r.put("content", file.content().id());
    r.put("file_path", file.path());
    r.put("file_format", file.format());
    r.put("partition", partitionRecord(file));
    r.put("record_count", file.recordCount());
    r.put("file_size_in_bytes", file.fileSizeInBytes());
    Metrics m = file.metrics();
    if (m != null) {
      r.put("column_sizes", mapEntries("column_sizes", m.columnSizes()));
      r.put("value_counts", mapEntries("value_counts", m.valueCounts()));
      r.put("null_value_counts", mapEntries("null_value_counts", m.nullValueCounts()));
      r.put("nan_value_counts", mapEntries("nan_value_counts", m.nanValueCounts()));
      r.put("lower_bounds", mapEntries("lower_bounds", m.lowerBounds()));
      r.put("upper_bounds", mapEntries("upper_bounds", m.upperBounds()));
    }
    r.put("split_offsets", file.splitOffsets());
    r.put("equality_ids", file.equalityFieldIds());
    r.put("sort_order_id", file.sortOrderId());
    return r;
  }

  private GenericData.Record partitionRecord(DataFile file) {
    Record partition = file.partition();
    StructType type = spec.partitionType();
    if (partition == null || partition.size() != type.fields().size()) {
      throw new IllegalArgumentException("file " + file.path() + " has partition " + partition + " but spec "
          + spec.specId() + " has " + type.fields().size() + " partition fields");
    }
    GenericData.Record r = new GenericData.Record(partitionSchema);
    for (int i = 0; i < type.fields().size(); i++) {
      NestedField f = type.fields().get(i);
      org.apache.avro.Schema valueSchema = AvroFields.nonNull(partitionSchema.getFields().get(i).schema());
      try {
        r.put(i, PartitionValues.toAvro(f.type(), partition.get(i), valueSchema, f.name()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("file " + file.path() + ": " + e.getMessage(), e);
      }
    }
    return r;
  }

  /** A metrics map as the Avro array of key/value records, sorted by column id; null when empty. */
  private List<GenericData.Record> mapEntries(String field, Map<Integer, ?> map) {
    if (map.isEmpty()) {
      return null;
    }
    org.apache.avro.Schema entry = AvroFields.nonNull(dataFileSchema.getField(field).schema()).getElementType();
    List<GenericData.Record> entries = new ArrayList<>(map.size());
    for (Map.Entry<Integer, ?> e : new TreeMap<>(map).entrySet()) {
      GenericData.Record kv = new GenericData.Record(entry);
      kv.put(0, e.getKey());
      kv.put(1, e.getValue() instanceof ByteBuffer b ? b.duplicate() : e.getValue());
      entries.add(kv);
    }
    return entries;
  }

  /**
   * Closes the file and returns its manifest-list entry. {@code sequenceNumber} is the manifest's sequence number,
   * or {@link #UNASSIGNED_SEQUENCE_NUMBER} to have the manifest list writer assign the commit's. The minimum
   * sequence number covers the live entries; inherited ones count as the manifest's sequence number.
   */
  public ManifestFile close(long sequenceNumber) {
    long length = appender.close();
    return new ManifestFile(appender.location(), length, spec.specId(),
        deletes ? FileContent.POSITION_DELETES : FileContent.DATA, sequenceNumber,
        minSequenceNumber(sequenceNumber), snapshotId, addedFiles, existingFiles, deletedFiles, addedRows,
        existingRows, deletedRows, summaries.summaries());
  }

  private long minSequenceNumber(long sequenceNumber) {
    if (!hasLiveEntries) {
      return sequenceNumber;
    }
    if (sequenceNumber == UNASSIGNED_SEQUENCE_NUMBER) {
      // inheriting entries will get the commit's sequence number, above any explicit one
      return minExplicitSequenceNumber != null ? minExplicitSequenceNumber : UNASSIGNED_SEQUENCE_NUMBER;
    }
    long min = hasInheritingEntries ? sequenceNumber : Long.MAX_VALUE;
    return minExplicitSequenceNumber != null ? Math.min(min, minExplicitSequenceNumber) : min;
  }
}
