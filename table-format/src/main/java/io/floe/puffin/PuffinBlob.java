package io.floe.puffin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A blob to write to a Puffin file: its type, the field ids it was computed for, the snapshot it was computed from,
 * its uncompressed bytes (not copied), how to compress them and its properties.
 */
public record PuffinBlob(String type, List<Integer> fields, long snapshotId, long sequenceNumber, byte[] data,
                         PuffinCodec codec, Map<String, String> properties) {
  public PuffinBlob {
    if (type == null || type.isEmpty()) {
      throw new IllegalArgumentException("a Puffin blob needs a type");
    }
    if (data == null) {
      throw new IllegalArgumentException("Puffin blob '" + type + "' has no data");
    }
    fields = List.copyOf(fields);
    codec = codec == null ? PuffinCodec.NONE : codec;
    properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
