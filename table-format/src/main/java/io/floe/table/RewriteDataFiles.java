package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.data.Record;
import io.floe.data.Records;
import io.floe.expressions.Binder;
import io.floe.expressions.Expression;
import io.floe.expressions.Expressions;
import io.floe.manifest.DataFile;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import io.floe.scan.DanglingDeletes;
import io.floe.scan.FileScanTask;
import io.floe.scan.ScanMetrics;
import io.floe.scan.ScanPlanner;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compaction (Iceberg's {@code rewriteDataFiles}): bin-packs small data files into files of about the target
 * size, per partition, optionally sorting the rows, and commits one snapshot with operation {@code replace}
 * that removes the old files and adds the new ones, with the same rows.
 *
 * <p>Files smaller than 75% of the target size are candidates; each partition's candidates form groups of at
 * most {@link #maxFileGroupSizeBytes} bytes, and only groups of at least {@link #minInputFiles} files are
 * rewritten. Rows are read with the Parquet-to-Arrow reader in the current schema and written with
 * {@link TableWriter} in the current partition spec. Unsorted groups are streamed; a sorted group is held in
 * memory. Concurrent appends are kept; a concurrent commit that removed a file being rewritten makes the
 * rewrite fail with {@link io.floe.commit.ConflictException}, deleting its new files (see {@link RewriteFiles}).
 */
public final class RewriteDataFiles {
  private static final Logger LOG = LoggerFactory.getLogger(RewriteDataFiles.class);
  /** Files smaller than this fraction of the target size are rewritten (Iceberg's default ratio). */
  static final double MIN_FILE_SIZE_RATIO = 0.75;

  private final TableOperations ops;
  private Expression filter = Expressions.alwaysTrue();
  private Long targetFileSizeBytes;
  private int minInputFiles = 2;
  private long maxFileGroupSizeBytes = 100L * 1024 * 1024 * 1024;
  private final List<RowOrdering.SortKey> sortKeys = new ArrayList<>();
  private String branch;

  RewriteDataFiles(TableOperations ops) {
    this.ops = ops;
  }

  /**
   * What a rewrite did; {@code snapshot} is null when there was nothing worth rewriting (no commit).
   * {@code removedDeleteFiles} counts the delete files (merge-on-read) that applied only to rewritten files.
   */
  public record Result(Snapshot snapshot, int rewrittenFiles, int addedFiles, long rewrittenBytes, long addedBytes,
                       long rows, int removedDeleteFiles) {
  }

  /** Only rewrites files that may hold rows matching this filter (combined with AND with earlier filters). */
  public RewriteDataFiles filter(Expression expression) {
    this.filter = Expressions.and(filter, expression);
    return this;
  }

  /** The size of the files to write; default: the table's {@link TableProperties#TARGET_FILE_SIZE_BYTES}. */
  public RewriteDataFiles targetFileSizeBytes(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("target file size must be positive: " + bytes);
    }
    this.targetFileSizeBytes = bytes;
    return this;
  }

  /** The fewest small files of a partition worth rewriting together (default and minimum 2). */
  public RewriteDataFiles minInputFiles(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("min input files must be positive: " + count);
    }
    this.minInputFiles = count;
    return this;
  }

  /** The most input bytes rewritten as one group (default 100 GiB); a sorted group is sorted in memory. */
  public RewriteDataFiles maxFileGroupSizeBytes(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("max file group size must be positive: " + bytes);
    }
    this.maxFileGroupSizeBytes = bytes;
    return this;
  }

  /** Sorts each group's rows by this top-level column (after earlier sort columns); nulls first when ascending. */
  public RewriteDataFiles sortBy(String column, boolean ascending) {
    sortKeys.add(new RowOrdering.SortKey(column, ascending));
    return this;
  }

  /** Compacts the files of this branch (default {@code main}); only that branch moves. */
  public RewriteDataFiles toBranch(String name) {
    this.branch = name;
    return this;
  }

  /** Plans, rewrites and commits; returns what was done. */
  public Result execute() {
    RewriteFiles commit = new RewriteFiles(ops);
    if (branch != null) {
      commit.toBranch(branch);
    }
    TableMetadata base = commit.startingBase();
    Snapshot start = commit.startingHead();
    if (start == null) {
      return new Result(null, 0, 0, 0, 0, 0, 0);
    }
    Schema schema = base.schema();
    Comparator<Record> ordering = sortKeys.isEmpty() ? null : RowOrdering.of(schema, sortKeys, ops.tableName());
    long target = targetFileSizeBytes != null ? targetFileSizeBytes
        : base.propertyAsLong(TableProperties.TARGET_FILE_SIZE_BYTES, TableProperties.TARGET_FILE_SIZE_BYTES_DEFAULT);
    List<DataFile> live = new ArrayList<>();
    Map<String, FileScanTask> tasks = new HashMap<>();
    for (FileScanTask t : ScanPlanner.plan(ops.io(), base, start, schema, boundFilter(schema), new ScanMetrics())) {
      live.add(t.file());
      tasks.put(t.file().path(), t);
    }
    List<List<DataFile>> groups = FileGroups.plan(live, (long) (target * MIN_FILE_SIZE_RATIO), minInputFiles,
        maxFileGroupSizeBytes);
    if (groups.isEmpty()) {
      LOG.info("nothing to rewrite in {}: no partition has {} or more files under {} bytes", ops.tableName(),
          Math.max(2, minInputFiles), (long) (target * MIN_FILE_SIZE_RATIO));
      return new Result(null, 0, 0, 0, 0, 0, 0);
    }
    // delete files (merge-on-read, other engines') that apply only to files about to be rewritten go with them;
    // worked out before anything is written
    List<DataFile> dangling = DanglingDeletes.after(ops.io(), base, start,
        groups.stream().flatMap(List::stream).map(DataFile::path).collect(Collectors.toSet()));
    WrittenDataFiles written = new WrittenDataFiles(ops, base);
    List<DataFile> removed = new ArrayList<>();
    List<DataFile> added = new ArrayList<>();
    long rows = 0;
    try (BufferAllocator allocator = new RootAllocator()) {
      for (List<DataFile> group : groups) {
        TableWriter writer = written.newWriter(target);
        rows += rewriteGroup(group, tasks, schema, ordering, writer, allocator);
        removed.addAll(group);
        added.addAll(writer.complete());
      }
    } catch (RuntimeException | Error e) {
      written.deleteAll();
      throw e;
    }
    long addedRows = added.stream().mapToLong(DataFile::recordCount).sum();
    if (addedRows != rows) {
      written.deleteAll();
      throw new IllegalStateException("rewrite of table " + ops.tableName() + " read " + rows + " rows but wrote "
          + addedRows + "; nothing was committed");
    }
    List<DataFile> toRemove = new ArrayList<>(removed);
    toRemove.addAll(dangling);
    Snapshot snapshot = commit.rewrite(toRemove, added, written::deleteAll).commit();
    Result result = new Result(snapshot, removed.size(), added.size(), bytes(removed), bytes(added), rows,
        dangling.size());
    LOG.info("rewrote {} files ({} bytes) of {} into {} files ({} bytes), {} rows, {} dangling delete files removed, "
        + "snapshot {}", result.rewrittenFiles(), result.rewrittenBytes(), ops.tableName(), result.addedFiles(),
        result.addedBytes(), rows, dangling.size(), snapshot.snapshotId());
    return result;
  }

  /**
   * Writes the live rows of a group's files (sorted if asked); returns how many. The rows read from each file are
   * checked against its manifest entry.
   */
  private long rewriteGroup(List<DataFile> group, Map<String, FileScanTask> tasks, Schema schema,
                            Comparator<Record> ordering, TableWriter writer, BufferAllocator allocator) {
    List<Record> buffered = ordering == null ? null : new ArrayList<>();
    Consumer<Record> sink = ordering == null ? writer::write : row -> buffered.add(Records.copy(row));
    long rows = 0;
    for (DataFile file : group) {
      DataFileRows.Counts read = DataFileRows.read(ops.io(), tasks.get(file.path()), schema, allocator, sink);
      if (read.fileRows() != file.recordCount()) {
        throw new IllegalStateException("data file " + file.path() + " of table " + ops.tableName() + " holds "
            + read.fileRows() + " rows but its manifest says " + file.recordCount() + "; nothing was rewritten");
      }
      rows += read.liveRows();
    }
    if (buffered != null) {
      buffered.sort(ordering);
      writer.writeAll(buffered);
    }
    return rows;
  }

  private Expression boundFilter(Schema schema) {
    try {
      return Binder.bind(schema.asStruct(), filter, true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid filter on table " + ops.tableName() + ": " + e.getMessage(), e);
    }
  }

  private static long bytes(List<DataFile> files) {
    return files.stream().mapToLong(DataFile::fileSizeInBytes).sum();
  }
}
