package io.floe.scan;

import io.floe.manifest.DataFile;
import java.util.List;

/**
 * One data file a scan reads, with the data sequence number it has in the snapshot, or a split of it: the row
 * groups whose first byte lies in {@code [start, start + length)}. The splits of a file made by
 * {@link #rowGroups(int, int)} cover every row group exactly once. {@code deletes} are the delete files (position
 * and equality deletes, written by other engines' merge-on-read) whose rows a reader removes from the file's.
 */
public record FileScanTask(DataFile file, long dataSequenceNumber, long start, long length, List<DataFile> deletes) {

  public FileScanTask {
    if (start < 0 || length <= 0) {
      throw new IllegalArgumentException("invalid split [" + start + ", +" + length + ") of " + file.path());
    }
    deletes = List.copyOf(deletes);
  }

  /** The whole file, with the delete files that apply to it. */
  public FileScanTask(DataFile file, long dataSequenceNumber, List<DataFile> deletes) {
    this(file, dataSequenceNumber, 0, Long.MAX_VALUE, deletes);
  }

  /** The whole file, without delete files. */
  public FileScanTask(DataFile file, long dataSequenceNumber) {
    this(file, dataSequenceNumber, List.of());
  }

  /** Whether rows of the file are deleted by delete files. */
  public boolean hasDeletes() {
    return !deletes.isEmpty();
  }

  /** Whether this task reads the file from its start (the whole file, or its first split). */
  public boolean startsFile() {
    return start == 0;
  }

  /** The end of the byte range (exclusive). */
  public long end() {
    return length > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + length;
  }

  /** Whether a row group starting at byte {@code rowGroupStart} belongs to this task. */
  public boolean containsRowGroup(long rowGroupStart) {
    return rowGroupStart >= start && rowGroupStart < end();
  }

  /** The number of row groups the file's split offsets list (0 when the file records none). */
  public int rowGroupCount() {
    List<Long> offsets = file.splitOffsets();
    return offsets == null ? 0 : offsets.size();
  }

  /**
   * The split reading row groups {@code [from, to)} of the file by its split offsets (the starts of its row
   * groups); the first split starts at byte 0 and the last runs to the end of the file.
   */
  public FileScanTask rowGroups(int from, int to) {
    int count = rowGroupCount();
    if (from < 0 || to > count || from >= to) {
      throw new IllegalArgumentException("row groups [" + from + ", " + to + ") of " + count + " in " + file.path());
    }
    long first = from == 0 ? 0 : file.splitOffsets().get(from);
    long end = to == count ? Long.MAX_VALUE : file.splitOffsets().get(to);
    return new FileScanTask(file, dataSequenceNumber, first, end == Long.MAX_VALUE ? Long.MAX_VALUE : end - first,
        deletes);
  }

  /** Approximate bytes of this task's part of the file (by split offsets; the whole file when not split). */
  public long sizeInBytes() {
    long fileSize = file.fileSizeInBytes();
    long from = Math.min(start, fileSize);
    long to = Math.min(end(), fileSize);
    return Math.max(0, to - from);
  }
}
