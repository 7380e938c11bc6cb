package io.floe.puffin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.floe.metadata.JsonFields;
import io.floe.metadata.JsonIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code FileMetadata} of a Puffin file's footer: its blobs and the file's properties (such as
 * {@code created-by}).
 *
 * <p>The footer is {@code Magic FooterPayload FooterPayloadSize Flags Magic}: the payload is this object as UTF-8
 * JSON, its size a 4-byte little-endian int, the flags 4 bytes whose lowest bit marks an LZ4-compressed payload.
 */
public record PuffinFooter(List<PuffinBlobMetadata> blobs, Map<String, String> properties) {
  /** The four bytes at the start and end of a Puffin file and at the start of its footer: {@code PFA1}. */
  static final byte[] MAGIC = {0x50, 0x46, 0x41, 0x31};
  /** Payload size, flags and the closing magic. */
  static final int TAIL_LENGTH = 12;
  /** Bit 0 of flag byte 0: the payload is LZ4-compressed. */
  static final int FLAG_COMPRESSED_PAYLOAD = 0x1;
  /** The file property naming the writer, which the spec recommends. */
  public static final String CREATED_BY = "created-by";

  public PuffinFooter {
    blobs = List.copyOf(blobs);
    properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The footer's payload: UTF-8 JSON; optional members ({@code compression-codec}, empty properties) left out. */
  byte[] toJsonBytes() {
    return JsonIO.generate(gen -> {
      gen.writeStartObject();
      gen.writeArrayFieldStart("blobs");
      for (PuffinBlobMetadata blob : blobs) {
        writeBlob(gen, blob);
      }
      gen.writeEndArray();
      JsonIO.writeStringMap(gen, "properties", properties);
      gen.writeEndObject();
    }).getBytes(StandardCharsets.UTF_8);
  }

  private static void writeBlob(JsonGenerator gen, PuffinBlobMetadata blob) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("type", blob.type());
    JsonIO.writeIntArray(gen, "fields", blob.fields());
    gen.writeNumberField("snapshot-id", blob.snapshotId());
    gen.writeNumberField("sequence-number", blob.sequenceNumber());
    gen.writeNumberField("offset", blob.offset());
    gen.writeNumberField("length", blob.length());
    if (blob.compressionCodec() != null) {
      gen.writeStringField("compression-codec", blob.compressionCodec());
    }
    JsonIO.writeStringMap(gen, "properties", blob.properties());
    gen.writeEndObject();
  }

  /** Parses a footer payload; {@code file} (e.g. "Puffin file s3://...") names it in errors. */
  static PuffinFooter parse(String json, String file) {
    String context = "the footer of " + file;
    JsonNode root = JsonFields.object(JsonIO.parse(json, context), context);
    List<PuffinBlobMetadata> blobs = new ArrayList<>();
    for (JsonNode blob : JsonFields.requiredArray(root, "blobs", context)) {
      String blobContext = "blob " + blobs.size() + " in " + context;
      JsonFields.object(blob, blobContext);
      JsonFields.requiredArray(blob, "fields", blobContext);
      blobs.add(new PuffinBlobMetadata(
          JsonFields.requiredString(blob, "type", blobContext),
          JsonFields.intList(blob, "fields", blobContext),
          JsonFields.requiredLong(blob, "snapshot-id", blobContext),
          JsonFields.requiredLong(blob, "sequence-number", blobContext),
          JsonFields.requiredLong(blob, "offset", blobContext),
          JsonFields.requiredLong(blob, "length", blobContext),
          JsonFields.optionalString(blob, "compression-codec", blobContext),
          JsonFields.stringMap(blob, "properties", blobContext)));
    }
    return new PuffinFooter(blobs, JsonFields.stringMap(root, "properties", context));
  }
}
