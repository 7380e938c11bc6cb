package io.floe.engine.timetravel;

import io.floe.engine.expr.SqlStateException;
import io.floe.engine.parser.VersionAsOf;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotLogEntry;
import io.floe.metadata.SnapshotRef;
import io.floe.table.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Resolves the versions SQL names (a point in time, a snapshot id, a tag or a branch) to snapshots of a table, with
 * errors (SQLState 22023) that name the table and the value. Timestamps without a time zone are read in the
 * session's time zone; {@code TIMESTAMP WITH LOCAL TIME ZONE} values are instants.
 */
public final class TableVersions {
  /** SQLState of a version or time the table does not have (invalid parameter value). */
  public static final String UNKNOWN_VERSION = "22023";

  private TableVersions() {
  }

  /**
   * The snapshot the constant {@code period} of {@code FOR SYSTEM_TIME AS OF} or {@code FOR VERSION AS OF} names;
   * fails with {@code not supported} for a period that is not a constant.
   */
  public static Snapshot resolve(Table table, String tableName, RexNode period, ZoneId zone) {
    if (period instanceof RexCall call && call.getOperator() == VersionAsOf.OPERATOR) {
      RexNode version = call.getOperands().get(0);
      if (!(version instanceof RexLiteral literal) || literal.isNull()) {
        throw new UnsupportedOperationException("not supported: FOR VERSION AS OF " + version + " on table "
            + tableName + " (a snapshot id or a quoted tag or branch name is needed)");
      }
      if (SqlTypeFamily.CHARACTER.contains(literal.getType())) {
        return byRef(table, tableName, literal.getValueAs(String.class));
      }
      if (SqlTypeFamily.NUMERIC.contains(literal.getType())) {
        return byId(table, tableName, snapshotId(literal, tableName));
      }
      throw new UnsupportedOperationException("not supported: FOR VERSION AS OF a value of type "
          + literal.getType() + " on table " + tableName);
    }
    Long millis = epochMillis(period, zone);
    if (millis == null) {
      throw new UnsupportedOperationException("not supported: FOR SYSTEM_TIME AS OF " + period + " on table "
          + tableName + " (a TIMESTAMP literal is needed)");
    }
    Snapshot snapshot = asOfTime(table, millis);
    if (snapshot == null) {
      throw tooEarly(table, tableName, millis, zone);
    }
    return snapshot;
  }

  /**
   * The epoch milliseconds of a TIMESTAMP (read in {@code zone}) or TIMESTAMP WITH LOCAL TIME ZONE literal, or
   * null when {@code node} is no such literal.
   */
  public static Long epochMillis(RexNode node, ZoneId zone) {
    if (!(node instanceof RexLiteral literal) || literal.isNull()) {
      return null;
    }
    SqlTypeName type = literal.getType().getSqlTypeName();
    Long millis = literal.getValueAs(Long.class);
    if (type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return millis;
    }
    if (type == SqlTypeName.TIMESTAMP) {
      LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
      return local.atZone(zone).toInstant().toEpochMilli();
    }
    return null;
  }

  /** The snapshot id a numeric literal holds. */
  public static long snapshotId(RexLiteral literal, String tableName) {
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw new SqlStateException(UNKNOWN_VERSION, "table " + tableName + " has no snapshot " + value);
    }
  }

  /** The snapshot that was current at {@code epochMillis} (the latest made current at or before it), or null. */
  public static Snapshot asOfTime(Table table, long epochMillis) {
    Snapshot found = null;
    for (SnapshotLogEntry entry : table.history()) {
      Snapshot snapshot = table.snapshot(entry.snapshotId());
      if (entry.timestampMs() <= epochMillis && snapshot != null) {
        found = snapshot;
      }
    }
    return found;
  }

  /** The error for a time before the table's first snapshot. */
  public static SqlStateException tooEarly(Table table, String tableName, long epochMillis, ZoneId zone) {
    String first = table.history().isEmpty() ? "it has no snapshots"
        : "its first snapshot was made at " + format(table.history().get(0).timestampMs(), zone);
    return new SqlStateException(UNKNOWN_VERSION, "table " + tableName + " has no snapshot at or before "
        + format(epochMillis, zone) + "; " + first);
  }

  /** The snapshot with this id; fails if the table does not have it (never had it, or it expired). */
  public static Snapshot byId(Table table, String tableName, long snapshotId) {
    Snapshot snapshot = table.snapshot(snapshotId);
    if (snapshot == null) {
      throw new SqlStateException(UNKNOWN_VERSION, "table " + tableName + " has no snapshot " + snapshotId);
    }
    return snapshot;
  }

  /** The snapshot a tag or branch points to; fails naming the table's refs if there is no such ref. */
  public static Snapshot byRef(Table table, String tableName, String ref) {
    SnapshotRef found = table.refs().get(ref);
    if (found == null) {
      throw new SqlStateException(UNKNOWN_VERSION, "table " + tableName + " has no tag or branch '" + ref
          + "'; it has " + table.refs().keySet());
    }
    return byId(table, tableName, found.snapshotId());
  }

  private static String format(long epochMillis, ZoneId zone) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone) + " (" + zone + ")";
  }
}
