package io.floe.s3;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bytes buffered for an upload, in chunks that grow from 16 KiB to 1 MiB (small files stay small, big ones are not
 * copied as they grow). Re-readable any number of times, as request retries need.
 */
final class ByteChunks {
  private static final int FIRST_CHUNK = 16 << 10;
  private static final int MAX_CHUNK = 1 << 20;

  private final List<byte[]> chunks = new ArrayList<>();
  private int lastFill;
  private long size;

  void write(byte[] b, int off, int len) {
    while (len > 0) {
      byte[] last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
      if (last == null || lastFill == last.length) {
        int next = last == null ? FIRST_CHUNK : Math.min(MAX_CHUNK, last.length * 2);
        last = new byte[next];
        chunks.add(last);
        lastFill = 0;
      }
      int n = Math.min(len, last.length - lastFill);
      System.arraycopy(b, off, last, lastFill, n);
      lastFill += n;
      off += n;
      len -= n;
      size += n;
    }
  }

  long size() {
    return size;
  }

  /** Bytes in full chunks (all but a partly filled last one). */
  long fullBytes() {
    if (chunks.isEmpty()) {
      return 0;
    }
    byte[] last = chunks.get(chunks.size() - 1);
    return lastFill == last.length ? size : size - lastFill;
  }

  /** Moves the full chunks into a new buffer (a part to upload); a partly filled last chunk stays. */
  ByteChunks takeFullChunks() {
    ByteChunks part = new ByteChunks();
    int count = chunks.size();
    byte[] last = count == 0 ? null : chunks.get(count - 1);
    int take = last != null && lastFill == last.length ? count : count - 1;
    for (int i = 0; i < take; i++) {
      byte[] c = chunks.get(i);
      part.chunks.add(c);
      part.size += c.length;
      part.lastFill = c.length;
    }
    chunks.subList(0, Math.max(0, take)).clear();
    size -= part.size;
    if (chunks.isEmpty()) {
      lastFill = 0;
    }
    return part;
  }

  /** Moves every byte into a new buffer (the last part). */
  ByteChunks takeAll() {
    ByteChunks part = new ByteChunks();
    part.chunks.addAll(chunks);
    part.lastFill = lastFill;
    part.size = size;
    chunks.clear();
    lastFill = 0;
    size = 0;
    return part;
  }

  /** A fresh stream over the bytes. */
  InputStream newInputStream() {
    List<InputStream> parts = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      int len = i == chunks.size() - 1 ? lastFill : chunks.get(i).length;
      parts.add(new ByteArrayInputStream(chunks.get(i), 0, len));
    }
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  /** The MD5 of the bytes (an S3 single-part ETag). */
  byte[] md5() {
    MessageDigest md5 = md5Digest();
    for (int i = 0; i < chunks.size(); i++) {
      md5.update(chunks.get(i), 0, i == chunks.size() - 1 ? lastFill : chunks.get(i).length);
    }
    return md5.digest();
  }

  static MessageDigest md5Digest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no MD5", e);
    }
  }

  void clear() {
    chunks.clear();
    lastFill = 0;
    size = 0;
  }
}
