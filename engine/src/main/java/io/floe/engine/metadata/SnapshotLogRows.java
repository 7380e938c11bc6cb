package io.floe.engine.metadata;

import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotAncestry;
import io.floe.metadata.SnapshotLogEntry;
import io.floe.metadata.SnapshotRef;
import io.floe.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Rows of the metadata tables read from table metadata alone: snapshots, history and refs. */
final class SnapshotLogRows {
  private SnapshotLogRows() {
  }

  /** {@code t$snapshots}: one row per snapshot still in the metadata, oldest first. */
  static List<Object[]> snapshots(Table table) {
    List<Object[]> rows = new ArrayList<>();
    for (Snapshot s : table.snapshots()) {
      rows.add(new Object[] {micros(s.timestampMs()), s.snapshotId(), s.parentSnapshotId(), s.operation(),
          s.manifestList(), json(s.summary())});
    }
    return rows;
  }

  /** {@code t$history}: one row per snapshot-log entry (when each snapshot became current), oldest first. */
  static List<Object[]> history(Table table) {
    Set<Long> currentAncestors = new HashSet<>();
    Snapshot current = table.currentSnapshot();
    if (current != null) {
      for (Snapshot s : SnapshotAncestry.ancestorsOf(table.metadata(), current)) {
        currentAncestors.add(s.snapshotId());
      }
    }
    List<Object[]> rows = new ArrayList<>();
    for (SnapshotLogEntry entry : table.history()) {
      Snapshot s = table.snapshot(entry.snapshotId());
      rows.add(new Object[] {micros(entry.timestampMs()), entry.snapshotId(), s == null ? null : s.parentSnapshotId(),
          currentAncestors.contains(entry.snapshotId())});
    }
    return rows;
  }

  /** {@code t$refs}: one row per branch and tag, by name. */
  static List<Object[]> refs(Table table) {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, SnapshotRef> e : new TreeMap<>(table.refs()).entrySet()) {
      SnapshotRef ref = e.getValue();
      rows.add(new Object[] {e.getKey(), ref.type().name(), ref.snapshotId(), ref.maxRefAgeMs(),
          ref.minSnapshotsToKeep() == null ? null : (long) ref.minSnapshotsToKeep(), ref.maxSnapshotAgeMs()});
    }
    return rows;
  }

  /** Epoch milliseconds as the engine's TIMESTAMP value (microseconds). */
  static long micros(long epochMillis) {
    return epochMillis * 1000;
  }

  /** A string map as a JSON object with sorted keys. */
  static String json(Map<String, String> map) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      quote(sb, e.getKey()).append(':');
      quote(sb, e.getValue());
    }
    return sb.append('}').toString();
  }

  /** Appends {@code value} as a JSON string (or {@code null}). */
  static StringBuilder quote(StringBuilder sb, String value) {
    if (value == null) {
      return sb.append("null");
    }
    sb.append('"');
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"');
  }
}
