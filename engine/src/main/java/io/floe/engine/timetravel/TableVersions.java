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
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;

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
    return atTime(table, tableName, millis, zone);
  }

  /**
   * The snapshot a period written as a literal names ({@code FOR VERSION AS OF} a number or a quoted tag or branch
   * name, {@code FOR SYSTEM_TIME AS OF TIMESTAMP '...'}), as the parser gives it; null for any other period (which
   * {@link #resolve(Table, String, RexNode, ZoneId)} reads after validation).
   */
  public static Snapshot resolve(Table table, String tableName, SqlNode period, ZoneId zone) {
    if (period instanceof SqlCall call && call.getOperator() == VersionAsOf.OPERATOR) {
      SqlNode version = call.operand(0);
      if (version instanceof SqlCharStringLiteral literal) {
        return byRef(table, tableName, literal.getValueAs(String.class));
      }
      if (version instanceof SqlNumericLiteral literal) {
        return byId(table, tableName, snapshotId(literal.getValueAs(BigDecimal.class), tableName));
      }
      return null;
    }
    SqlNode timestamp = period instanceof SqlUnknownLiteral typed ? timestamp(typed) : period;
    if (timestamp instanceof SqlTimestampLiteral literal) {
      long local = literal.getValueAs(TimestampString.class).getMillisSinceEpoch();
      return atTime(table, tableName, inZone(local, zone), zone);
    }
    return null;
  }

  /**
   * The TIMESTAMP literal a typed literal the parser left unresolved is, or null for another type or text that is
   * no timestamp (which validation then reports with its position).
   */
  private static SqlLiteral timestamp(SqlUnknownLiteral typed) {
    if (!typed.tag.equalsIgnoreCase("TIMESTAMP")) {
      return null;
    }
    try {
      return typed.resolve(SqlTypeName.TIMESTAMP);
    } catch (RuntimeException invalid) {
      return null;
    }
  }

  private static Snapshot atTime(Table table, String tableName, long epochMillis, ZoneId zone) {
    Snapshot snapshot = asOfTime(table, epochMillis);
    if (snapshot == null) {
      throw tooEarly(table, tableName, epochMillis, zone);
    }
    return snapshot;
  }

  /** The epoch milliseconds of the local time {@code localMillis} (milliseconds of a UTC clock) in {@code zone}. */
  private static long inZone(long localMillis, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(localMillis), ZoneOffset.UTC);
    return local.atZone(zone).toInstant().toEpochMilli();
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
      return inZone(millis, zone);
    }
    return null;
  }

  /** The snapshot id a numeric literal holds. */
  public static long snapshotId(RexLiteral literal, String tableName) {
    return snapshotId(literal.getValueAs(BigDecimal.class), tableName);
  }

  private static long snapshotId(BigDecimal value, String tableName) {
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
