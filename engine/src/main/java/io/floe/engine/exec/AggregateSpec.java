package io.floe.engine.exec;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;

/**
 * One aggregate call: its function, argument columns, DISTINCT, the column of its FILTER (or -1) and its
 * result type; {@code literal} is the value of a LITERAL_AGG (which returns it for every group).
 */
public record AggregateSpec(SqlKind kind, List<Integer> args, boolean distinct, int filterArg, RelDataType type,
    Object literal) {
  public AggregateSpec {
    args = List.copyOf(args);
  }
}
