package io.floe.metadata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sort orders as JSON, as in the Iceberg spec: {@code {"order-id":1,"fields":[{"transform":"identity",
 * "source-id":2,"direction":"asc","null-order":"nulls-first"}]}}.
 */
public final class SortOrderParser {
  private SortOrderParser() {
  }

  public static String toJson(SortOrder order) {
    return JsonIO.generate(gen -> toJson(order, gen));
  }

  public static void toJson(SortOrder order, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("order-id", order.orderId());
    gen.writeArrayFieldStart("fields");
    for (SortOrder.SortField f : order.fields()) {
      gen.writeStartObject();
      gen.writeStringField("transform", f.transform());
      gen.writeNumberField("source-id", f.sourceId());
      gen.writeStringField("direction", f.ascending() ? "asc" : "desc");
      gen.writeStringField("null-order", f.nullsFirst() ? "nulls-first" : "nulls-last");
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  public static SortOrder fromJson(String json) {
    return fromJson(JsonIO.parse(json, "sort order JSON"));
  }

  public static SortOrder fromJson(JsonNode node) {
    JsonFields.object(node, "sort order");
    int orderId = JsonFields.requiredInt(node, "order-id", "sort order");
    String context = "sort order " + orderId;
    List<SortOrder.SortField> fields = new ArrayList<>();
    for (JsonNode f : JsonFields.requiredArray(node, "fields", context)) {
      JsonFields.object(f, "field of " + context);
      String transform = JsonFields.requiredString(f, "transform", "a field of " + context);
      int sourceId = JsonFields.requiredInt(f, "source-id", "a field of " + context);
      String fieldContext = "field on source column " + sourceId + " of " + context;
      String direction = JsonFields.requiredString(f, "direction", fieldContext);
      String nullOrder = JsonFields.requiredString(f, "null-order", fieldContext);
      boolean ascending = switch (direction) {
        case "asc" -> true;
        case "desc" -> false;
        default -> throw new InvalidMetadataException("unknown direction '" + direction + "' in " + fieldContext);
      };
      boolean nullsFirst = switch (nullOrder) {
        case "nulls-first" -> true;
        case "nulls-last" -> false;
        default -> throw new InvalidMetadataException("unknown null-order '" + nullOrder + "' in " + fieldContext);
      };
      fields.add(new SortOrder.SortField(transform, sourceId, ascending, nullsFirst));
    }
    return new SortOrder(orderId, fields);
  }
}
