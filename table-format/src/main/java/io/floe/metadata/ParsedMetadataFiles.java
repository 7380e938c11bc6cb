package io.floe.metadata;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The table metadata last parsed from each metadata file, kept with the bytes it was parsed from: a file read again
 * with the same bytes (each statement planned loads the tables it names) is not parsed again, while a file whose
 * content differs (a table dropped and created again at the same location) is. {@link TableMetadata} is immutable,
 * so one parse serves every reader. Holds the most recently used files, up to {@code maxBytes} of their content.
 */
final class ParsedMetadataFiles {
  private record Parsed(byte[] bytes, TableMetadata metadata) {
  }

  private final long maxBytes;
  private final LinkedHashMap<String, Parsed> byLocation = new LinkedHashMap<>(16, 0.75f, true);
  private long bytesHeld;

  ParsedMetadataFiles(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The metadata of the file at {@code location} holding {@code bytes}: parsed earlier, or by {@code parse}. */
  TableMetadata get(String location, byte[] bytes, Supplier<TableMetadata> parse) {
    Parsed cached;
    synchronized (this) {
      cached = byLocation.get(location);
    }
    if (cached != null && Arrays.equals(cached.bytes(), bytes)) {
      return cached.metadata();
    }
    TableMetadata metadata = parse.get();
    if (bytes.length <= maxBytes / 4) {
      put(location, new Parsed(bytes, metadata));
    }
    return metadata;
  }

  private synchronized void put(String location, Parsed parsed) {
    Parsed replaced = byLocation.put(location, parsed);
    bytesHeld += parsed.bytes().length - (replaced == null ? 0 : replaced.bytes().length);
    Iterator<Parsed> eldestFirst = byLocation.values().iterator();
    while (bytesHeld > maxBytes && eldestFirst.hasNext()) {
      bytesHeld -= eldestFirst.next().bytes().length;
      eldestFirst.remove();
    }
  }
}
