package io.floe.table;

import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Tables and reads shared by the branch, tag, rollback and idempotency tests. */
final class RefTestSupport {
  static final Map<String, String> PATIENT = Map.of("commit.retry.num-retries", "200",
      "commit.retry.min-wait-ms", "2", "commit.retry.max-wait-ms", "100");

  private RefTestSupport() {
  }

  static Table create(Path dir) {
    return new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), dir.resolve("t").toString(), PATIENT);
  }

  static Table load(Table t) {
    return new Tables(new LocalFileIO()).load(t.location());
  }

  static Snapshot append(Table t, long first, int count) {
    return t.newAppend().appendRecords(TableFixtures.events(first, count)).commit();
  }

  static List<Long> sorted(List<Record> rows) {
    List<Long> ids = new ArrayList<>();
    for (Record r : rows) {
      ids.add(TableFixtures.id(r));
    }
    Collections.sort(ids);
    return ids;
  }

  static List<Long> idsAt(Table t, String ref) {
    return sorted(t.newScan().useRef(ref).records());
  }

  static List<Long> idsAt(Table t, long snapshotId) {
    return sorted(t.newScan().useSnapshot(snapshotId).records());
  }

  static List<Long> range(long first, int count) {
    List<Long> ids = new ArrayList<>();
    for (long i = first; i < first + count; i++) {
      ids.add(i);
    }
    return ids;
  }

  static List<Long> concat(List<Long> a, List<Long> b) {
    List<Long> all = new ArrayList<>(a);
    all.addAll(b);
    Collections.sort(all);
    return all;
  }
}
