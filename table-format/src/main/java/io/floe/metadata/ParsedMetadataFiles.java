package io.floe.metadata;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The table metadata last parsed from each metadata file, kept with the bytes it was parsed from: a file read again
 * with the same bytes (each statement planned loads the tables it names) is not parsed again, while a file whose
 * content differs (a table dropped and created again at the same location) is. {@link TableMetadata} is immutable,
 * so one parse serves every reader. Holds the most recently used files, and none larger than {@link #MAX_FILE_BYTES}.
 */
final class ParsedMetadataFiles {
  static final int MAX_FILE_BYTES = 1 << 20;

  private record Parsed(byte[] bytes, TableMetadata metadata) {
  }

  private final Map<String, Parsed> byLocation;

  ParsedMetadataFiles(int maxFiles) {
    this.byLocation = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
        return size() > maxFiles;
      }
    };
  }

  /** The metadata of the file at {@code location} holding {@code bytes}: parsed earlier, or by {@code parse}. */
  TableMetadata get(String location, byte[] bytes, Supplier<TableMetadata> parse) {
    Parsed cached;
    synchronized (byLocation) {
      cached = byLocation.get(location);
    }
    if (cached != null && Arrays.equals(cached.bytes(), bytes)) {
      return cached.metadata();
    }
    TableMetadata metadata = parse.get();
    if (bytes.length <= MAX_FILE_BYTES) {
      synchronized (byLocation) {
        byLocation.put(location, new Parsed(bytes, metadata));
      }
    }
    return metadata;
  }
}
