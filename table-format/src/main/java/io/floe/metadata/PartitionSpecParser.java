package io.floe.metadata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.partition.Transform;
import io.floe.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Partition specs as JSON, as in the Iceberg spec: {@code {"spec-id":0,"fields":[{"name":"d","transform":"day",
 * "source-id":2,"field-id":1000}]}}. Manifests carry only the fields array ({@link #fieldsToJson}).
 */
public final class PartitionSpecParser {
  private PartitionSpecParser() {
  }

  public static String toJson(PartitionSpec spec) {
    return JsonIO.generate(gen -> toJson(spec, gen));
  }

  public static void toJson(PartitionSpec spec, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("spec-id", spec.specId());
    gen.writeFieldName("fields");
    writeFields(spec, gen);
    gen.writeEndObject();
  }

  /** Only the array of fields, as stored in a manifest's {@code partition-spec} key. */
  public static String fieldsToJson(PartitionSpec spec) {
    return JsonIO.generate(gen -> writeFields(spec, gen));
  }

  private static void writeFields(PartitionSpec spec, JsonGenerator gen) throws IOException {
    gen.writeStartArray();
    for (PartitionField f : spec.fields()) {
      gen.writeStartObject();
      gen.writeStringField("name", f.name());
      gen.writeStringField("transform", f.transform().toString());
      gen.writeNumberField("source-id", f.sourceId());
      gen.writeNumberField("field-id", f.fieldId());
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  public static PartitionSpec fromJson(Schema schema, String json) {
    return fromJson(schema, JsonIO.parse(json, "partition spec JSON"));
  }

  public static PartitionSpec fromJson(Schema schema, JsonNode node) {
    return unbound(node).bind(schema);
  }

  /** A spec from a fields array (a manifest's {@code partition-spec} key or v1 metadata's {@code partition-spec}). */
  public static PartitionSpec fromJsonFields(Schema schema, int specId, JsonNode fields) {
    return unboundFields(specId, fields).bind(schema);
  }

  static UnboundSpec unbound(JsonNode node) {
    JsonFields.object(node, "partition spec");
    int specId = JsonFields.requiredInt(node, "spec-id", "partition spec");
    return unboundFields(specId, JsonFields.required(node, "fields", "partition spec " + specId));
  }

  static UnboundSpec unboundFields(int specId, JsonNode fields) {
    String context = "partition spec " + specId;
    if (fields == null || !fields.isArray()) {
      throw new InvalidMetadataException("the fields of " + context + " must be an array but are " + fields);
    }
    List<UnboundField> result = new ArrayList<>();
    int position = 0;
    for (JsonNode f : fields) {
      JsonFields.object(f, "field of " + context);
      String name = JsonFields.requiredString(f, "name", "a field of " + context);
      String fieldContext = "field '" + name + "' of " + context;
      String transform = JsonFields.requiredString(f, "transform", fieldContext);
      int sourceId = JsonFields.requiredInt(f, "source-id", fieldContext);
      // v1 specs may omit field ids: they were assigned from 1000 in order
      Integer fieldId = JsonFields.optionalInt(f, "field-id", fieldContext);
      result.add(new UnboundField(name, transform, sourceId,
          fieldId == null ? PartitionSpec.FIRST_FIELD_ID + position : fieldId));
      position++;
    }
    return new UnboundSpec(specId, result);
  }

  /** A parsed spec not yet bound to a schema (the schema gives the source columns' types). */
  record UnboundSpec(int specId, List<UnboundField> fields) {
    /** Whether every source column of the spec is in this schema. */
    boolean fitsSchema(Schema schema) {
      return fields.stream().allMatch(f -> schema.findField(f.sourceId()) != null);
    }

    PartitionSpec bind(Schema schema) {
      String context = "partition spec " + specId;
      List<PartitionField> bound = new ArrayList<>();
      for (UnboundField f : fields) {
        Transform transform;
        try {
          transform = Transform.parse(f.transform());
        } catch (IllegalArgumentException e) {
          throw new InvalidMetadataException("unsupported transform '" + f.transform() + "' of field '" + f.name()
              + "' in " + context, e);
        }
        bound.add(new PartitionField(f.sourceId(), f.fieldId(), f.name(), transform));
      }
      try {
        return new PartitionSpec(specId, schema, bound);
      } catch (IllegalArgumentException e) {
        throw new InvalidMetadataException(context + " is invalid: " + e.getMessage(), e);
      }
    }
  }

  record UnboundField(String name, String transform, int sourceId, int fieldId) {
  }
}
