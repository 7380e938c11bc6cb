package io.floe.metadata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.io.UncheckedIOException;

/** Parsing JSON text to trees and producing compact JSON text, shared by the metadata and Puffin footer parsers. */
public final class JsonIO {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonIO() {
  }

  /** Something that writes JSON to a generator. */
  @FunctionalInterface
  public interface JsonWriter {
    void write(JsonGenerator generator) throws IOException;
  }

  public static String generate(JsonWriter writer) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      writer.write(generator);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot produce JSON", e);
    }
    return out.toString();
  }

  /** Writes {@code values} as an array field named {@code field}. */
  public static void writeIntArray(JsonGenerator gen, String field, List<Integer> values) throws IOException {
    gen.writeArrayFieldStart(field);
    for (int value : values) {
      gen.writeNumber(value);
    }
    gen.writeEndArray();
  }

  /** Writes {@code map} as an object field named {@code field} of strings, keys sorted; nothing when it is empty. */
  public static void writeStringMap(JsonGenerator gen, String field, Map<String, String> map) throws IOException {
    if (map.isEmpty()) {
      return;
    }
    gen.writeObjectFieldStart(field);
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      gen.writeStringField(e.getKey(), e.getValue());
    }
    gen.writeEndObject();
  }

  /** Parses JSON text; {@code what} names the content in error messages. */
  public static JsonNode parse(String json, String what) {
    if (json == null || json.isBlank()) {
      throw new InvalidMetadataException(what + " is empty");
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new InvalidMetadataException(what + " is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidMetadataException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
