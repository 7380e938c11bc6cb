package io.floe.puffin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A blob as the footer of a Puffin file describes it: its type, the field ids it was computed for, the snapshot it
 * was computed from, where its (possibly compressed) bytes lie in the file, its codec ({@code null} when
 * uncompressed) and its properties.
 */
public record PuffinBlobMetadata(String type, List<Integer> fields, long snapshotId, long sequenceNumber, long offset,
                                 long length, String compressionCodec, Map<String, String> properties) {
  public PuffinBlobMetadata {
    if (type == null || type.isEmpty()) {
      throw new IllegalArgumentException("a Puffin blob needs a type");
    }
    fields = List.copyOf(fields);
    properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
