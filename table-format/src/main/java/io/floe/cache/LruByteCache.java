package io.floe.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe map that keeps its most recently used entries up to a budget of bytes: each entry is put with its
 * size, and least recently used entries are dropped once the sizes held exceed {@code maxBytes}.
 *
 * @param <K> the key
 * @param <V> the cached value
 */
public final class LruByteCache<K, V> {
  private record Sized<V>(V value, long bytes) {
  }

  private final long maxBytes;
  private final Map<K, Sized<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytesHeld;

  public LruByteCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The budget of bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The value cached under {@code key} (now the most recently used), or null. */
  public synchronized V get(K key) {
    Sized<V> cached = entries.get(key);
    return cached == null ? null : cached.value();
  }

  /** Caches {@code value} of {@code bytes} under {@code key}, then drops the eldest entries beyond the budget. */
  public synchronized void put(K key, V value, long bytes) {
    Sized<V> replaced = entries.put(key, new Sized<>(value, bytes));
    bytesHeld += bytes - (replaced == null ? 0 : replaced.bytes());
    Iterator<Sized<V>> eldestFirst = entries.values().iterator();
    while (bytesHeld > maxBytes && eldestFirst.hasNext()) {
      bytesHeld -= eldestFirst.next().bytes();
      eldestFirst.remove();
    }
  }

  /** How many entries are cached. */
  public synchronized int size() {
    return entries.size();
  }
}
