package io.floe.metadata;

import io.floe.cache.LruByteCache;
import java.util.Arrays;
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

  private final LruByteCache<String, Parsed> byLocation;

  ParsedMetadataFiles(long maxBytes) {
    this.byLocation = new LruByteCache<>(maxBytes);
  }

  /** The metadata of the file at {@code location} holding {@code bytes}: parsed earlier, or by {@code parse}. */
  TableMetadata get(String location, byte[] bytes, Supplier<TableMetadata> parse) {
    Parsed cached = byLocation.get(location);
    if (cached != null && Arrays.equals(cached.bytes(), bytes)) {
      return cached.metadata();
    }
    TableMetadata metadata = parse.get();
    if (bytes.length <= byLocation.maxBytes() / 4) {
      byLocation.put(location, new Parsed(bytes, metadata), bytes.length);
    }
    return metadata;
  }
}
