package io.floe.table;

import io.floe.manifest.FileContent;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the number of manifests small: when a partition spec has more data manifests than
 * {@link TableProperties#MANIFEST_MIN_MERGE_COUNT}, they are merged into one (live entries only), so planning
 * reads few files however many commits a table has had.
 */
final class ManifestCompactor {
  private final SnapshotProducer<?> op;

  ManifestCompactor(SnapshotProducer<?> op) {
    this.op = op;
  }

  List<ManifestFile> compact(TableMetadata base, List<ManifestFile> manifests, long sequenceNumber) {
    long minCount = base.propertyAsLong(TableProperties.MANIFEST_MIN_MERGE_COUNT, 100);
    Map<Integer, List<ManifestFile>> bySpec = new TreeMap<>();
    List<ManifestFile> result = new ArrayList<>();
    for (ManifestFile m : manifests) {
      if (m.content() == FileContent.DATA) {
        bySpec.computeIfAbsent(m.partitionSpecId(), k -> new ArrayList<>()).add(m);
      } else {
        result.add(m);
      }
    }
    Map<Integer, io.floe.partition.PartitionSpec> specs = base.specsById();
    for (Map.Entry<Integer, List<ManifestFile>> e : bySpec.entrySet()) {
      List<ManifestFile> group = e.getValue();
      if (group.size() <= minCount) {
        result.addAll(group);
        continue;
      }
      result.add(ManifestWriting.write(op, base, e.getKey(), sequenceNumber, w -> {
        for (ManifestFile m : group) {
          for (ManifestEntry entry : ManifestReader.read(op.io(), m, specs)) {
            if (entry.isLive()) {
              ManifestWriting.keep(w, entry, op.snapshotId());
            }
          }
        }
      }));
    }
    return result;
  }
}
