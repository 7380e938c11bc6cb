package io.floe.parquet;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of Parquet reads, safe to share between concurrent readers: pass one to
 * {@link ParquetArrowReader#read(io.floe.io.InputFile, io.floe.types.Schema, org.apache.arrow.memory.BufferAllocator,
 * int, java.util.function.Predicate, ParquetReadStats)} to total a whole scan, or take
 * {@link ParquetBatchIterator#stats()} for one file.
 */
public final class ParquetReadStats {
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong rowGroupsRead = new AtomicLong();
  private final AtomicLong rowGroupsSkipped = new AtomicLong();
  private final AtomicLong rowsRead = new AtomicLong();

  /** Files opened. */
  public long files() {
    return files.get();
  }

  /** Row groups decoded. */
  public long rowGroupsRead() {
    return rowGroupsRead.get();
  }

  /** Row groups skipped because the row group filter rejected their statistics. */
  public long rowGroupsSkipped() {
    return rowGroupsSkipped.get();
  }

  /** Rows returned. */
  public long rowsRead() {
    return rowsRead.get();
  }

  void fileOpened() {
    files.incrementAndGet();
  }

  void rowGroupRead() {
    rowGroupsRead.incrementAndGet();
  }

  void rowGroupSkipped() {
    rowGroupsSkipped.incrementAndGet();
  }

  void rowsRead(long rows) {
    rowsRead.addAndGet(rows);
  }

  @Override
  public String toString() {
    return "files=" + files() + " rowGroupsRead=" + rowGroupsRead() + " rowGroupsSkipped=" + rowGroupsSkipped()
        + " rows=" + rowsRead();
  }
}
