package io.floe.manifest;

import io.floe.cache.LruByteCache;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Parsed manifest lists and manifests, shared by every table in the process, as Iceberg's manifest content cache:
 * the spec makes these files immutable (a commit writes new ones under new names), so a file read once need not be
 * read and decoded again by the next query, scan planning or row estimate. Least recently used files are dropped
 * once the cached contents exceed a budget of approximate bytes: the system property
 * {@code floe.manifest-cache.max-bytes} (default 64 MiB; 0 turns the cache off). A file larger than a quarter of
 * the budget is never cached; scan planning reads a manifest file over 1/64 of the budget with its partition filter
 * instead ({@link ManifestReader#readLive}).
 */
final class ManifestCache {
  static final ManifestCache SHARED = new ManifestCache(Long.getLong("floe.manifest-cache.max-bytes", 64L << 20));

  /** A cached file: its location and what else fixes its decoded content (length, inherited values, spec). */
  record Key(String location, long length, long sequenceNumber, long snapshotId, int specId) {
  }

  private final LruByteCache<Key, List<?>> contents;

  ManifestCache(long maxBytes) {
    this.contents = new LruByteCache<>(maxBytes);
  }

  /**
   * The decoded values of the file {@code key}: cached, or loaded by {@code load} (outside the cache's lock, so
   * files are read in parallel) and cached with the size {@code weigh} estimates per value.
   */
  @SuppressWarnings("unchecked")
  <T> List<T> get(Key key, Supplier<List<T>> load, ToLongFunction<T> weigh) {
    if (contents.maxBytes() <= 0) {
      return load.get();
    }
    List<?> cached = contents.get(key);
    if (cached != null) {
      return (List<T>) cached;
    }
    List<T> values = List.copyOf(load.get());
    long size = 64;
    for (T value : values) {
      size += weigh.applyAsLong(value);
    }
    if (size <= contents.maxBytes() / 4) {
      contents.put(key, values, size);
    }
    return values;
  }

  /**
   * Whether a manifest file of {@code fileLength} bytes is likely to be kept once decoded: decoded entries take
   * roughly ten to twenty times their compressed Avro bytes, and a file over a quarter of the budget is not kept.
   */
  boolean mayKeep(long fileLength) {
    return contents.maxBytes() > 0 && fileLength <= contents.maxBytes() / 64;
  }

  /** How many files are cached. */
  int size() {
    return contents.size();
  }

  /** Approximate bytes of a data file entry: its path, partition and column metrics. */
  static long weigh(ManifestEntry entry) {
    DataFile file = entry.file();
    io.floe.data.Metrics m = file.metrics();
    int metrics = m.columnSizes().size() + m.valueCounts().size() + m.nullValueCounts().size()
        + m.nanValueCounts().size();
    long bounds = 0;
    for (java.nio.ByteBuffer b : m.lowerBounds().values()) {
      bounds += 64 + b.capacity();
    }
    for (java.nio.ByteBuffer b : m.upperBounds().values()) {
      bounds += 64 + b.capacity();
    }
    return 256 + 2L * file.path().length() + 48L * metrics + bounds
        + (file.splitOffsets() == null ? 0 : 24L * file.splitOffsets().size());
  }

  /** Approximate bytes of a manifest list entry. */
  static long weigh(ManifestFile manifest) {
    return 192 + 2L * manifest.path().length() + (manifest.partitions() == null ? 0 : 96L * manifest.partitions().size());
  }
}
