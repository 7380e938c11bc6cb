package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.io.FileIO;
import io.floe.metadata.Snapshot;
import io.floe.metadata.StatisticsFile;
import io.floe.metadata.TableMetadata;
import io.floe.puffin.ColumnThetaSketches;
import io.floe.puffin.PuffinBlobMetadata;
import io.floe.puffin.PuffinCodec;
import io.floe.puffin.PuffinFileInfo;
import io.floe.puffin.PuffinFooter;
import io.floe.puffin.PuffinReader;
import io.floe.puffin.PuffinWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statistics files (Puffin) of theta sketches, one {@value ColumnThetaSketches#BLOB_TYPE} blob per column: written
 * by {@link ComputeTableStatistics} after reading a snapshot, by {@link AppendFiles} from the sketches of the rows
 * it appends added to its parent snapshot's, and by {@link RewriteFiles} (the same rows) from its parent's.
 */
final class ThetaStatisticsFiles {
  private static final Logger LOG = LoggerFactory.getLogger(ThetaStatisticsFiles.class);

  private ThetaStatisticsFiles() {
  }

  /** Writes the sketches of {@code snapshot} to a new Puffin file under the table's metadata directory. */
  static StatisticsFile write(TableOperations ops, Snapshot snapshot, Collection<ColumnThetaSketches.Result> sketches) {
    String path = ops.metadataFileLocation(snapshot.snapshotId() + "-" + UUID.randomUUID() + ".stats");
    List<StatisticsFile.BlobMetadata> blobs = new ArrayList<>();
    PuffinFileInfo info;
    try (PuffinWriter writer = new PuffinWriter(ops.io().newOutputFile(path),
        Map.of(PuffinFooter.CREATED_BY, "Floe " + FloeVersion.get()))) {
      for (ColumnThetaSketches.Result result : sketches) {
        PuffinBlobMetadata blob = writer.write(
            result.toBlob(snapshot.snapshotId(), snapshot.sequenceNumber(), PuffinCodec.ZSTD));
        blobs.add(new StatisticsFile.BlobMetadata(blob.type(), blob.snapshotId(), blob.sequenceNumber(),
            blob.fields(), blob.properties()));
      }
      info = writer.finish();
    }
    return new StatisticsFile(snapshot.snapshotId(), path, info.fileSize(), info.footerSize(), null, blobs);
  }

  /**
   * The sketches of the statistics file of {@code snapshot}'s parent in {@code base}, by field id; null when it has
   * no parent, the parent has no file, or the file cannot be read. The counts are a planner's estimate, so an
   * unreadable file costs the new snapshot its counts (a warning), not the commit.
   */
  static Map<Integer, byte[]> ofParent(TableOperations ops, TableMetadata base, Snapshot snapshot) {
    StatisticsFile parentFile = snapshot.parentSnapshotId() == null ? null
        : base.statisticsFile(snapshot.parentSnapshotId());
    if (parentFile == null) {
      return null;
    }
    try {
      return read(ops.io(), parentFile);
    } catch (RuntimeException e) {
      LOG.warn("snapshot {} of {} gets no distinct counts: the statistics file {} of its parent cannot be read: {}",
          snapshot.snapshotId(), ops.tableName(), parentFile.path(), e.toString());
      return null;
    }
  }

  /** The theta sketches over one field each that {@code file} holds, by field id (compact sketch bytes). */
  static Map<Integer, byte[]> read(FileIO io, StatisticsFile file) {
    Map<Integer, byte[]> sketches = new HashMap<>();
    try (PuffinReader reader = new PuffinReader(io.newInputFile(file.path()), file.fileSizeInBytes(),
        file.fileFooterSizeInBytes())) {
      for (PuffinBlobMetadata blob : reader.blobs()) {
        if (ColumnThetaSketches.BLOB_TYPE.equals(blob.type()) && blob.fields().size() == 1) {
          sketches.put(blob.fields().get(0), reader.read(blob));
        }
      }
    }
    return sketches;
  }
}
