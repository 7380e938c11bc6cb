package io.floe.table;

import io.floe.manifest.DataFile;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestWriter;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Writes the manifests an operation needs, tracked by the operation for clean-up. */
final class ManifestWriting {
  private ManifestWriting() {
  }

  /** One manifest per partition spec holding {@code files} as ADDED (sequence numbers inherited). */
  static List<ManifestFile> writeAdded(SnapshotProducer<?> op, List<DataFile> files) {
    Map<Integer, List<DataFile>> bySpec = new TreeMap<>();
    for (DataFile f : files) {
      bySpec.computeIfAbsent(f.specId(), k -> new ArrayList<>()).add(f);
    }
    List<ManifestFile> manifests = new ArrayList<>();
    for (Map.Entry<Integer, List<DataFile>> e : bySpec.entrySet()) {
      manifests.add(write(op, op.startingBase, e.getKey(), 0, w -> e.getValue().forEach(w::add)));
    }
    return manifests;
  }

  /** Writes one manifest of spec {@code specId} filled by {@code fill}, stamped with {@code sequenceNumber}. */
  static ManifestFile write(SnapshotProducer<?> op, TableMetadata base, int specId, long sequenceNumber,
                            Consumer<ManifestWriter> fill) {
    PartitionSpec spec = base.specById(specId);
    String location = op.newMetadataFileLocation("-m0.avro");
    op.trackMetadataFile(location);
    ManifestWriter writer = ManifestWriter.create(op.io().newOutputFile(location), spec, base.schema(), op.snapshotId());
    fill.accept(writer);
    return writer.close(sequenceNumber);
  }

  /** Writes a live entry as it is: ADDED by this snapshot stays added, anything else is EXISTING. */
  static void keep(ManifestWriter w, ManifestEntry e, long snapshotId) {
    if (e.status() == ManifestEntry.Status.ADDED && e.snapshotId() != null && e.snapshotId() == snapshotId) {
      w.add(e.file());
    } else {
      w.existing(e);
    }
  }
}
