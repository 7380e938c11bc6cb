package io.floe.engine.exec;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;

/**
 * One window function call: its kind, the column of its argument (-1 for none: COUNT(*), ranking functions),
 * {@code count} (the offset of LAG/LEAD, the buckets of NTILE, the n of NTH_VALUE), or the column holding it per row
 * ({@code countColumn}, else -1; LAG, LEAD and NTH_VALUE), the default of LAG/LEAD as a
 * column ({@code defaultColumn}, else -1) or a constant ({@code defaultValue}, null for NULL), whether NULL values
 * are skipped ({@code ignoreNulls}: IGNORE NULLS of FIRST_VALUE, LAST_VALUE, NTH_VALUE, LAG and LEAD), whether an
 * aggregate counts each distinct value once ({@code distinct}) and the result type.
 */
public record WindowCall(SqlKind kind, int argument, long count, int countColumn, int defaultColumn,
    Object defaultValue, boolean ignoreNulls, boolean distinct, RelDataType type) {
  /** A call with an argument column (or -1) and nothing else. */
  public static WindowCall of(SqlKind kind, int argument, RelDataType type) {
    return new WindowCall(kind, argument, 0, -1, -1, null, false, false, type);
  }
}
