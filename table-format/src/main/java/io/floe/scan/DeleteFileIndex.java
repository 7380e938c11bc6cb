package io.floe.scan;

import io.floe.data.Record;
import io.floe.manifest.DataFile;
import io.floe.manifest.FileContent;
import io.floe.manifest.ManifestEntry;
import io.floe.partition.PartitionSpec;
import io.floe.types.ByteBuffers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live delete files of a snapshot (merge-on-read, written by other engines), and for each data file the ones
 * that apply to it by the table spec's rules: a position delete file applies to the data files of its partition
 * (same spec and values) whose data sequence number is at most its own, an equality delete file to those of its
 * partition, or of any partition when its spec is unpartitioned, whose data sequence number is lower than its own.
 * Position delete files whose {@code file_path} bounds exclude a data file's path are left out for it.
 */
final class DeleteFileIndex {
  /** The reserved field id of a position delete file's {@code file_path} column. */
  static final int FILE_PATH_ID = 2147483546;
  /** The reserved field id of a position delete file's {@code pos} column. */
  static final int POS_ID = 2147483545;

  private record PartitionKey(int specId, Record partition) {
  }

  private record Indexed(DataFile file, long sequenceNumber) {
  }

  private final Map<PartitionKey, List<Indexed>> positionDeletes = new HashMap<>();
  private final Map<PartitionKey, List<Indexed>> equalityDeletes = new HashMap<>();
  private final List<Indexed> globalEqualityDeletes = new ArrayList<>();

  /** An index of the live entries of a snapshot's delete manifests; {@code specs} by id. */
  DeleteFileIndex(List<ManifestEntry> deleteEntries, Map<Integer, PartitionSpec> specs) {
    for (ManifestEntry entry : deleteEntries) {
      DataFile file = entry.file();
      if (!"PARQUET".equalsIgnoreCase(file.format())) {
        throw new UnsupportedOperationException("not supported: delete file " + file.path() + " in format "
            + file.format() + " (Floe reads Parquet delete files only)");
      }
      Indexed indexed = new Indexed(file, entry.sequenceNumber() == null ? 0 : entry.sequenceNumber());
      PartitionKey key = new PartitionKey(file.specId(), file.partition());
      if (file.content() == FileContent.POSITION_DELETES) {
        positionDeletes.computeIfAbsent(key, k -> new ArrayList<>()).add(indexed);
      } else if (specs.get(file.specId()) != null && specs.get(file.specId()).isUnpartitioned()) {
        globalEqualityDeletes.add(indexed);
      } else {
        equalityDeletes.computeIfAbsent(key, k -> new ArrayList<>()).add(indexed);
      }
    }
  }

  boolean isEmpty() {
    return positionDeletes.isEmpty() && equalityDeletes.isEmpty() && globalEqualityDeletes.isEmpty();
  }

  /** The delete files to apply to {@code file}, a data file with data sequence number {@code sequenceNumber}. */
  List<DataFile> forDataFile(DataFile file, long sequenceNumber) {
    if (isEmpty()) {
      return List.of();
    }
    PartitionKey key = new PartitionKey(file.specId(), file.partition());
    List<DataFile> deletes = new ArrayList<>();
    for (Indexed delete : positionDeletes.getOrDefault(key, List.of())) {
      if (sequenceNumber <= delete.sequenceNumber() && mayReference(delete.file(), file.path())) {
        deletes.add(delete.file());
      }
    }
    for (Indexed delete : equalityDeletes.getOrDefault(key, List.of())) {
      if (sequenceNumber < delete.sequenceNumber()) {
        deletes.add(delete.file());
      }
    }
    for (Indexed delete : globalEqualityDeletes) {
      if (sequenceNumber < delete.sequenceNumber()) {
        deletes.add(delete.file());
      }
    }
    return deletes;
  }

  /** Whether the {@code file_path} bounds of a position delete file admit {@code path} (true without bounds). */
  private static boolean mayReference(DataFile positionDeletes, String path) {
    byte[] value = path.getBytes(StandardCharsets.UTF_8);
    ByteBuffer lower = positionDeletes.metrics().lowerBounds().get(FILE_PATH_ID);
    ByteBuffer upper = positionDeletes.metrics().upperBounds().get(FILE_PATH_ID);
    return (lower == null || Arrays.compareUnsigned(ByteBuffers.toByteArray(lower), value) <= 0)
        && (upper == null || Arrays.compareUnsigned(ByteBuffers.toByteArray(upper), value) >= 0);
  }
}
