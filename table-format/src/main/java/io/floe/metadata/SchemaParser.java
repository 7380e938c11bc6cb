package io.floe.metadata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Schemas and types as JSON, exactly as in the Iceberg spec (Appendix C): a schema is
 * {@code {"type":"struct","schema-id":0,"identifier-field-ids":[1],"fields":[{"id":1,"name":"x","required":true,
 * "type":"long","doc":"..."}]}}, a list {@code {"type":"list","element-id":..,"element":..,"element-required":..}},
 * a map {@code {"type":"map","key-id":..,"key":..,"value-id":..,"value":..,"value-required":..}} and a primitive
 * its name ({@code "decimal(9,2)"}, {@code "fixed[16]"}).
 */
public final class SchemaParser {
  private SchemaParser() {
  }

  public static String toJson(Schema schema) {
    return JsonIO.generate(gen -> toJson(schema, gen));
  }

  public static void toJson(Schema schema, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("type", "struct");
    gen.writeNumberField("schema-id", schema.schemaId());
    if (!schema.identifierFieldIds().isEmpty()) {
      gen.writeArrayFieldStart("identifier-field-ids");
      for (int id : new TreeSet<>(schema.identifierFieldIds())) {
        gen.writeNumber(id);
      }
      gen.writeEndArray();
    }
    writeFields(schema.columns(), gen);
    gen.writeEndObject();
  }

  /** Writes any type: a primitive as its name, a nested type as an object. */
  public static void toJson(Type type, JsonGenerator gen) throws IOException {
    if (type instanceof PrimitiveType p) {
      gen.writeString(p.toString());
    } else if (type instanceof StructType s) {
      gen.writeStartObject();
      gen.writeStringField("type", "struct");
      writeFields(s.fields(), gen);
      gen.writeEndObject();
    } else if (type instanceof ListType l) {
      gen.writeStartObject();
      gen.writeStringField("type", "list");
      gen.writeNumberField("element-id", l.elementId());
      gen.writeFieldName("element");
      toJson(l.elementType(), gen);
      gen.writeBooleanField("element-required", l.elementRequired());
      gen.writeEndObject();
    } else if (type instanceof MapType m) {
      gen.writeStartObject();
      gen.writeStringField("type", "map");
      gen.writeNumberField("key-id", m.keyId());
      gen.writeFieldName("key");
      toJson(m.keyType(), gen);
      gen.writeNumberField("value-id", m.valueId());
      gen.writeFieldName("value");
      toJson(m.valueType(), gen);
      gen.writeBooleanField("value-required", m.valueRequired());
      gen.writeEndObject();
    } else {
      throw new UnsupportedOperationException("not supported: JSON for type " + type);
    }
  }

  private static void writeFields(List<NestedField> fields, JsonGenerator gen) throws IOException {
    gen.writeArrayFieldStart("fields");
    for (NestedField f : fields) {
      gen.writeStartObject();
      gen.writeNumberField("id", f.id());
      gen.writeStringField("name", f.name());
      gen.writeBooleanField("required", f.required());
      gen.writeFieldName("type");
      toJson(f.type(), gen);
      if (f.doc() != null) {
        gen.writeStringField("doc", f.doc());
      }
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  /** Parses a schema; {@link InvalidMetadataException} for invalid JSON or a schema that breaks the spec. */
  public static Schema fromJson(String json) {
    return fromJson(JsonIO.parse(json, "schema JSON"));
  }

  /** Parses a schema object; a missing {@code schema-id} (v1 metadata) gives id 0. */
  public static Schema fromJson(JsonNode node) {
    JsonFields.object(node, "schema");
    Integer schemaId = JsonFields.optionalInt(node, "schema-id", "schema");
    String context = "schema " + (schemaId == null ? 0 : schemaId);
    Type type = typeFromJson(node, context);
    if (!(type instanceof StructType struct)) {
      throw new InvalidMetadataException(context + " must be a struct but is " + type);
    }
    Set<Integer> identifierIds = Set.copyOf(JsonFields.intList(node, "identifier-field-ids", context));
    try {
      return new Schema(schemaId == null ? 0 : schemaId, struct.fields(), identifierIds);
    } catch (IllegalArgumentException e) {
      throw new InvalidMetadataException(context + " is invalid: " + e.getMessage(), e);
    }
  }

  /** Parses any type: a primitive name or a struct, list or map object. */
  public static Type typeFromJson(JsonNode node) {
    return typeFromJson(node, "type");
  }

  private static Type typeFromJson(JsonNode node, String context) {
    if (node == null || node.isNull()) {
      throw new InvalidMetadataException("missing type in " + context);
    }
    if (node.isTextual()) {
      try {
        return PrimitiveType.parse(node.textValue());
      } catch (IllegalArgumentException e) {
        throw new InvalidMetadataException("unsupported type '" + node.textValue() + "' in " + context, e);
      }
    }
    JsonFields.object(node, "type in " + context);
    String kind = JsonFields.requiredString(node, "type", context);
    try {
      return switch (kind) {
        case "struct" -> structFromJson(node, context);
        case "list" -> new ListType(
            JsonFields.requiredInt(node, "element-id", context),
            typeFromJson(JsonFields.required(node, "element", context), context + ".element"),
            JsonFields.requiredBoolean(node, "element-required", context));
        case "map" -> new MapType(
            JsonFields.requiredInt(node, "key-id", context),
            typeFromJson(JsonFields.required(node, "key", context), context + ".key"),
            JsonFields.requiredInt(node, "value-id", context),
            typeFromJson(JsonFields.required(node, "value", context), context + ".value"),
            JsonFields.requiredBoolean(node, "value-required", context));
        default -> throw new InvalidMetadataException("unsupported type '" + kind + "' in " + context);
      };
    } catch (IllegalArgumentException e) {
      throw new InvalidMetadataException("invalid type in " + context + ": " + e.getMessage(), e);
    }
  }

  private static StructType structFromJson(JsonNode node, String context) {
    List<NestedField> fields = new ArrayList<>();
    for (JsonNode f : JsonFields.requiredArray(node, "fields", context)) {
      JsonFields.object(f, "field in " + context);
      int id = JsonFields.requiredInt(f, "id", "a field of " + context);
      String fieldContext = "field " + id + " of " + context;
      String name = JsonFields.requiredString(f, "name", fieldContext);
      fieldContext = "field '" + name + "' (id " + id + ") of " + context;
      boolean required = JsonFields.requiredBoolean(f, "required", fieldContext);
      Type type = typeFromJson(JsonFields.required(f, "type", fieldContext), fieldContext);
      String doc = JsonFields.optionalString(f, "doc", fieldContext);
      fields.add(new NestedField(id, name, type, required, doc));
    }
    return new StructType(fields);
  }
}
