package io.floe.table;

import io.floe.commit.ConflictException;
import io.floe.io.OutputFile;
import io.floe.manifest.DataFile;
import io.floe.manifest.FileContent;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.manifest.ManifestWriter;
import io.floe.metadata.Snapshot;
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

  /**
   * One manifest per partition spec holding {@code files} as ADDED (sequence numbers inherited): data files in data
   * manifests, delete files in delete manifests.
   */
  static List<ManifestFile> writeAdded(SnapshotProducer<?> op, List<DataFile> files) {
    List<ManifestFile> manifests = new ArrayList<>();
    for (boolean data : new boolean[] {true, false}) {
      Map<Integer, List<DataFile>> bySpec = new TreeMap<>();
      for (DataFile f : files) {
        if ((f.content() == FileContent.DATA) == data) {
          bySpec.computeIfAbsent(f.specId(), k -> new ArrayList<>()).add(f);
        }
      }
      FileContent content = data ? FileContent.DATA : FileContent.POSITION_DELETES;
      for (Map.Entry<Integer, List<DataFile>> e : bySpec.entrySet()) {
        manifests.add(write(op, op.startingBase, e.getKey(), content, 0, w -> e.getValue().forEach(w::add)));
      }
    }
    return manifests;
  }

  /** Writes one manifest of spec {@code specId} filled by {@code fill}, stamped with {@code sequenceNumber}. */
  static ManifestFile write(SnapshotProducer<?> op, TableMetadata base, int specId, long sequenceNumber,
                            Consumer<ManifestWriter> fill) {
    return write(op, base, specId, FileContent.DATA, sequenceNumber, fill);
  }

  /** As {@link #write(SnapshotProducer, TableMetadata, int, long, Consumer)}, a data or a delete manifest. */
  static ManifestFile write(SnapshotProducer<?> op, TableMetadata base, int specId, FileContent content,
                            long sequenceNumber, Consumer<ManifestWriter> fill) {
    PartitionSpec spec = base.specById(specId);
    String location = op.newMetadataFileLocation("-m0.avro");
    op.trackMetadataFile(location);
    OutputFile out = op.io().newOutputFile(location);
    ManifestWriter writer = content == FileContent.DATA
        ? ManifestWriter.create(out, spec, base.schema(), op.snapshotId())
        : ManifestWriter.createDeletes(out, spec, base.schema(), op.snapshotId());
    fill.accept(writer);
    return writer.close(sequenceNumber);
  }

  /** The manifests {@code op} wrote once for its added files, stamped with the sequence number of this attempt. */
  static List<ManifestFile> stamped(List<ManifestFile> written, long sequenceNumber) {
    List<ManifestFile> manifests = new ArrayList<>();
    for (ManifestFile m : written) {
      manifests.add(SnapshotProducer.withSequenceNumber(m, sequenceNumber));
    }
    return manifests;
  }

  /**
   * The manifests of the head of {@code op}'s target branch in {@code base} with the files in {@code toRemove} (by path) marked DELETED:
   * manifests that lose no file are kept as they are, the others rewritten. Fails with a {@link ConflictException}
   * when some of them are no longer live in {@code base} (a concurrent commit removed them).
   */
  static List<ManifestFile> withoutFiles(SnapshotProducer<?> op, TableMetadata base, long sequenceNumber,
                                         Map<String, DataFile> toRemove) {
    List<ManifestFile> manifests = new ArrayList<>();
    Snapshot current = op.head(base);
    int found = 0;
    if (current != null) {
      Map<Integer, PartitionSpec> specs = base.specsById();
      for (ManifestFile m : ManifestListReader.read(op.io(), current.manifestList())) {
        List<ManifestEntry> entries = toRemove.isEmpty() ? List.of() : ManifestReader.read(op.io(), m, specs);
        long hits = entries.stream().filter(e -> e.isLive() && toRemove.containsKey(e.file().path())).count();
        if (hits == 0) {
          manifests.add(m);
          continue;
        }
        found += (int) hits;
        manifests.add(write(op, base, m.partitionSpecId(), m.content(), sequenceNumber, w -> {
          for (ManifestEntry e : entries) {
            if (!e.isLive()) {
              continue;
            }
            if (toRemove.containsKey(e.file().path())) {
              w.delete(e, op.snapshotId());
            } else {
              keep(w, e, op.snapshotId());
            }
          }
        }));
      }
    }
    if (found != toRemove.size()) {
      throw new ConflictException(op.ops.tableName(), (toRemove.size() - found)
          + " data file(s) this operation removes are no longer in the table (removed by a concurrent commit)");
    }
    return manifests;
  }

  /**
   * The manifests of a snapshot that adds the files of {@code addedManifests} (written once, stamped here) and
   * removes {@code toRemove} from the head of the target branch in {@code base} (see {@link #withoutFiles}),
   * merged by {@code compactor}.
   */
  static List<ManifestFile> replacing(SnapshotProducer<?> op, TableMetadata base, long sequenceNumber,
                                      List<ManifestFile> addedManifests, Map<String, DataFile> toRemove,
                                      ManifestCompactor compactor) {
    List<ManifestFile> manifests = stamped(addedManifests, sequenceNumber);
    manifests.addAll(withoutFiles(op, base, sequenceNumber, toRemove));
    return compactor.compact(base, manifests, sequenceNumber);
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
