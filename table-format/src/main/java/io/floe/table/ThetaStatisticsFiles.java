package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.io.FileIO;
import io.floe.metadata.Snapshot;
import io.floe.metadata.StatisticsFile;
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

/**
 * Statistics files (Puffin) of theta sketches, one {@value ColumnThetaSketches#BLOB_TYPE} blob per column: written
 * by {@link ComputeTableStatistics} after reading a snapshot and by {@link AppendFiles} from the sketches of the rows
 * it appends; read back to add an append's sketches to its parent snapshot's.
 */
final class ThetaStatisticsFiles {
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
