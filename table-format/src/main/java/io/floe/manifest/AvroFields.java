package io.floe.manifest;

import io.floe.metadata.InvalidMetadataException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The fields of one Avro record schema of a metadata file, found by their Iceberg {@code field-id}. A field without
 * a field id is matched by its spec name (older writers); fields the file lacks read as null.
 */
final class AvroFields {
  static final String FIELD_ID = "field-id";

  private final String file;
  private final String recordName;
  private final Map<Integer, Schema.Field> byId = new HashMap<>();

  private AvroFields(Schema record, Map<String, Integer> idsBySpecName, String file) {
    this.file = file;
    this.recordName = record.getName();
    for (Schema.Field f : record.getFields()) {
      Integer id = fieldId(f);
      if (id == null) {
        id = idsBySpecName.get(f.name());
      }
      if (id != null) {
        byId.putIfAbsent(id, f);
      }
    }
  }

  /** Indexes a record schema; {@code file} names the file in error messages. */
  static AvroFields of(Schema record, Map<String, Integer> idsBySpecName, String file) {
    if (record.getType() != Schema.Type.RECORD) {
      throw new InvalidMetadataException(file + ": expected an Avro record but found " + record);
    }
    return new AvroFields(record, idsBySpecName, file);
  }

  static Integer fieldId(Schema.Field field) {
    Object id = field.getObjectProp(FIELD_ID);
    if (id instanceof Number n) {
      return n.intValue();
    }
    if (id instanceof String s) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  boolean has(int id) {
    return byId.containsKey(id);
  }

  /** The schema of a field without its null branch, or null when the file lacks the field. */
  Schema schema(int id) {
    Schema.Field f = byId.get(id);
    return f == null ? null : nonNull(f.schema());
  }

  /** The field's value, or null when the value is null or the file lacks the field. */
  Object get(GenericRecord record, int id) {
    Schema.Field f = byId.get(id);
    return f == null ? null : record.get(f.pos());
  }

  /** The field's value; {@link InvalidMetadataException} naming the file and field when it is missing or null. */
  Object required(GenericRecord record, int id, String name) {
    Object value = get(record, id);
    if (value == null) {
      throw new InvalidMetadataException(file + ": required field '" + name + "' (field id " + id + ") of "
          + recordName + " is " + (has(id) ? "null" : "missing"));
    }
    return value;
  }

  static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return branch;
      }
    }
    return schema;
  }
}
