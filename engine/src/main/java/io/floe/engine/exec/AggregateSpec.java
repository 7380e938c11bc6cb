package io.floe.engine.exec;

import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;

/**
 * One aggregate call: its function, argument columns, DISTINCT, the column of its FILTER (or -1) and its
 * result type; {@code literal} is the value of a LITERAL_AGG (which returns it for every group); {@code order} the
 * ORDER BY inside the call or its WITHIN GROUP (input columns; empty without one).
 */
public record AggregateSpec(SqlKind kind, List<Integer> args, boolean distinct, int filterArg, RelDataType type,
    Object literal, List<RelFieldCollation> order) {
  public AggregateSpec {
    args = List.copyOf(args);
    order = List.copyOf(order);
  }

  /** An aggregate call without an order of its input rows. */
  public AggregateSpec(SqlKind kind, List<Integer> args, boolean distinct, int filterArg, RelDataType type,
      Object literal) {
    this(kind, args, distinct, filterArg, type, literal, List.of());
  }

  /** The same call without DISTINCT and FILTER. */
  AggregateSpec allRows() {
    return new AggregateSpec(kind, args, false, -1, type, literal, order);
  }
}
