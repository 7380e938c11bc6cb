package io.floe.table;

import io.floe.data.Record;
import io.floe.manifest.DataFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bin-packing of small data files for compaction: files smaller than a size threshold, grouped by partition
 * (partition spec and tuple), each partition's files split into groups of at most a byte budget; groups with
 * fewer than a minimum number of files are left alone (rewriting them would gain nothing).
 */
final class FileGroups {
  private FileGroups() {
  }

  private record PartitionKey(int specId, Record partition) {
  }

  static List<List<DataFile>> plan(List<DataFile> files, long smallerThan, int minInputFiles, long maxGroupBytes) {
    Map<PartitionKey, List<DataFile>> byPartition = new LinkedHashMap<>();
    for (DataFile f : files) {
      if (f.fileSizeInBytes() < smallerThan) {
        byPartition.computeIfAbsent(new PartitionKey(f.specId(), f.partition()), k -> new ArrayList<>()).add(f);
      }
    }
    List<List<DataFile>> groups = new ArrayList<>();
    for (List<DataFile> candidates : byPartition.values()) {
      candidates.sort(Comparator.comparing(DataFile::path));
      List<DataFile> group = new ArrayList<>();
      long bytes = 0;
      for (DataFile f : candidates) {
        if (!group.isEmpty() && bytes + f.fileSizeInBytes() > maxGroupBytes) {
          addIfWorthIt(groups, group, minInputFiles);
          group = new ArrayList<>();
          bytes = 0;
        }
        group.add(f);
        bytes += f.fileSizeInBytes();
      }
      addIfWorthIt(groups, group, minInputFiles);
    }
    return groups;
  }

  private static void addIfWorthIt(List<List<DataFile>> groups, List<DataFile> group, int minInputFiles) {
    if (group.size() >= Math.max(2, minInputFiles)) {
      groups.add(group);
    }
  }
}
