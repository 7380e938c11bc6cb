package io.floe.table;

import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotAncestry;
import io.floe.metadata.SnapshotRef;
import io.floe.metadata.TableMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The refs of one table version being edited by {@link ManageSnapshots}: each edit validates against the table
 * (errors name the ref and snapshot) and changes the working copy of the refs.
 */
final class RefEdits {
  private final TableMetadata base;
  private final String table;
  private final Map<String, SnapshotRef> refs;

  RefEdits(TableMetadata base, String table) {
    this.base = base;
    this.table = table;
    this.refs = new HashMap<>(base.refs());
  }

  Map<String, SnapshotRef> refs() {
    return refs;
  }

  void createBranch(String name) {
    Snapshot head = base.currentSnapshot();
    if (head == null) {
      throw new IllegalArgumentException("cannot create branch '" + name + "' of table " + table
          + ": main has no snapshot yet (commit to it with toBranch(\"" + name + "\") to create it)");
    }
    createBranch(name, head.snapshotId());
  }

  void createBranch(String name, long snapshotId) {
    checkAbsent(name);
    refs.put(name, SnapshotRef.branch(known(snapshotId)));
  }

  void createTag(String name, long snapshotId) {
    checkAbsent(name);
    refs.put(name, SnapshotRef.tag(known(snapshotId)));
  }

  void replaceBranch(String name, long snapshotId) {
    refs.put(name, branch(name).withSnapshotId(known(snapshotId)));
  }

  void replaceTag(String name, long snapshotId) {
    refs.put(name, tag(name).withSnapshotId(known(snapshotId)));
  }

  void removeBranch(String name) {
    if (SnapshotRef.MAIN.equals(name)) {
      throw new IllegalArgumentException("branch 'main' of table " + table + " cannot be removed");
    }
    branch(name);
    refs.remove(name);
  }

  void removeTag(String name) {
    tag(name);
    refs.remove(name);
  }

  void renameBranch(String name, String newName) {
    if (SnapshotRef.MAIN.equals(name)) {
      throw new IllegalArgumentException("branch 'main' of table " + table + " cannot be renamed");
    }
    SnapshotRef ref = branch(name);
    checkAbsent(newName);
    refs.remove(name);
    refs.put(newName, ref);
  }

  void setMinSnapshotsToKeep(String name, int count) {
    positive(count, "min-snapshots-to-keep of branch '" + name + "'");
    SnapshotRef r = branch(name);
    refs.put(name, new SnapshotRef(r.snapshotId(), r.type(), count, r.maxSnapshotAgeMs(), r.maxRefAgeMs()));
  }

  void setMaxSnapshotAgeMs(String name, long ms) {
    positive(ms, "max-snapshot-age-ms of branch '" + name + "'");
    SnapshotRef r = branch(name);
    refs.put(name, new SnapshotRef(r.snapshotId(), r.type(), r.minSnapshotsToKeep(), ms, r.maxRefAgeMs()));
  }

  void setMaxRefAgeMs(String name, long ms) {
    positive(ms, "max-ref-age-ms of ref '" + name + "'");
    SnapshotRef r = ref(name);
    refs.put(name, new SnapshotRef(r.snapshotId(), r.type(), r.minSnapshotsToKeep(), r.maxSnapshotAgeMs(), ms));
  }

  void fastForward(String target, String source) {
    SnapshotRef to = branch(target);
    SnapshotRef from = ref(source);
    if (!SnapshotAncestry.isAncestorOf(base, from.snapshotId(), to.snapshotId())) {
      throw new IllegalArgumentException("cannot fast-forward branch '" + target + "' of table " + table + " to '"
          + source + "': its head " + to.snapshotId() + " is not an ancestor of " + source + "'s head "
          + from.snapshotId());
    }
    refs.put(target, to.withSnapshotId(from.snapshotId()));
  }

  void rollbackTo(long snapshotId) {
    known(snapshotId);
    SnapshotRef main = main();
    if (!SnapshotAncestry.isAncestorOf(base, main.snapshotId(), snapshotId)) {
      throw new IllegalArgumentException("cannot roll table " + table + " back to snapshot " + snapshotId
          + ": it is not an ancestor of main's head " + main.snapshotId() + " (setCurrentSnapshot moves to any snapshot)");
    }
    refs.put(SnapshotRef.MAIN, main.withSnapshotId(snapshotId));
  }

  void rollbackToTime(long millis) {
    SnapshotRef main = main();
    for (Snapshot s : SnapshotAncestry.ancestorsOf(base, base.snapshot(main.snapshotId()))) {
      if (s.timestampMs() <= millis) {
        refs.put(SnapshotRef.MAIN, main.withSnapshotId(s.snapshotId()));
        return;
      }
    }
    throw new IllegalArgumentException("cannot roll table " + table + " back to " + Instant.ofEpochMilli(millis)
        + ": no snapshot in main's history is that old");
  }

  void setCurrentSnapshot(long snapshotId) {
    known(snapshotId);
    SnapshotRef main = refs.get(SnapshotRef.MAIN);
    refs.put(SnapshotRef.MAIN, main == null ? SnapshotRef.branch(snapshotId) : main.withSnapshotId(snapshotId));
  }

  private SnapshotRef main() {
    SnapshotRef main = refs.get(SnapshotRef.MAIN);
    if (main == null) {
      throw new IllegalArgumentException("table " + table + " has no snapshot on main to roll back");
    }
    return main;
  }

  private long known(long snapshotId) {
    if (base.snapshot(snapshotId) == null) {
      throw new IllegalArgumentException("unknown snapshot id " + snapshotId + " of table " + table);
    }
    return snapshotId;
  }

  private void checkAbsent(String name) {
    checkName(name);
    SnapshotRef existing = refs.get(name);
    if (existing != null) {
      throw new IllegalArgumentException("ref '" + name + "' of table " + table + " already exists (a "
          + kind(existing) + " at snapshot " + existing.snapshotId() + ")");
    }
  }

  private SnapshotRef ref(String name) {
    checkName(name);
    SnapshotRef r = refs.get(name);
    if (r == null) {
      throw new IllegalArgumentException("no branch or tag '" + name + "' in table " + table + "; it has " + refs.keySet());
    }
    return r;
  }

  private SnapshotRef branch(String name) {
    SnapshotRef r = ref(name);
    if (!r.isBranch()) {
      throw new IllegalArgumentException("'" + name + "' of table " + table + " is a tag, not a branch");
    }
    return r;
  }

  private SnapshotRef tag(String name) {
    SnapshotRef r = ref(name);
    if (r.isBranch()) {
      throw new IllegalArgumentException("'" + name + "' of table " + table + " is a branch, not a tag");
    }
    return r;
  }

  private void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a branch or tag name of table " + table + " must not be empty");
    }
  }

  private void positive(long value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " of table " + table + " must be positive: " + value);
    }
  }

  private static String kind(SnapshotRef r) {
    return r.isBranch() ? "branch" : "tag";
  }
}
