package io.floe.engine.exec;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;

/**
 * One aggregate call: its function, argument columns, DISTINCT, the column of its FILTER (or -1) and its
 * result type.
 */
public record AggregateSpec(SqlKind kind, List<Integer> args, boolean distinct, int filterArg, RelDataType type) {
  public AggregateSpec {
    args = List.copyOf(args);
  }
}
