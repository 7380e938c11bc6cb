package io.floe.manifest;

import io.floe.data.GenericRecord;
import io.floe.data.Metrics;
import io.floe.data.Record;
import io.floe.io.FileIO;
import io.floe.metadata.InvalidMetadataException;
import io.floe.partition.PartitionSpec;
import io.floe.types.ByteBuffers;
import io.floe.types.NestedField;
import io.floe.types.StructType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.Schema;

/**
 * Reads the entries of a manifest (v1 or v2, written by any Iceberg engine), finding fields by field id. Applies the
 * spec's inheritance: a null snapshot id is the manifest's added snapshot id; ADDED entries with null sequence
 * numbers (and every entry of a v1 manifest, sequence number 0) take the manifest's sequence number. Partition
 * values become internal values in a {@link io.floe.data.Record} of the spec's partition type.
 */
public final class ManifestReader {
  private static final String WHAT = "manifest";

  private final ManifestFile manifest;
  private final PartitionSpec spec;
  private final String path;
  private final Predicate<Record> partitionFilter;
  private AvroFields entryFields;
  private AvroFields fileFields;
  private AvroFields partitionFields;

  private ManifestReader(ManifestFile manifest, PartitionSpec spec, Predicate<Record> partitionFilter) {
    this.manifest = manifest;
    this.spec = spec;
    this.path = manifest.path();
    this.partitionFilter = partitionFilter;
  }

  /** All entries of the manifest, including DELETED ones (see {@link ManifestEntry#isLive()}). */
  public static List<ManifestEntry> read(FileIO io, ManifestFile manifest, Map<Integer, PartitionSpec> specsById) {
    PartitionSpec spec = spec(manifest, specsById);
    ManifestCache.Key key = new ManifestCache.Key(manifest.path(), manifest.length(), manifest.sequenceNumber(),
        manifest.addedSnapshotId(), spec.specId());
    return ManifestCache.SHARED.get(key, () -> new ManifestReader(manifest, spec, null).readAll(io),
        ManifestCache::weigh);
  }

  /**
   * The live entries of the manifest whose partition {@code partitionFilter} accepts: from the manifest decoded once
   * and kept in the process's {@link ManifestCache}, or, for a manifest too large for the cache to keep, decoded
   * with the filter (it sees the partition of each live entry before the rest is converted, so rejected entries
   * cost no conversion).
   */
  public static List<ManifestEntry> readLive(FileIO io, ManifestFile manifest, Map<Integer, PartitionSpec> specsById,
                                             Predicate<Record> partitionFilter) {
    if (!ManifestCache.SHARED.mayKeep(manifest.length())) {
      return new ManifestReader(manifest, spec(manifest, specsById), partitionFilter).readAll(io);
    }
    List<ManifestEntry> live = new ArrayList<>();
    for (ManifestEntry entry : read(io, manifest, specsById)) {
      if (entry.isLive() && partitionFilter.test(entry.file().partition())) {
        live.add(entry);
      }
    }
    return live;
  }

  private static PartitionSpec spec(ManifestFile manifest, Map<Integer, PartitionSpec> specsById) {
    PartitionSpec spec = specsById.get(manifest.partitionSpecId());
    if (spec == null) {
      throw new InvalidMetadataException("manifest " + manifest.path() + " uses partition spec "
          + manifest.partitionSpecId() + ", which the table does not have (it has " + specsById.keySet() + ")");
    }
    return spec;
  }

  private List<ManifestEntry> readAll(FileIO io) {
    return AvroFiles.readAll(io, path, WHAT, schema -> {
      index(schema);
      return this::entry;
    });
  }

  private void index(Schema schema) {
    entryFields = AvroFields.of(schema, ManifestSchemas.ENTRY_IDS, WHAT + " " + path);
    Schema dataFile = entryFields.schema(ManifestSchemas.DATA_FILE);
    if (dataFile == null) {
      throw new InvalidMetadataException(WHAT + " " + path + ": required field 'data_file' (field id 2) is missing");
    }
    fileFields = AvroFields.of(dataFile, ManifestSchemas.DATA_FILE_IDS, WHAT + " " + path);
    Schema partition = fileFields.schema(ManifestSchemas.PARTITION);
    if (partition == null) {
      throw new InvalidMetadataException(WHAT + " " + path + ": required field 'partition' (field id 102) is missing");
    }
    Map<String, Integer> idsByName = new HashMap<>();
    for (NestedField f : spec.partitionType().fields()) {
      idsByName.put(ManifestSchemas.avroName(f.name()), f.id());
    }
    partitionFields = AvroFields.of(partition, idsByName, WHAT + " " + path);
    for (NestedField f : spec.partitionType().fields()) {
      if (!partitionFields.has(f.id())) {
        throw new InvalidMetadataException(WHAT + " " + path + ": partition field '" + f.name() + "' (field id "
            + f.id() + ") of spec " + spec.specId() + " is missing");
      }
    }
  }

  private ManifestEntry entry(org.apache.avro.generic.GenericRecord record) {
    try {
      return convert(record);
    } catch (InvalidMetadataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidMetadataException(WHAT + " " + path + " has an invalid entry: " + e, e);
    }
  }

  private ManifestEntry convert(org.apache.avro.generic.GenericRecord record) {
    ManifestEntry.Status status = ManifestEntry.Status.fromId(
        (Integer) entryFields.required(record, ManifestSchemas.STATUS, "status"));
    if (partitionFilter != null && status == ManifestEntry.Status.DELETED) {
      return null;
    }
    org.apache.avro.generic.GenericRecord file = (org.apache.avro.generic.GenericRecord)
        entryFields.required(record, ManifestSchemas.DATA_FILE, "data_file");
    String filePath = fileFields.required(file, ManifestSchemas.FILE_PATH, "file_path").toString();
    GenericRecord partition = partition(file, filePath);
    if (partitionFilter != null && !partitionFilter.test(partition)) {
      return null;
    }
    Long snapshotId = (Long) entryFields.get(record, ManifestSchemas.SNAPSHOT_ID);
    Long sequenceNumber = (Long) entryFields.get(record, ManifestSchemas.SEQUENCE_NUMBER);
    Long fileSequenceNumber = (Long) entryFields.get(record, ManifestSchemas.FILE_SEQUENCE_NUMBER);
    if (snapshotId == null) {
      snapshotId = manifest.addedSnapshotId();
    }
    long inherited = manifest.sequenceNumber();
    boolean inherits = inherited != ManifestWriter.UNASSIGNED_SEQUENCE_NUMBER
        && (status == ManifestEntry.Status.ADDED || inherited == 0);
    if (sequenceNumber == null && inherits) {
      sequenceNumber = inherited;
    }
    if (fileSequenceNumber == null && inherits) {
      fileSequenceNumber = inherited;
    }
    return new ManifestEntry(status, snapshotId, sequenceNumber, fileSequenceNumber,
        dataFile(file, filePath, partition));
  }

  private DataFile dataFile(org.apache.avro.generic.GenericRecord r, String filePath, GenericRecord partition) {
    Integer content = (Integer) fileFields.get(r, ManifestSchemas.CONTENT);
    String format = fileFields.required(r, ManifestSchemas.FILE_FORMAT, "file_format").toString();
    long recordCount = (Long) fileFields.required(r, ManifestSchemas.RECORD_COUNT, "record_count");
    long fileSize = (Long) fileFields.required(r, ManifestSchemas.FILE_SIZE, "file_size_in_bytes");
    Metrics metrics = new Metrics(recordCount,
        longMap(r, ManifestSchemas.COLUMN_SIZES),
        longMap(r, ManifestSchemas.VALUE_COUNTS),
        longMap(r, ManifestSchemas.NULL_VALUE_COUNTS),
        longMap(r, ManifestSchemas.NAN_VALUE_COUNTS),
        bytesMap(r, ManifestSchemas.LOWER_BOUNDS),
        bytesMap(r, ManifestSchemas.UPPER_BOUNDS));
    return new DataFile(content == null ? FileContent.DATA : FileContent.fromId(content), filePath, format,
        spec.specId(), partition, recordCount, fileSize, metrics,
        longList(fileFields.get(r, ManifestSchemas.SPLIT_OFFSETS)),
        intList(fileFields.get(r, ManifestSchemas.EQUALITY_IDS)),
        (Integer) fileFields.get(r, ManifestSchemas.SORT_ORDER_ID));
  }

  private GenericRecord partition(org.apache.avro.generic.GenericRecord r, String filePath) {
    org.apache.avro.generic.GenericRecord avro = (org.apache.avro.generic.GenericRecord)
        fileFields.required(r, ManifestSchemas.PARTITION, "partition");
    StructType type = spec.partitionType();
    GenericRecord partition = new GenericRecord(type);
    for (int i = 0; i < type.fields().size(); i++) {
      NestedField f = type.fields().get(i);
      try {
        partition.set(i, PartitionValues.fromAvro(f.type(), partitionFields.get(avro, f.id())));
      } catch (RuntimeException e) {
        throw new InvalidMetadataException(WHAT + " " + path + ": invalid value of partition field '" + f.name()
            + "' of file " + filePath + ": " + e.getMessage(), e);
      }
    }
    return partition;
  }

  /** Built immutable, so that {@link Metrics} keeps it without copying. */
  private Map<Integer, Long> longMap(org.apache.avro.generic.GenericRecord r, int fieldId) {
    List<Map.Entry<Integer, Long>> entries = new ArrayList<>();
    readMap(fileFields.get(r, fieldId), (k, v) -> entries.add(Map.entry(k, ((Number) v).longValue())));
    return immutable(entries);
  }

  /** Built immutable, so that {@link Metrics} keeps it without copying; the buffers are copied (Avro reuses them). */
  private Map<Integer, ByteBuffer> bytesMap(org.apache.avro.generic.GenericRecord r, int fieldId) {
    List<Map.Entry<Integer, ByteBuffer>> entries = new ArrayList<>();
    readMap(fileFields.get(r, fieldId), (k, v) -> entries.add(Map.entry(k, ByteBuffers.copy((ByteBuffer) v))));
    return immutable(entries);
  }

  @SuppressWarnings("unchecked")
  private static <V> Map<Integer, V> immutable(List<Map.Entry<Integer, V>> entries) {
    return entries.isEmpty() ? Map.of() : Map.ofEntries(entries.toArray(new Map.Entry[0]));
  }

  /** Reads an int-keyed map stored as an array of key/value records (or, from other writers, an Avro map). */
  private static void readMap(Object value, java.util.function.BiConsumer<Integer, Object> put) {
    if (value == null) {
      return;
    }
    if (value instanceof Map<?, ?> avroMap) {
      avroMap.forEach((k, v) -> put.accept(Integer.parseInt(k.toString()), v));
      return;
    }
    for (Object element : (Collection<?>) value) {
      org.apache.avro.generic.GenericRecord kv = (org.apache.avro.generic.GenericRecord) element;
      put.accept((Integer) kv.get("key"), kv.get("value"));
    }
  }

  private static List<Long> longList(Object value) {
    if (value == null) {
      return null;
    }
    List<Long> list = new ArrayList<>();
    for (Object o : (Collection<?>) value) {
      list.add(((Number) o).longValue());
    }
    return list;
  }

  private static List<Integer> intList(Object value) {
    if (value == null) {
      return null;
    }
    List<Integer> list = new ArrayList<>();
    for (Object o : (Collection<?>) value) {
      list.add(((Number) o).intValue());
    }
    return list;
  }
}
