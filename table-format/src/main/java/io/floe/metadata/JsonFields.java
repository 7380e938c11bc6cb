package io.floe.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to the fields of metadata JSON objects; problems become {@link InvalidMetadataException}s. */
public final class JsonFields {
  private JsonFields() {
  }

  public static JsonNode required(JsonNode node, String field, String context) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidMetadataException("missing required field '" + field + "' in " + context);
    }
    return value;
  }

  public static JsonNode object(JsonNode node, String context) {
    if (node == null || !node.isObject()) {
      throw new InvalidMetadataException(context + " must be a JSON object but is " + node);
    }
    return node;
  }

  public static JsonNode requiredArray(JsonNode node, String field, String context) {
    JsonNode value = required(node, field, context);
    if (!value.isArray()) {
      throw new InvalidMetadataException("field '" + field + "' in " + context + " must be an array but is " + value);
    }
    return value;
  }

  public static int requiredInt(JsonNode node, String field, String context) {
    return asInt(required(node, field, context), field, context);
  }

  public static long requiredLong(JsonNode node, String field, String context) {
    return asLong(required(node, field, context), field, context);
  }

  public static String requiredString(JsonNode node, String field, String context) {
    return asString(required(node, field, context), field, context);
  }

  public static boolean requiredBoolean(JsonNode node, String field, String context) {
    JsonNode value = required(node, field, context);
    if (!value.isBoolean()) {
      throw new InvalidMetadataException("field '" + field + "' in " + context + " must be a boolean but is " + value);
    }
    return value.booleanValue();
  }

  public static Integer optionalInt(JsonNode node, String field, String context) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : asInt(value, field, context);
  }

  public static Long optionalLong(JsonNode node, String field, String context) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : asLong(value, field, context);
  }

  public static String optionalString(JsonNode node, String field, String context) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : asString(value, field, context);
  }

  /** A JSON object of strings as a map; empty when the field is absent. */
  public static Map<String, String> stringMap(JsonNode node, String field, String context) {
    Map<String, String> map = new LinkedHashMap<>();
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return map;
    }
    if (!value.isObject()) {
      throw new InvalidMetadataException("field '" + field + "' in " + context + " must be an object but is " + value);
    }
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new InvalidMetadataException("entry '" + e.getKey() + "' of '" + field + "' in " + context
            + " must be a string but is " + e.getValue());
      }
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }

  /** An array of ints; empty when the field is absent. */
  public static List<Integer> intList(JsonNode node, String field, String context) {
    List<Integer> list = new ArrayList<>();
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return list;
    }
    if (!value.isArray()) {
      throw new InvalidMetadataException("field '" + field + "' in " + context + " must be an array but is " + value);
    }
    for (JsonNode element : value) {
      list.add(asInt(element, field, context));
    }
    return list;
  }

  private static int asInt(JsonNode value, String field, String context) {
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new InvalidMetadataException("field '" + field + "' in " + context + " must be an int but is " + value);
    }
    return value.intValue();
  }

  private static long asLong(JsonNode value, String field, String context) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InvalidMetadataException("field '" + field + "' in " + context + " must be a long but is " + value);
    }
    return value.longValue();
  }

  private static String asString(JsonNode value, String field, String context) {
    if (!value.isTextual()) {
      throw new InvalidMetadataException("field '" + field + "' in " + context + " must be a string but is " + value);
    }
    return value.textValue();
  }
}
