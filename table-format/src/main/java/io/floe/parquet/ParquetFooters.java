package io.floe.parquet;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The parsed footers of the Parquet files read last, shared by every reader of the process, so a file read again (by
 * the next query, or by another task of a parallel scan) is opened without reading and decoding its footer: one
 * request less on object storage. Table data files are immutable (Iceberg's files are written once, under unique
 * names); a footer is kept by location and length, so a file rewritten in place with another length is read again.
 * At most {@value #CAPACITY} footers, the least recently used dropped first.
 */
final class ParquetFooters {
  static final int CAPACITY = 512;

  /** A file as the cache knows it. */
  record Key(String location, long length) {
  }

  private static final Map<Key, ParquetMetadata> FOOTERS = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, ParquetMetadata> eldest) {
      return size() > CAPACITY;
    }
  };

  private ParquetFooters() {
  }

  /** The footer of {@code file} if cached, else null. */
  static ParquetMetadata get(Key file) {
    synchronized (FOOTERS) {
      return FOOTERS.get(file);
    }
  }

  static void put(Key file, ParquetMetadata footer) {
    synchronized (FOOTERS) {
      FOOTERS.put(file, footer);
    }
  }

  /** How many footers are cached. */
  static int size() {
    synchronized (FOOTERS) {
      return FOOTERS.size();
    }
  }
}
