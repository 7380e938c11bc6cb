package io.floe.engine.exec.spill;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows spilled to a fixed number of partition files, each row to the partition its caller chose (a hash of its
 * group or join key, {@link #partitionOf}), then read back one partition at a time. A partition's file is created
 * with its first row and written through a buffer of {@value #BUFFER_BYTES} bytes; {@link #close()} closes what is
 * open and deletes every file.
 */
public final class SpillPartitions implements AutoCloseable {
  private static final int BUFFER_BYTES = 16 << 10;

  private final Spilling spilling;
  private final String prefix;
  private final Path[] files;
  private final RunWriter[] writers;
  private final List<RunReader> readers = new ArrayList<>();
  private int open;

  /** {@code count} empty partitions of a hash aggregation spilling as {@code spilling} says. */
  public SpillPartitions(Spilling spilling, int count) {
    this(spilling, count, "aggregate");
  }

  /** {@code count} empty partitions spilling as {@code spilling} says, in files named {@code <prefix>-*.spill}. */
  public SpillPartitions(Spilling spilling, int count, String prefix) {
    this.spilling = spilling;
    this.prefix = prefix;
    this.files = new Path[count];
    this.writers = new RunWriter[count];
  }

  public int count() {
    return files.length;
  }

  /** Whether no row went to partition {@code p} (its file is created with its first row), or it was deleted. */
  public boolean isEmpty(int p) {
    return files[p] == null;
  }

  /** Writes row r of {@code batch} to partition {@code partitionOfRow[r]}, for every row. */
  public void write(Batch batch, int[] partitionOfRow) {
    int n = batch.size();
    int[] starts = new int[files.length + 1];
    for (int r = 0; r < n; r++) {
      starts[partitionOfRow[r] + 1]++;
    }
    for (int p = 0; p < files.length; p++) {
      starts[p + 1] += starts[p];
    }
    int[] next = starts.clone();
    int[] byPartition = new int[n];
    for (int r = 0; r < n; r++) {
      byPartition[next[partitionOfRow[r]]++] = r;
    }
    for (int p = 0; p < files.length; p++) {
      int count = starts[p + 1] - starts[p];
      if (count == 0) {
        continue;
      }
      int[] selected = new int[count];
      System.arraycopy(byPartition, starts[p], selected, 0, count);
      writer(p).write(count == n ? batch : batch.select(selected, count));
    }
  }

  /**
   * Turns each row's key hash ({@code Keys.hashes}) into its partition among {@code count}, in place: the hash mixed
   * with the partitioning {@code level} (0 for the first), so it is independent of the exchange's and the hash
   * table's use of the same key hash, and a partition splits again one level below.
   */
  public static int[] partitionOf(int[] keyHashes, int level, int count) {
    int seed = (level + 1) * 0x9E3779B9;
    for (int r = 0; r < keyHashes.length; r++) {
      int h = keyHashes[r] ^ seed;
      h ^= h >>> 16;
      h *= 0x85EBCA6B;
      h ^= h >>> 13;
      h *= 0xC2B2AE35;
      h ^= h >>> 16;
      keyHashes[r] = (int) (((h & 0xFFFFFFFFL) * count) >>> 32);
    }
    return keyHashes;
  }

  private RunWriter writer(int p) {
    if (writers[p] == null) {
      files[p] = spilling.directory().newFile(prefix);
      writers[p] = new RunWriter(files[p], BUFFER_BYTES);
      open++;
    }
    return writers[p];
  }

  /** The memory the write buffers of {@code count} open partitions take. */
  public static long bufferBytes(int count) {
    return (long) count * BUFFER_BYTES;
  }

  /** The memory the open partitions' write buffers take. */
  public long bufferBytes() {
    return bufferBytes(open);
  }

  /** Ends every partition's file (no more rows); counts them in the stats. */
  public void finish() {
    for (int p = 0; p < writers.length; p++) {
      if (writers[p] != null) {
        long bytes = writers[p].finish();
        spilling.stats().add(writers[p].rows(), bytes);
        writers[p] = null;
        open--;
      }
    }
  }

  /** The rows of partition {@code p} (after {@link #finish()}), batch by batch. */
  public Operator read(int p) {
    RunReader reader = new RunReader(files[p]);
    readers.add(reader);
    return reader;
  }

  /** Deletes partition {@code p}'s file (its reader is closed). */
  public void delete(int p) {
    if (files[p] != null) {
      SpillFiles.delete(files[p]);
      files[p] = null;
    }
  }

  /** Closes the open writers and readers and deletes every partition's file (all of them, even if one fails). */
  @Override
  public void close() {
    List<Runnable> steps = new ArrayList<>();
    for (RunReader reader : readers) {
      steps.add(reader::close);
    }
    for (RunWriter writer : writers) {
      if (writer != null) {
        steps.add(writer::close);
      }
    }
    for (Path file : files) {
      if (file != null) {
        steps.add(() -> SpillFiles.delete(file));
      }
    }
    readers.clear();
    Arrays.fill(writers, null);
    Arrays.fill(files, null);
    open = 0;
    SpillFiles.runAll(steps);
  }
}
