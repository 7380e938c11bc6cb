package io.floe.manifest;

import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.StructType;
import io.floe.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The Avro schemas of v2 manifests ({@code manifest_entry}) and manifest lists ({@code manifest_file}), with the
 * field ids, record names, nullable unions and docs that Iceberg writes.
 */
final class ManifestSchemas {
  // manifest_entry
  static final int STATUS = 0;
  static final int SNAPSHOT_ID = 1;
  static final int SEQUENCE_NUMBER = 3;
  static final int FILE_SEQUENCE_NUMBER = 4;
  static final int DATA_FILE = 2;
  // data_file
  static final int CONTENT = 134;
  static final int FILE_PATH = 100;
  static final int FILE_FORMAT = 101;
  static final int PARTITION = 102;
  static final int RECORD_COUNT = 103;
  static final int FILE_SIZE = 104;
  static final int COLUMN_SIZES = 108;
  static final int VALUE_COUNTS = 109;
  static final int NULL_VALUE_COUNTS = 110;
  static final int NAN_VALUE_COUNTS = 137;
  static final int LOWER_BOUNDS = 125;
  static final int UPPER_BOUNDS = 128;
  static final int KEY_METADATA = 131;
  static final int SPLIT_OFFSETS = 132;
  static final int EQUALITY_IDS = 135;
  static final int SORT_ORDER_ID = 140;
  static final int REFERENCED_DATA_FILE = 143;
  // manifest_file
  static final int MANIFEST_PATH = 500;
  static final int MANIFEST_LENGTH = 501;
  static final int PARTITION_SPEC_ID = 502;
  static final int MANIFEST_CONTENT = 517;
  static final int MANIFEST_SEQUENCE_NUMBER = 515;
  static final int MIN_SEQUENCE_NUMBER = 516;
  static final int ADDED_SNAPSHOT_ID = 503;
  static final int ADDED_FILES_COUNT = 504;
  static final int EXISTING_FILES_COUNT = 505;
  static final int DELETED_FILES_COUNT = 506;
  static final int ADDED_ROWS_COUNT = 512;
  static final int EXISTING_ROWS_COUNT = 513;
  static final int DELETED_ROWS_COUNT = 514;
  static final int PARTITIONS = 507;
  static final int MANIFEST_KEY_METADATA = 519;
  // field_summary
  static final int CONTAINS_NULL = 509;
  static final int CONTAINS_NAN = 518;
  static final int LOWER_BOUND = 510;
  static final int UPPER_BOUND = 511;

  /** Field ids by spec name, for files whose Avro fields lack {@code field-id}. */
  static final Map<String, Integer> ENTRY_IDS = Map.of("status", STATUS, "snapshot_id", SNAPSHOT_ID,
      "sequence_number", SEQUENCE_NUMBER, "file_sequence_number", FILE_SEQUENCE_NUMBER, "data_file", DATA_FILE);
  static final Map<String, Integer> DATA_FILE_IDS = Map.ofEntries(Map.entry("content", CONTENT),
      Map.entry("file_path", FILE_PATH), Map.entry("file_format", FILE_FORMAT), Map.entry("partition", PARTITION),
      Map.entry("record_count", RECORD_COUNT), Map.entry("file_size_in_bytes", FILE_SIZE),
      Map.entry("column_sizes", COLUMN_SIZES), Map.entry("value_counts", VALUE_COUNTS),
      Map.entry("null_value_counts", NULL_VALUE_COUNTS), Map.entry("nan_value_counts", NAN_VALUE_COUNTS),
      Map.entry("lower_bounds", LOWER_BOUNDS), Map.entry("upper_bounds", UPPER_BOUNDS),
      Map.entry("key_metadata", KEY_METADATA), Map.entry("split_offsets", SPLIT_OFFSETS),
      Map.entry("equality_ids", EQUALITY_IDS), Map.entry("sort_order_id", SORT_ORDER_ID),
      Map.entry("referenced_data_file", REFERENCED_DATA_FILE));
  static final Map<String, Integer> MANIFEST_FILE_IDS = Map.ofEntries(Map.entry("manifest_path", MANIFEST_PATH),
      Map.entry("manifest_length", MANIFEST_LENGTH), Map.entry("partition_spec_id", PARTITION_SPEC_ID),
      Map.entry("content", MANIFEST_CONTENT), Map.entry("sequence_number", MANIFEST_SEQUENCE_NUMBER),
      Map.entry("min_sequence_number", MIN_SEQUENCE_NUMBER), Map.entry("added_snapshot_id", ADDED_SNAPSHOT_ID),
      Map.entry("added_files_count", ADDED_FILES_COUNT), Map.entry("existing_files_count", EXISTING_FILES_COUNT),
      Map.entry("deleted_files_count", DELETED_FILES_COUNT), Map.entry("added_rows_count", ADDED_ROWS_COUNT),
      Map.entry("existing_rows_count", EXISTING_ROWS_COUNT), Map.entry("deleted_rows_count", DELETED_ROWS_COUNT),
      Map.entry("partitions", PARTITIONS), Map.entry("key_metadata", MANIFEST_KEY_METADATA));
  static final Map<String, Integer> FIELD_SUMMARY_IDS = Map.of("contains_null", CONTAINS_NULL,
      "contains_nan", CONTAINS_NAN, "lower_bound", LOWER_BOUND, "upper_bound", UPPER_BOUND);

  static final Schema MANIFEST_FILE = manifestFileSchema();

  private ManifestSchemas() {
  }

  /** The {@code manifest_entry} schema for manifests of a spec with this partition type. */
  static Schema manifestEntry(StructType partitionType) {
    Schema longType = Schema.create(Schema.Type.LONG);
    Schema intType = Schema.create(Schema.Type.INT);
    Schema bytes = Schema.create(Schema.Type.BYTES);
    List<Schema.Field> dataFile = List.of(
        required("content", CONTENT, intType, "Contents of the file: 0=data, 1=position deletes, 2=equality deletes"),
        required("file_path", FILE_PATH, Schema.create(Schema.Type.STRING), "Location URI with FS scheme"),
        required("file_format", FILE_FORMAT, Schema.create(Schema.Type.STRING), "File format name: avro, orc, or parquet"),
        required("partition", PARTITION, partitionRecord(partitionType), "Partition data tuple, schema based on the partition spec"),
        required("record_count", RECORD_COUNT, longType, "Number of records in the file"),
        required("file_size_in_bytes", FILE_SIZE, longType, "Total file size in bytes"),
        optional("column_sizes", COLUMN_SIZES, intMap(117, 118, longType), "Map of column id to total size on disk"),
        optional("value_counts", VALUE_COUNTS, intMap(119, 120, longType), "Map of column id to total count, including null and NaN"),
        optional("null_value_counts", NULL_VALUE_COUNTS, intMap(121, 122, longType), "Map of column id to null value count"),
        optional("nan_value_counts", NAN_VALUE_COUNTS, intMap(138, 139, longType), "Map of column id to number of NaN values in the column"),
        optional("lower_bounds", LOWER_BOUNDS, intMap(126, 127, bytes), "Map of column id to lower bound"),
        optional("upper_bounds", UPPER_BOUNDS, intMap(129, 130, bytes), "Map of column id to upper bound"),
        optional("key_metadata", KEY_METADATA, bytes, "Encryption key metadata blob"),
        optional("split_offsets", SPLIT_OFFSETS, list(133, longType), "Splittable offsets"),
        optional("equality_ids", EQUALITY_IDS, list(136, intType), "Equality comparison field IDs"),
        optional("sort_order_id", SORT_ORDER_ID, intType, "Sort order ID"),
        optional("referenced_data_file", REFERENCED_DATA_FILE, Schema.create(Schema.Type.STRING),
            "Fully qualified location (URI with FS scheme) of a data file that all deletes reference"));
    return Schema.createRecord("manifest_entry", null, null, false, List.of(
        required("status", STATUS, intType, null),
        optional("snapshot_id", SNAPSHOT_ID, longType, null),
        optional("sequence_number", SEQUENCE_NUMBER, longType, null),
        optional("file_sequence_number", FILE_SEQUENCE_NUMBER, longType, null),
        required("data_file", DATA_FILE, Schema.createRecord("r2", null, null, false, dataFile), null)));
  }

  private static Schema manifestFileSchema() {
    Schema longType = Schema.create(Schema.Type.LONG);
    Schema intType = Schema.create(Schema.Type.INT);
    Schema bytes = Schema.create(Schema.Type.BYTES);
    Schema summary = Schema.createRecord("r508", null, null, false, List.of(
        required("contains_null", CONTAINS_NULL, Schema.create(Schema.Type.BOOLEAN), "True if any file has a null partition value"),
        optional("contains_nan", CONTAINS_NAN, Schema.create(Schema.Type.BOOLEAN), "True if any file has a nan partition value"),
        optional("lower_bound", LOWER_BOUND, bytes, "Partition lower bound for all files"),
        optional("upper_bound", UPPER_BOUND, bytes, "Partition upper bound for all files")));
    return Schema.createRecord("manifest_file", null, null, false, List.of(
        required("manifest_path", MANIFEST_PATH, Schema.create(Schema.Type.STRING), "Location URI with FS scheme"),
        required("manifest_length", MANIFEST_LENGTH, longType, "Total file size in bytes"),
        required("partition_spec_id", PARTITION_SPEC_ID, intType, "Spec ID used to write"),
        required("content", MANIFEST_CONTENT, intType, "Contents of the manifest: 0=data, 1=deletes"),
        required("sequence_number", MANIFEST_SEQUENCE_NUMBER, longType, "Sequence number when the manifest was added"),
        required("min_sequence_number", MIN_SEQUENCE_NUMBER, longType, "Lowest sequence number in the manifest"),
        required("added_snapshot_id", ADDED_SNAPSHOT_ID, longType, "Snapshot ID that added the manifest"),
        required("added_files_count", ADDED_FILES_COUNT, intType, "Added entry count"),
        required("existing_files_count", EXISTING_FILES_COUNT, intType, "Existing entry count"),
        required("deleted_files_count", DELETED_FILES_COUNT, intType, "Deleted entry count"),
        required("added_rows_count", ADDED_ROWS_COUNT, longType, "Added rows count"),
        required("existing_rows_count", EXISTING_ROWS_COUNT, longType, "Existing rows count"),
        required("deleted_rows_count", DELETED_ROWS_COUNT, longType, "Deleted rows count"),
        optional("partitions", PARTITIONS, list(508, summary), "Summary for each partition"),
        optional("key_metadata", MANIFEST_KEY_METADATA, bytes, "Encryption key metadata blob")));
  }

  /** The {@code r102} record of partition values: one nullable field per partition field, with its field id. */
  static Schema partitionRecord(StructType partitionType) {
    Map<String, Schema> namedTypes = new HashMap<>();
    List<Schema.Field> fields = new ArrayList<>();
    for (NestedField f : partitionType.fields()) {
      Schema.Field field = optional(avroName(f.name()), f.id(), partitionValueType(f.type(), namedTypes), null);
      if (!field.name().equals(f.name())) {
        field.addProp("iceberg-field-name", f.name());
      }
      fields.add(field);
    }
    return Schema.createRecord("r102", null, null, false, fields);
  }

  /** The Avro type of a partition value, with Iceberg's logical types; named fixed types are shared by name. */
  static Schema partitionValueType(Type type, Map<String, Schema> namedTypes) {
    if (!(type instanceof PrimitiveType p)) {
      throw new UnsupportedOperationException("not supported: partition values of nested type " + type);
    }
    switch (p.typeId()) {
      case BOOLEAN:
        return Schema.create(Schema.Type.BOOLEAN);
      case INT:
        return Schema.create(Schema.Type.INT);
      case LONG:
        return Schema.create(Schema.Type.LONG);
      case FLOAT:
        return Schema.create(Schema.Type.FLOAT);
      case DOUBLE:
        return Schema.create(Schema.Type.DOUBLE);
      case DATE:
        return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIME:
        return LogicalTypes.timeMicros().addToSchema(Schema.create(Schema.Type.LONG));
      case TIMESTAMP:
      case TIMESTAMPTZ: {
        Schema ts = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
        ts.addProp("adjust-to-utc", p.typeId() == io.floe.types.TypeId.TIMESTAMPTZ);
        return ts;
      }
      case STRING:
        return Schema.create(Schema.Type.STRING);
      case BINARY:
        return Schema.create(Schema.Type.BYTES);
      case UUID:
        return namedTypes.computeIfAbsent("uuid_fixed",
            n -> LogicalTypes.uuid().addToSchema(Schema.createFixed(n, null, null, 16)));
      case FIXED:
        return namedTypes.computeIfAbsent("fixed_" + p.length(), n -> Schema.createFixed(n, null, null, p.length()));
      case DECIMAL:
        return namedTypes.computeIfAbsent("decimal_" + p.precision() + "_" + p.scale(),
            n -> LogicalTypes.decimal(p.precision(), p.scale())
                .addToSchema(Schema.createFixed(n, null, null, decimalSize(p.precision()))));
      default:
        throw new UnsupportedOperationException("not supported: partition values of type " + type);
    }
  }

  /** The fewest bytes whose two's complement holds every unscaled value of this precision. */
  static int decimalSize(int precision) {
    java.math.BigInteger max = java.math.BigInteger.TEN.pow(precision).subtract(java.math.BigInteger.ONE);
    return max.bitLength() / 8 + 1;
  }

  /**
   * A valid Avro name for a field name, as Iceberg makes it: a leading digit gets a {@code _} prefix, any other
   * character outside {@code [A-Za-z0-9_]} becomes {@code _x} and its upper-case hex code.
   */
  static String avroName(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean digit = c >= '0' && c <= '9';
      if (letter || (digit && i > 0)) {
        out.append(c);
      } else if (digit) {
        out.append('_').append(c);
      } else {
        out.append("_x").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT));
      }
    }
    return out.toString();
  }

  private static Schema.Field required(String name, int id, Schema type, String doc) {
    Schema.Field f = new Schema.Field(name, type, doc, (Object) null);
    f.addProp(AvroFields.FIELD_ID, id);
    return f;
  }

  private static Schema.Field optional(String name, int id, Schema type, String doc) {
    Schema union = Schema.createUnion(Schema.create(Schema.Type.NULL), type);
    Schema.Field f = new Schema.Field(name, union, doc, JsonProperties.NULL_VALUE);
    f.addProp(AvroFields.FIELD_ID, id);
    return f;
  }

  /** An int-keyed map as Iceberg stores it: an array of key/value records, marked {@code "logicalType":"map"}. */
  private static Schema intMap(int keyId, int valueId, Schema valueType) {
    Schema entry = Schema.createRecord("k" + keyId + "_v" + valueId, null, null, false, List.of(
        required("key", keyId, Schema.create(Schema.Type.INT), null),
        required("value", valueId, valueType, null)));
    Schema array = Schema.createArray(entry);
    array.addProp("logicalType", "map");
    return array;
  }

  private static Schema list(int elementId, Schema element) {
    Schema array = Schema.createArray(element);
    array.addProp("element-id", elementId);
    return array;
  }
}
